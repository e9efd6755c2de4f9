#!/bin/sh
# Crash safety: kill -9 in the middle of an ingest of thousands of documents
# loses no committed batch, leaves a database that passes integrity_check
# with every committed sentence in the full-text index,
# and the next ingest finishes the job without duplicates; readers (docs,
# search) keep working while the ingest writes.
set -u
: "${CORROB_BIN:?}"
t=$(mktemp -d)
trap 'kill -9 $pid 2>/dev/null; rm -rf "$t"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $1"; }
N=6000
python3 - "$t/feed.jsonl" $N <<'PY'
import json, sys
words = "harbour council budget river bridge school hospital market station railway court mayor".split()
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        body = " ".join("The %s of district %d reported %d new cases on day %d." % (words[(i + k) % len(words)], i, k * 7 + i % 13, k)
                        for k in range(12))
        f.write(json.dumps({"url": "https://example.org/%d" % i, "title": "Item %d" % i, "text": body}) + "\n")
PY
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from documents').fetchone()[0])" "$t/s.db" 2>/dev/null || echo 0; }

"$CORROB_BIN" -q --db "$t/s.db" ingest "$t/feed.jsonl" 2>/dev/null &
pid=$!
# wait for a few committed batches, reading while the ingest writes
seen=0 readers_ok=1 i=0
while [ $i -lt 600 ]; do
	i=$((i + 1))
	seen=$(count)
	if [ "$seen" -gt 0 ]; then
		"$CORROB_BIN" --db "$t/s.db" docs > /dev/null 2>&1 || readers_ok=0
		"$CORROB_BIN" --db "$t/s.db" search harbour > /dev/null 2>&1 || readers_ok=0
	fi
	[ "$seen" -ge 600 ] && break
	kill -0 $pid 2>/dev/null || break
	sleep 0.05
done
if kill -0 $pid 2>/dev/null; then
	kill -9 $pid
	wait $pid 2>/dev/null
	ok
else
	no "the ingest finished before it could be killed (saw $seen documents)"
fi
[ $readers_ok -eq 1 ] && ok || no "a reader failed while the ingest wrote"
after=$(count)
[ "$after" -ge "$seen" ] && ok || no "committed documents lost: $seen seen, $after after the kill"
[ $((after % 200)) -eq 0 ] && ok || no "a partial batch was stored: $after documents"
integrity=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])" "$t/s.db")
[ "$integrity" = ok ] && ok || no "integrity_check after kill -9: $integrity"
# every committed sentence is in the full-text index (schema 8 indexes a
# batch at its commit) and the index holds nothing else
fts() {
	python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute(\"INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)\")
n = c.execute('SELECT count(*) FROM sentences').fetchone()[0]
hit = c.execute(\"SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'reported'\").fetchone()[0]
print('ok' if n > 0 and hit == n else '%d sentences, %d found by search' % (n, hit))" "$t/s.db" 2>&1 | tail -1
}
indexed=$(fts)
[ "$indexed" = ok ] && ok || no "full-text index after kill -9: $indexed"
# the next ingest completes the job, storing each article once
"$CORROB_BIN" -q --db "$t/s.db" ingest "$t/feed.jsonl" 2>/dev/null && ok || no "second ingest failed"
final=$(count)
[ "$final" -eq $N ] && ok || no "after resuming: $final documents, want $N"
indexed=$(fts)
[ "$indexed" = ok ] && ok || no "full-text index after resuming: $indexed"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
