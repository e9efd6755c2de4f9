#!/bin/sh
# HTML pages and WARC crawls through `corrob ingest`: the format is read from
# the content (or forced), response records with HTML become documents with
# their target URI and page metadata, other records are skipped and counted,
# and a broken record is named by its offset without losing the others.
set -u
: "${CORROB_BIN:?}" "${CORROB_SOURCE_DIR:?}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $1"; }
C() { "$CORROB_BIN" --db "$t/s.db" "$@"; }

python3 - "$t" "$CORROB_SOURCE_DIR/tests/data/html" <<'PY'
import gzip, os, sys
out, pages = sys.argv[1], sys.argv[2]
def record(kind, uri, body, ctype):
    http = b""
    if kind == "response":
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body)
    block = http + body
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-02-01T10:00:00Z\r\n"
            "WARC-Record-ID: <urn:uuid:%08d>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (kind, uri, abs(hash(uri + kind)) % 10**8, ctype, len(block))).encode()
    return head + block + b"\r\n\r\n"
names = sorted(n for n in os.listdir(pages) if n.endswith(".html"))[:3]
recs = [record("warcinfo", "", b"software: test", "application/warc-fields")]
for i, n in enumerate(names):
    body = open(os.path.join(pages, n), "rb").read()
    recs.append(record("request", "https://news.example/%d" % i, b"GET / HTTP/1.1\r\n\r\n", "application/http; msgtype=request"))
    recs.append(record("response", "https://news.example/%d" % i, body, "application/http; msgtype=response"))
with open(os.path.join(out, "crawl.warc.gz"), "wb") as f:
    for r in recs:
        f.write(gzip.compress(r))
with open(os.path.join(out, "plain.warc"), "wb") as f:
    f.write(b"".join(recs[:3]))
    f.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\ntruncated")
PY

C -q ingest "$t/crawl.warc.gz" 2> "$t/err" && ok || no "gzip WARC ingest: $(cat "$t/err")"
n=$(C docs | wc -l)
[ "$n" -eq 3 ] && ok || no "3 HTML responses from the WARC, got $n"
C docs | grep -q "https://news.example\|	" && ok || no "docs lists the WARC documents"
C show d1 | grep -q "^url: *https://news.example/0" && ok || no "target URI kept as the document's URL: $(C show d1 | head -3)"
# the record's WARC-Record-ID (brackets dropped) and WARC-Date kept as its provenance
C show d1 | grep -q "^warc: *urn:uuid:[0-9]\{8\} at 2024-02-01T10:00:00Z$" && ok || no "WARC record id and date kept: $(C show d1 | head -9)"
[ "$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from document_sources where warc_record_id like \'urn:uuid:%\' and warc_date = \'2024-02-01T10:00:00Z\'').fetchone()[0])" "$t/s.db")" = 3 ] &&
	ok || no "each source keeps its WARC record"
C ingest "$t/crawl.warc.gz" 2> "$t/err"
grep -q "skipped" "$t/err" && ok || no "skipped records counted: $(cat "$t/err")"
# a truncated record: an error naming the place, the records before it stored
C -q ingest "$t/plain.warc" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "plain.warc" "$t/err" && ok || no "truncated WARC: rc=$rc $(cat "$t/err")"
# HTML read from the content, and --format forcing text
cp "$CORROB_SOURCE_DIR/tests/data/html/$(ls "$CORROB_SOURCE_DIR/tests/data/html" | grep html$ | tail -1)" "$t/page.data"
C -q ingest "$t/page.data" 2>/dev/null && ok || no "HTML detected from content"
C show "$t/page.data" | grep -q "<" && no "HTML tags leaked into clean text" || ok
C -q ingest --format text "$t/page.data" 2>/dev/null && ok || no "--format text accepted"
C -q ingest --format nonsense "$t/page.data" 2>/dev/null; [ $? -eq 2 ] && ok || no "unknown --format exits 2"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
