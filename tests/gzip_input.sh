#!/bin/sh
# gzip of anything: a gzip file is read as what it holds, told from the
# inflated content (JSONL, HTML, plain text), and as WARC only when that
# content is WARC; a forced --format reads under the compression too. A
# stream of several gzip members is read whole. Damaged gzip is in
# tests/bad_input.sh.
. "${CORROB_SOURCE_DIR:-$(dirname "$0")/..}/tests/lib/prelude.sh"
# ingest FILE... into a fresh store; prints how many documents it holds
count() { rm -f "$t/s.db"*; "$CORROB_BIN" -q --db "$t/s.db" ingest "$@" 2> "$t/err" && sq "$t/s.db" "select count(*) from documents"; }

printf '{"title":"One","text":"The harbour council of Dunmore met on Monday about the bridge budget."}\n{"title":"Two","text":"The river authority of Kelso met on Tuesday about the new dam."}\n' > "$t/articles.jsonl"
gzip -c "$t/articles.jsonl" > "$t/articles.jsonl.gz"
[ "$(count "$t/articles.jsonl.gz")" = 2 ] && ok || no "articles.jsonl.gz: $(cat "$t/err")"
# the same lines under any name: the content tells
cp "$t/articles.jsonl.gz" "$t/feed.gz"
[ "$(count "$t/feed.gz")" = 2 ] && ok || no "JSONL in feed.gz: $(cat "$t/err")"
# one member per line, as a log rotator writes them
{ head -n 1 "$t/articles.jsonl" | gzip -c; tail -n 1 "$t/articles.jsonl" | gzip -c; } > "$t/members.jsonl.gz"
[ "$(count "$t/members.jsonl.gz")" = 2 ] && ok || no "JSONL in two gzip members: $(cat "$t/err")"
# a forced format reads under the compression
[ "$(rm -f "$t/s.db"*; "$CORROB_BIN" -q --db "$t/s.db" ingest --format jsonl "$t/feed.gz" 2> "$t/err" && sq "$t/s.db" "select count(*) from documents")" = 2 ] &&
	ok || no "--format jsonl on a gzip file: $(cat "$t/err")"

printf '<html><head><title>Mill fire</title></head><body><nav>Home | World</nav><p>The old mill at Pendle burned down on Sunday night, firefighters said, and nobody was hurt.</p></body></html>\n' | gzip -c > "$t/a.html.gz"
[ "$(count "$t/a.html.gz")" = 1 ] && "$CORROB_BIN" --db "$t/s.db" show d1 > "$t/out" && grep -q "^The old mill at Pendle burned" "$t/out" &&
	! grep -q "<\|Home | World" "$t/out" && ok || no "a.html.gz read as HTML: $(cat "$t/err") $(cat "$t/out")"

printf 'title: Ferry timetable\nThe ferry to Arran will run twice a day from Friday, the operator said.\n' | gzip -c > "$t/a.txt.gz"
[ "$(count "$t/a.txt.gz")" = 1 ] && "$CORROB_BIN" --db "$t/s.db" show d1 > "$t/out" && grep -q "^title: *Ferry timetable" "$t/out" &&
	grep -q "^The ferry to Arran" "$t/out" && ok || no "a.txt.gz read as text with its header: $(cat "$t/err") $(cat "$t/out")"

# a WARC file gzipped whole (one member) and member by member: WARC
python3 - "$t" <<'PY'
import gzip, sys
out = sys.argv[1]
def rec(i):
    body = ("<html><body><p>The council of town number %d met on Monday to discuss the harbour, "
            "its budget and the bridge over the river, officials said.</p></body></html>" % i).encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/%d\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (i, len(http))).encode()
    return head + http + b"\r\n\r\n"
recs = [rec(i) for i in range(3)]
open(out + "/whole.warc.gz", "wb").write(gzip.compress(b"".join(recs), mtime=0))
open(out + "/crawl.gz", "wb").write(b"".join(gzip.compress(r, mtime=0) for r in recs))
PY
[ "$(count "$t/whole.warc.gz")" = 3 ] && "$CORROB_BIN" --db "$t/s.db" show d1 | grep -q "^url: *https://news.example/0" && ok ||
	no "a WARC gzipped whole: $(cat "$t/err")"
[ "$(count "$t/crawl.gz")" = 3 ] && ok || no "a WARC gzipped member by member, named .gz: $(cat "$t/err")"

# through a pipe: nothing lost under the compression either
gzip -c "$t/articles.jsonl" | "$CORROB_BIN" -q --db "$t/pipe.db" ingest - 2> "$t/err" &&
	[ "$(sq "$t/pipe.db" "select count(*) from documents")" = 2 ] && ok || no "gzip JSONL on stdin: $(cat "$t/err")"

finish
