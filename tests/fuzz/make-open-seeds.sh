#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Remakes the seed corpus of fuzz-open (tests/fuzz/corpus/open/) from the app itself:
#   tests/fuzz/make-open-seeds.sh BUILD_DIR
# A tiny programme (the tests' CSVs imported, then a session, a review, an event, an
# engagement activity, a milestone and a charter adoption), stored with 512-byte pages so
# each seed stays under 64 KB, and damaged copies of it: each a way a file reaches people.
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
source_root=$(cd "$here/../.." && pwd)
out=$here/corpus/open # each seed named without .sqlite, which git ignores here
binary=$build/src/trauma-informed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

programme=$work/programme.sqlite
for kind in organisations people tier1; do
  "$binary" --db="$programme" --import="$kind:$source_root/tests/data/$kind.csv" >/dev/null
done

sqlite3 "$programme" >/dev/null <<'SQL'
INSERT INTO sessions (id, tier, title, starts_at, host_organisation_id, status, review_status)
  VALUES (1, 2, 'Trauma-skilled practice', '2023-05-10 09:30', 1, 'delivered', 'approved'),
         (2, 3, 'Trauma-enhanced supervision', '2023-09-12 13:00', 2, 'delivered', 'awaiting');
INSERT INTO session_facilitators (session_id, person_id, kind) VALUES (1, 1, 'champion'), (2, 2, 'psychologist');
INSERT INTO attendance (session_id, person_id, attended, completed, confidence_before, confidence_after, feedback)
  VALUES (1, 3, 1, 1, 2, 4, 5), (1, 4, 1, 0, 3, 3, NULL), (2, 6, 1, 1, 1, 5, 4);
INSERT INTO reviews (id, session_id, reviewer_id, reviewed_on, outcome, notes)
  VALUES (1, 1, 2, '2023-05-20', 'approved', 'Well paced');
INSERT INTO review_answers (review_id, item_id, met) SELECT 1, id, 1 FROM fidelity_items LIMIT 3;
INSERT INTO events (id, title, kind, starts_at, venue) VALUES (1, 'Network launch', 'launch', '2023-01-25 10:00', 'Taunton');
INSERT INTO event_speakers (event_id, name, reach) VALUES (1, 'A Speaker', 'national');
INSERT INTO event_attendance (event_id, person_id, invited, attended, feedback) VALUES (1, 1, 1, 1, 4), (1, 4, 1, 0, NULL);
INSERT INTO engagement_activities (id, held_on, kind, title, young_people, professionals)
  VALUES (1, '2023-03-02', 'focus_group', 'Young people on first contact', 8, 2);
INSERT INTO engagement_influences (activity_id, area) VALUES (1, 'charter');
INSERT INTO engagement_actions (activity_id, you_said, status) VALUES (1, 'Fewer repeated questions', 'in_progress');
INSERT INTO charter_adoptions (organisation_id, stage, signed_on, signatory_name, signatory_role, review_on)
  VALUES (1, 'signed', '2023-06-01', 'A Signatory', 'Chief executive', '2024-06-01');
INSERT INTO charter_commitments (organisation_id, action, due_on) VALUES (1, 'Train every ward manager', '2024-03-31');
INSERT INTO milestones (workstream_id, title, due_month, done_on, evidence_event_id)
  VALUES (1, 'Network and charter launch', '2023-01', '2023-01-25', 1);
INSERT INTO network_positions (mode, kind, id, x, y) VALUES ('champions', 'organisation', 1, 0.5, -0.25);
PRAGMA journal_mode = DELETE;
PRAGMA page_size = 512;
VACUUM;
SQL

version=$(sqlite3 "$programme" 'PRAGMA user_version')
size=$(stat -c %s "$programme")
pages=$((size / 512))

cp "$programme" "$out/valid"

# The file cut short: mid-way, and inside its own 100-byte header.
head -c $((size / 2)) "$programme" >"$out/truncated-half"
head -c 60 "$programme" >"$out/truncated-header"

# Not SQLite: the magic string damaged.
cp "$programme" "$out/bad-header"
printf 'SQLite farmat 3' | dd of="$out/bad-header" conv=notrunc status=none

# A page size that is not a power of two, and a page count beyond the file.
cp "$programme" "$out/bad-page-size"
printf '\x03\x00' | dd of="$out/bad-page-size" bs=1 seek=16 conv=notrunc status=none
cp "$programme" "$out/page-count-beyond"
printf '\x00\x00\x10\x00' | dd of="$out/page-count-beyond" bs=1 seek=28 conv=notrunc status=none

# From a newer version of the app, and from an older one (migrated on open).
cp "$programme" "$out/newer-version"
sqlite3 "$out/newer-version" "PRAGMA user_version = $((version + 1))"
cp "$programme" "$out/older-version"
sqlite3 "$out/older-version" "PRAGMA user_version = $((version - 1))"
cp "$programme" "$out/no-version"
sqlite3 "$out/no-version" "PRAGMA user_version = 0"

# Another application's SQLite file, and an empty one.
cp "$programme" "$out/foreign-application"
sqlite3 "$out/foreign-application" "PRAGMA application_id = 1"
rm -f "$work/empty.sqlite"
sqlite3 "$work/empty.sqlite" "PRAGMA page_size = 512; CREATE TABLE t (x); DROP TABLE t; VACUUM"
cp "$work/empty.sqlite" "$out/empty-database"

# A page in the middle overwritten, and the last page's b-tree header zeroed.
cp "$programme" "$out/corrupt-page"
head -c 512 /dev/zero | tr '\0' '\377' \
  | dd of="$out/corrupt-page" bs=512 seek=$((pages / 2)) conv=notrunc status=none
cp "$programme" "$out/corrupt-btree"
head -c 12 /dev/zero | dd of="$out/corrupt-btree" bs=1 seek=$((512 * (pages - 1))) \
  conv=notrunc status=none

# Whole in SQLite's eyes, odd in ours: values the schema's checks would refuse and links to
# records that are not there, as an older version or another tool might have written.
cp "$programme" "$out/odd-values"
sqlite3 "$out/odd-values" <<'SQL'
PRAGMA ignore_check_constraints = ON;
PRAGMA foreign_keys = OFF;
UPDATE settings SET value = 'not a date' WHERE key = 'period_start';
UPDATE settings SET value = '2024-02-30' WHERE key = 'period_end';
UPDATE settings SET value = 'many' WHERE key = 'suppression_threshold';
UPDATE organisations SET parent_id = 2, headcount = -40, sector = 'bogus' WHERE id = 1;
UPDATE organisations SET parent_id = 1 WHERE id = 2;
UPDATE people SET locality = 'atlantis', organisation_id = 999 WHERE id = 5;
UPDATE champions SET since = '0000-00-00', status = 'sideways' WHERE person_id = 1;
UPDATE tier1_completions SET completed_on = '9999-99-99' WHERE id = 1;
UPDATE sessions SET starts_at = 'soon', tier = 7, duration_minutes = -5 WHERE id = 1;
UPDATE sessions SET review_status = 'lost', host_organisation_id = 404 WHERE id = 2;
UPDATE attendance SET confidence_before = 99, confidence_after = -3, person_id = 77 WHERE session_id = 1 AND person_id = 3;
UPDATE events SET starts_at = '', kind = 'party' WHERE id = 1;
UPDATE event_attendance SET feedback = 0, attended = 2 WHERE event_id = 1 AND person_id = 1;
UPDATE engagement_activities SET held_on = '2023-13-01', young_people = -1 WHERE id = 1;
UPDATE milestones SET due_month = '2023', done_on = 'yesterday', workstream_id = 9;
UPDATE charter_adoptions SET stage = 'eaten', signed_on = '31/12/2023';
UPDATE network_positions SET x = 1e308 * 10, y = -1e308 * 10;
UPDATE reviews SET outcome = 'maybe', reviewed_on = '';
VACUUM;
SQL

# Whole in SQLite's eyes, but a NULL in every column the schema says is NOT NULL (in each
# table's first row): a damaged record can read so. The schema is loosened, the NULLs
# written, and the schema put back as it was.
cp "$programme" "$out/null-values"
/usr/bin/python3 - "$out/null-values" <<'PY'
import re, sqlite3, sys
path = sys.argv[1]
db = sqlite3.connect(path)
tables = db.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").fetchall()
plans = []
for name, sql in tables:
    without_rowid = 'WITHOUT ROWID' in sql.upper()
    info = db.execute(f"SELECT name, \"notnull\", pk FROM pragma_table_info('{name}')").fetchall()
    columns = [c for c, notnull, pk in info if notnull and not (without_rowid and pk)]
    keys = [c for c, notnull, pk in sorted(info, key=lambda i: i[2]) if pk] if without_rowid else ['rowid']
    if columns:
        plans.append((name, columns, keys))
db.execute("PRAGMA writable_schema = ON")
for name, sql in tables:
    db.execute("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?",
               (re.sub(r'(?<!IS )NOT NULL', '', sql), name))
db.commit()
db.close()
db = sqlite3.connect(path)
db.execute("PRAGMA ignore_check_constraints = ON")
for name, columns, keys in plans:
    first = db.execute(f"SELECT {', '.join(keys)} FROM {name} ORDER BY {', '.join(keys)} LIMIT 1").fetchone()
    if first is not None:
        db.execute(f"UPDATE {name} SET {', '.join(c + ' = NULL' for c in columns)}"
                   f" WHERE {' AND '.join(k + ' = ?' for k in keys)}", first)
db.commit()
db.close()
db = sqlite3.connect(path)
db.execute("PRAGMA writable_schema = ON")
for name, sql in tables:
    db.execute("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?", (sql, name))
db.commit()
PY

# fuzz-open also writes the workbook of an input whose header byte 72 (reserved, never read
# by SQLite) is odd: these two ask for it.
for seed in odd-values null-values; do
  printf '\x01' | dd of="$out/$seed" bs=1 seek=72 conv=notrunc status=none
done

ls -l "$out"
