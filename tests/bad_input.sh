#!/bin/sh
# Bad input: each case gives a clear message naming the file (and the line
# or byte where it applies), the right exit status, no crash, the other
# inputs stored and nothing already stored lost.
set -u
: "${CORROB_BIN:?}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $1"; }
C() { "$CORROB_BIN" -q --db "$t/s.db" "$@"; }
docs() { "$CORROB_BIN" --db "$t/s.db" docs | wc -l; }

printf 'A first good article about a harbour.\n' > "$t/good1.txt"
printf 'A second good article about a bridge.\n' > "$t/good2.txt"
C ingest "$t/good1.txt" 2>/dev/null
[ "$(docs)" -eq 1 ] && ok || no "first article stored"

# a missing file: named, exit 1, the good file beside it stored
C ingest "$t/missing.txt" "$t/good2.txt" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && ok || no "missing file exits 1 (got $rc)"
grep -q "missing.txt.*No such file" "$t/err" && ok || no "missing file named: $(cat "$t/err")"
[ "$(docs)" -eq 2 ] && ok || no "good file beside a missing one stored"

# an empty file
: > "$t/empty.txt"
C ingest "$t/empty.txt" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "empty.txt.*empty" "$t/err" && ok || no "empty file: rc=$rc $(cat "$t/err")"

# a binary file (fixed bytes, so the test never depends on chance; it opens
# with "{" so that only its NUL bytes tell it from JSONL)
python3 -c "import sys; sys.stdout.buffer.write(b'{' + bytes(range(256)) * 16)" > "$t/noise.bin.txt"
C ingest "$t/noise.bin.txt" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "noise.bin.txt.*binary" "$t/err" && ok || no "binary file: rc=$rc $(cat "$t/err")"

# invalid UTF-8: stored, with a warning naming the byte offset
printf 'Price rose to 5 \243 a litre in the town.\n' > "$t/latin1.txt"
C ingest "$t/latin1.txt" 2> "$t/err"; rc=$?
[ $rc -eq 0 ] && grep -q "latin1.txt:byte 16: warning" "$t/err" && ok || no "invalid UTF-8: rc=$rc $(cat "$t/err")"
[ "$(docs)" -eq 3 ] && ok || no "repaired article stored"

# a JSONL line that is not JSON: named by line, the other lines stored
printf '{"title":"J1","text":"JSON article one about rain."}\n{oops\n{"title":"J2","text":"JSON article two about snow."}\n' > "$t/feed.jsonl"
C ingest "$t/feed.jsonl" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "feed.jsonl:line 2: error" "$t/err" && ok || no "bad JSONL line: rc=$rc $(cat "$t/err")"
[ "$(docs)" -eq 5 ] && ok || no "good JSONL lines stored ($(docs))"

# a 100 MB line: refused with a message, nothing lost, no crash
python3 -c "import sys; sys.stdout.write('word ' * 21000000)" > "$t/huge.txt"
C ingest "$t/huge.txt" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "huge.txt.*limit" "$t/err" && ok || no "100 MB line: rc=$rc $(cat "$t/err")"
[ "$(docs)" -eq 5 ] && ok || no "nothing lost after the huge file"
rm -f "$t/huge.txt"

# stdin
printf 'An article read from standard input about a dam.\n' | C ingest - 2>/dev/null && ok || no "stdin ingest"
[ "$(docs)" -eq 6 ] && ok || no "stdin article stored"

# usage errors exit 2; --help exits 0
C ingest 2>/dev/null; [ $? -eq 2 ] && ok || no "ingest without paths exits 2"
C frobnicate 2>/dev/null; [ $? -eq 2 ] && ok || no "unknown command exits 2"
"$CORROB_BIN" --help | grep -q "exit status" && ok || no "--help documents exit status"
for c in run ingest docs show search report claims entities extract; do
	"$CORROB_BIN" $c --help > /dev/null 2>&1 && ok || no "$c --help"
done

# a report from a store that does not exist: an error, and no empty store made
"$CORROB_BIN" --db "$t/none.db" report 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && [ ! -e "$t/none.db" ] && grep -q "no such database" "$t/err" && ok || no "report without a store: rc=$rc"

# a store that is not a corrob database
printf 'garbage' > "$t/bad.db"
"$CORROB_BIN" --db "$t/bad.db" docs 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "bad.db" "$t/err" && ok || no "foreign database: rc=$rc $(cat "$t/err")"

# a report written to something that is no regular file (here a FIFO; the
# same path as /dev/null) is written into it, never replaced by a file
mkfifo "$t/fifo"
timeout 20 cat "$t/fifo" > "$t/from-fifo" &
reader=$!
C report --format json --out "$t/fifo" 2> "$t/err"; rc=$?
wait $reader
[ $rc -eq 0 ] && [ -p "$t/fifo" ] && grep -q '"schema_version"' "$t/from-fifo" && ok ||
	no "report into a FIFO: rc=$rc, still a FIFO: $([ -p "$t/fifo" ] && echo yes || echo no)"

# the store is still whole
sqlite3_ok=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])" "$t/s.db")
[ "$sqlite3_ok" = ok ] && ok || no "integrity_check: $sqlite3_ok"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
