# Trauma Informed Somerset — the two commands a newcomer needs are `make run` and `make test`.
# Every Debian package the build, the app and the tests need, in one list.
DEBIAN_PACKAGES = \
	build-essential meson ninja-build pkg-config gettext libglib2.0-dev-bin \
	libgtk-4-dev libgtk-4-bin libglib2.0-bin libadwaita-1-dev \
	libsqlite3-dev libxlsxwriter-dev libcsv-dev libigraph-dev \
	sqlite3 xvfb xauth dbus-daemon desktop-file-utils appstream \
	python3 python3-openpyxl imagemagick xdotool \
	adwaita-icon-theme fonts-cantarell librsvg2-common graphviz locales \
	clang libclang-rt-14-dev time

BUILD_DIR ?= _build
# `make test-asan`: AddressSanitizer and UndefinedBehaviorSanitizer.
ASAN_BUILD_DIR ?= _build-asan
# `make fuzz`: clang with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer.
FUZZ_BUILD_DIR ?= _build-libfuzzer
FUZZ_SECONDS ?= 60
DEMO_DB = $(BUILD_DIR)/demo-programme.sqlite
SHELL := /bin/bash
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run test test-asan bench fuzz install pot clean

all: build

deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "Installing missing Debian packages:" $$missing; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(BUILD_DIR)/build.ninja:
	meson setup $(BUILD_DIR)

build: deps $(BUILD_DIR)/build.ninja
	meson compile -C $(BUILD_DIR)

$(DEMO_DB): | build
	$(BUILD_DIR)/src/trauma-informed --create-demo=$(DEMO_DB)

run: build
	@[ -f $(DEMO_DB) ] || $(BUILD_DIR)/src/trauma-informed --create-demo=$(DEMO_DB)
	GSETTINGS_SCHEMA_DIR=$(BUILD_DIR)/data $(BUILD_DIR)/src/trauma-informed --db=$(DEMO_DB)

# The suite under xvfb-run, ending with one plain line: meson prints "Ok: N  Fail: N ...", the
# closing line says "N passed, N failed". $(call meson_test,BUILD DIR,more `meson test` options)
define meson_test
@set -o pipefail; xvfb-run -a meson test -C $(1) --print-errorlogs $(2) 2>&1 | tee $(1)/test-summary.txt; \
status=$$?; \
ok=$$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' $(1)/test-summary.txt | tail -1); \
expfail=$$(sed -n 's/^Expected Fail: *\([0-9]*\).*/\1/p' $(1)/test-summary.txt | tail -1); \
fail=$$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' $(1)/test-summary.txt | tail -1); \
unexp=$$(sed -n 's/^Unexpected Pass: *\([0-9]*\).*/\1/p' $(1)/test-summary.txt | tail -1); \
timeout=$$(sed -n 's/^Timeout: *\([0-9]*\).*/\1/p' $(1)/test-summary.txt | tail -1); \
echo "$$(( $${ok:-0} + $${expfail:-0} )) passed, $$(( $${fail:-0} + $${unexp:-0} + $${timeout:-0} )) failed"; \
exit $$status
endef

test: build
	$(call meson_test,$(BUILD_DIR))

# The whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer, leaks included.
# Debian's libraries have no frame pointers, so a leak's stack needs the slow unwinder, and
# tests/lsan.supp (other libraries' leaks only) needs that stack. GTK draws with Cairo and no
# OpenGL: Mesa's JIT deadlocks the slow unwinder. Everything runs many times slower, so the
# tests' own waits and meson's timeouts are ten times as long.
test-asan: export ASAN_OPTIONS = detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0:malloc_context_size=20
test-asan: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
test-asan: export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1
test-asan: export G_SLICE = always-malloc
test-asan: export G_DEBUG = gc-friendly
test-asan: export GSK_RENDERER = cairo
test-asan: export GDK_DEBUG = gl-disable
test-asan: export TI_TEST_WAIT_SCALE = 10
test-asan: deps $(ASAN_BUILD_DIR)/build.ninja
	meson compile -C $(ASAN_BUILD_DIR)
	$(call meson_test,$(ASAN_BUILD_DIR),--timeout-multiplier 10)

$(ASAN_BUILD_DIR)/build.ninja:
	meson setup $(ASAN_BUILD_DIR) -Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

# DESIGN.md §6: each benchmark beside its yardstick, measured in one run, then one table of
# target, measured, yardstick, ratio, verdict and peak memory (bench/run.sh). Not a test.
bench: build
	bench/run.sh $(BUILD_DIR)

# Each fuzz harness (tests/fuzz/) for FUZZ_SECONDS, from the committed corpus; new inputs go
# to $(FUZZ_BUILD_DIR)/fuzz-corpus, whatever fails to $(FUZZ_BUILD_DIR)/fuzz-findings.
$(FUZZ_BUILD_DIR)/build.ninja:
	CC=clang meson setup $(FUZZ_BUILD_DIR) -Db_sanitize=address,undefined -Db_lundef=false \
		-Dc_args=-fsanitize=fuzzer-no-link

fuzz: deps $(FUZZ_BUILD_DIR)/build.ninja
	meson compile -C $(FUZZ_BUILD_DIR) fuzz-csv fuzz-open
	tests/fuzz/run.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS)

install: build
	meson install -C $(BUILD_DIR)

pot: build
	meson compile -C $(BUILD_DIR) trauma-informed-pot

clean:
	rm -rf $(BUILD_DIR)
