#!/bin/sh
# Concurrency: four ingests started at once on a new store all succeed and
# store every article once (the schema is created by whichever comes first,
# in one transaction, and the others wait for it); a report during an ingest
# that holds the write lock neither waits for it nor fails, and is complete:
# every document it names is whole, every claim quotes its document.
set -u
: "${CORROB_BIN:?}" "${CORROB_SOURCE_DIR:?}"
t=$(mktemp -d)
trap 'kill $feeder 2>/dev/null; rm -rf "$t"' EXIT
feeder=
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $1"; }
sq() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$@"; }

# four feeds of 400 articles; feed k holds articles 200k .. 200k+399, so
# neighbours share 200 (1,000 distinct articles, 1,600 sources)
python3 - "$t" <<'PY'
import json, sys
words = "harbour council budget river bridge school hospital market station railway court mayor".split()
for k in range(4):
    with open("%s/feed%d.jsonl" % (sys.argv[1], k), "w") as f:
        for i in range(200 * k, 200 * k + 400):
            body = " ".join("The %s of district %d reported %d new cases on day %d." % (words[(i + j) % len(words)], i, j * 7 + i % 13, j)
                            for j in range(8))
            f.write(json.dumps({"url": "https://example.org/%d" % i, "title": "Item %d" % i, "text": body}) + "\n")
PY

for round in 1 2 3; do
	db="$t/s$round.db"
	for k in 0 1 2 3; do
		"$CORROB_BIN" -q --db "$db" ingest "$t/feed$k.jsonl" 2> "$t/err$k" &
		eval "p$k=\$!"
	done
	bad=0
	for k in 0 1 2 3; do
		eval "wait \$p$k" || { bad=1; echo "ingest $k of round $round: $(cat "$t/err$k")"; }
	done
	[ $bad -eq 0 ] && ok || no "round $round: an ingest failed"
	n=$(sq "$db" "select count(*) from documents")
	s=$(sq "$db" "select count(*) from document_sources")
	[ "$n" = 1000 ] && [ "$s" = 1600 ] && ok || no "round $round: $n documents (want 1000), $s sources (want 1600)"
	[ "$(sq "$db" "PRAGMA integrity_check")" = ok ] && ok || no "round $round: integrity_check"
done

# a report while an ingest holds the write lock: the ingest reads a pipe that
# gives one article, then nothing for a while, with its batch open
db="$t/r.db"
"$CORROB_BIN" -q --db "$db" run "$CORROB_SOURCE_DIR/examples/mizintsev" --out "$t/before.md" --json "$t/before.json" > /dev/null
mkfifo "$t/slow"
(printf '{"title":"Slow","text":"An article that arrives slowly, about a lighthouse."}\n'; sleep 20;
 printf '{"title":"Slower","text":"A second article that arrives later, about a pier."}\n') > "$t/slow" &
feeder=$!
"$CORROB_BIN" -q --db "$db" ingest "$t/slow" 2> "$t/ingest-err" &
writer=$!
# wait until the ingest has stored its first article (its batch is open)
i=0
while [ $i -lt 100 ] && ! python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=0)
try:
    c.execute('BEGIN IMMEDIATE')
    sys.exit(1)
except sqlite3.OperationalError:
    sys.exit(0)" "$db" 2>/dev/null; do
	i=$((i + 1)); sleep 0.1
done
[ $i -lt 100 ] && ok || no "the ingest never took the write lock"
start=$(date +%s)
"$CORROB_BIN" --db "$db" report --format json --out "$t/during.json" 2> "$t/report-err"; rc=$?
took=$(( $(date +%s) - start ))
[ $rc -eq 0 ] && ok || no "report beside a writer: rc=$rc $(cat "$t/report-err")"
[ $took -lt 10 ] && ok || no "report waited ${took}s for the writer"
cmp -s "$t/before.json" "$t/during.json" && ok || no "the report during the ingest differs from the one before it"
python3 "$CORROB_SOURCE_DIR/tests/check_report.py" "$t/during.json" "$db" > "$t/check" 2>&1 && ok || no "report during the ingest: $(cat "$t/check")"
"$CORROB_BIN" --db "$db" claims > /dev/null 2> "$t/err" && ok || no "claims beside a writer: $(cat "$t/err")"
wait $writer && ok || no "the ingest failed beside the report: $(cat "$t/ingest-err")"
wait $feeder
feeder=
[ "$(sq "$db" "select count(*) from documents")" = 7 ] && ok || no "the slow ingest stored $(sq "$db" "select count(*) from documents") documents, want 7"
[ "$(sq "$db" "PRAGMA integrity_check")" = ok ] && ok || no "integrity_check after the report"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
