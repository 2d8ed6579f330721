/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

/* Each harness defines it; libFuzzer, or replay.c in `make test`, calls it once an input. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

void fuzz_init (void);
const char *fuzz_get_dir (void);
void fuzz_write_file (const char *path, const uint8_t *data, size_t size);
void fuzz_say (const char *format, ...) G_GNUC_PRINTF (1, 2);
G_NORETURN void fuzz_fail (const char *format, ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
