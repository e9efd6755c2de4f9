#!/bin/sh
# Bad input: each case gives a clear message naming the file (and the line
# or byte where it applies), the right exit status, no crash, the other
# inputs stored and nothing already stored lost.
. "${CORROB_SOURCE_DIR:-$(dirname "$0")/..}/tests/lib/prelude.sh"
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

# not UTF-8 (a lone ISO-8859-1 pound sign): stored, read as the detector's
# charset with a warning naming the byte offset (tests/charsets.sh has the rest)
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
for c in run ingest docs show search report claims entities events findings extract; do
	"$CORROB_BIN" $c --help > /dev/null 2>&1 && ok || no "$c --help"
done

# a report from a store that does not exist: an error, and no empty store made
"$CORROB_BIN" --db "$t/none.db" report 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && [ ! -e "$t/none.db" ] && grep -q "no such database" "$t/err" && ok || no "report without a store: rc=$rc"

# nor does a run with nothing to read
"$CORROB_BIN" --db "$t/none.db" run 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && [ ! -e "$t/none.db" ] && grep -q "no such database" "$t/err" && ok || no "run without paths or a store: rc=$rc"

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


# ---- issue 16: nothing lost, nothing falsely reported ----------------------
ESC=$(printf '\033') BEL=$(printf '\007')
asan() { [ -n "${ASAN_OPTIONS:-}" ]; }   # the sanitizer run: no address-space limits

# failures on stdin are failures: bad JSONL, empty, binary; for ingest, run and extract
for what in "ingest -" "run - --out $t/o.md" "extract"; do
	printf '{oops\n' | C $what 2> "$t/err" > /dev/null; rc=$?
	[ $rc -eq 1 ] && grep -q -- "-:line 1: error" "$t/err" && ok || no "$what: a bad JSONL line on stdin: rc=$rc $(cat "$t/err")"
done
: | C ingest - 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "empty" "$t/err" && ok || no "empty stdin: rc=$rc $(cat "$t/err")"
head -c 3000 "$t/noise.bin.txt" | C ingest - 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "binary" "$t/err" && ok || no "binary stdin: rc=$rc $(cat "$t/err")"

# a failed write is a failure, named, exit 1: standard output on a full device, --out too
for c in "report" "report --format csv" "docs" "search harbour" "show d1"; do
	C $c > /dev/full 2> "$t/err"; rc=$?
	[ $rc -eq 1 ] && grep -q "No space left" "$t/err" && ok || no "$c > /dev/full: rc=$rc $(cat "$t/err")"
done
printf 'An article read to a full disk about a dam.\n' | C extract > /dev/full 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "No space left" "$t/err" && ok || no "extract > /dev/full: rc=$rc $(cat "$t/err")"
C report --out /dev/full 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "No space left" "$t/err" && [ -c /dev/full ] && ok || no "report --out /dev/full: rc=$rc $(cat "$t/err")"

# a full disk during an ingest (a file size limit stands in for it): the
# summary counts what was committed, not what was attempted
python3 - "$t/feed1k.jsonl" <<'PY'
import json, sys
words = "harbour council budget river bridge school hospital market station railway court mayor".split()
with open(sys.argv[1], "w") as f:
    for i in range(1000):
        body = " ".join("The %s of district %d reported %d new cases on day %d." % (words[(i + k) % len(words)], i, k * 7 + i % 13, k) for k in range(20))
        f.write(json.dumps({"url": "https://example.org/%d" % i, "title": "Item %d" % i, "text": body}) + "\n")
PY
sh -c 'trap "" XFSZ; ulimit -f 4000; exec "$0" --db "$1" ingest "$2"' "$CORROB_BIN" "$t/full.db" "$t/feed1k.jsonl" 2> "$t/err"; rc=$?
said=$(sed -n 's/^corrob: \([0-9]*\) stored.*/\1/p' "$t/err")
have=$(sq "$t/full.db" "select count(*) from documents")
[ $rc -eq 1 ] && [ "$said" = "$have" ] && grep -q "too large\|No space" "$t/err" && ok ||
	no "disk full during ingest: rc=$rc, says ${said:-?} stored, $have committed: $(cat "$t/err")"
sq "$t/full.db" "select count(*) from files_read" > "$t/n"
[ "$(cat "$t/n")" = 0 ] && ok || no "a file cut short by a full disk is recorded as read"

# a JSONL line larger than memory allows: reported, the lines after it stored,
# the file not recorded as read (so the next run tries it again), memory flat
python3 - "$t/bigline.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"text": "A first article about the harbour and its budget."}) + "\n")
    f.write(json.dumps({"text": "word " * 20000000}) + "\n")
    f.write(json.dumps({"text": "A third article about the bridge and the river."}) + "\n")
PY
if asan; then lim=unlimited; else lim=120000; fi
sh -c 'ulimit -v "$3"; exec /usr/bin/time -f "%M" -o "$4" "$0" -q --db "$1" ingest "$2"' "$CORROB_BIN" "$t/big.db" "$t/bigline.jsonl" $lim "$t/rss" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "bigline.jsonl:line 2: error.*limit" "$t/err" && [ "$(sq "$t/big.db" "select count(*) from documents")" = 2 ] && ok ||
	no "huge JSONL line: rc=$rc, $(sq "$t/big.db" "select count(*) from documents") stored: $(cat "$t/err")"
[ "$(sq "$t/big.db" "select count(*) from files_read")" = 0 ] && ok || no "a file with a refused line is recorded as read"
# (peak memory is the sanitizer's own under ASan: its realloc copies and quarantines)
{ asan || [ "$(tail -n 1 "$t/rss")" -lt 98304 ]; } && ok || no "a refused 100 MB line costs $(tail -n 1 "$t/rss") KB (more than the 64 MB limit and 32 MB)"
# stdin over the limit: refused having read no more than the limit
python3 -c "import sys; sys.stdout.write('word ' * 21000000)" | /usr/bin/time -f "%M" -o "$t/rss" "$CORROB_BIN" -q --db "$t/big.db" ingest - 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "limit" "$t/err" && { asan || [ "$(tail -n 1 "$t/rss")" -lt 120000 ]; } && ok ||
	no "100 MB on stdin: rc=$rc, $(tail -n 1 "$t/rss") KB: $(cat "$t/err")"
rm -f "$t/bigline.jsonl"

# a pipe (a FIFO named on the command line, as <(...) gives) loses nothing:
# the format is read from the first bytes, which are then handed on
python3 -c "
import sys
sys.stdout.write('The opening sentence names the lighthouse keeper of Kerrera. ')
sys.stdout.write('Filler words about the weather and the sea go on here. ' * 80)" > "$t/long.txt"
mkfifo "$t/pipe"
timeout 20 sh -c 'cat "$0" > "$1"' "$t/long.txt" "$t/pipe" &
timeout 20 "$CORROB_BIN" -q --db "$t/pipe.db" ingest "$t/pipe" 2> "$t/err"; rc=$?
wait
[ $rc -eq 0 ] && "$CORROB_BIN" --db "$t/pipe.db" show d1 | grep -q "^The opening sentence names the lighthouse" && ok ||
	no "a pipe loses its first bytes: rc=$rc $(cat "$t/err")"
printf '{"text":"A pipe article about the harbour."}\n{"text":"A second pipe article about the bridge."}\n' > "$t/pipe.jsonl"
timeout 20 sh -c 'cat "$0" > "$1"' "$t/pipe.jsonl" "$t/pipe" &
timeout 20 "$CORROB_BIN" -q --db "$t/pipe.db" ingest "$t/pipe" 2> "$t/err"; rc=$?
wait
[ $rc -eq 0 ] && [ "$(sq "$t/pipe.db" "select count(*) from documents")" = 3 ] && ok || no "JSONL through a pipe: rc=$rc $(cat "$t/err")"

# a file rewritten with the same size and modification time is read again
printf 'The first version is about the mill.\n' > "$t/same.txt"
touch -d '2020-01-01 00:00:00' "$t/same.txt"
C ingest "$t/same.txt" 2>/dev/null
printf 'The later version is about the farm.\n' > "$t/same.txt"
touch -d '2020-01-01 00:00:00' "$t/same.txt"
C ingest "$t/same.txt" 2>/dev/null
"$CORROB_BIN" --db "$t/s.db" search farm | grep -q farm && ok || no "a rewritten file of the same size and mtime was skipped"

# a folder holding a FIFO: only regular files are read from folders, nothing blocks
mkdir "$t/dir"
printf 'An article in a folder beside a FIFO, about a ferry.\n' > "$t/dir/a.txt"
mkfifo "$t/dir/b.txt"
timeout 20 "$CORROB_BIN" --db "$t/dir.db" ingest "$t/dir" 2> "$t/err"; rc=$?
[ $rc -eq 0 ] && [ "$(sq "$t/dir.db" "select count(*) from documents")" = 1 ] && grep -q "b.txt.*not a regular file" "$t/err" && ok ||
	no "a FIFO in a folder: rc=$rc $(cat "$t/err")"

# self-closing <div/> does not close anything: deep nesting refused at once
python3 -c "
import sys
sys.stdout.write('<html><body>' + '<div/>' * 100000 + '<p>The text of the page, long enough to be a paragraph of it.</p></body></html>')" > "$t/divs.html"
timeout 20 "$CORROB_BIN" -q --db "$t/html.db" ingest "$t/divs.html" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "divs.html.*nested deeper" "$t/err" && ok || no "100,000 <div/>: rc=$rc $(cat "$t/err")"
# end tags of elements that are not open close nothing
python3 -c "
import sys
sys.stdout.write('<html><body>' + '<div></span>' * 5000 + '<p>The text of the page, long enough to be a paragraph of it.</p></body></html>')" > "$t/spans.html"
timeout 20 "$CORROB_BIN" -q --db "$t/html.db" ingest "$t/spans.html" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "spans.html.*nested deeper" "$t/err" && ok || no "<div></span> x 5000: rc=$rc $(cat "$t/err")"
# a page over the HTML limit is refused before it is parsed
python3 -c "
import sys
p = '<p>The council met on Monday to discuss the harbour budget, officials said.</p>\n'
sys.stdout.write('<html><body>' + p * (17 * 1024 * 1024 // len(p)) + '</body></html>')" > "$t/huge.html"
timeout 60 "$CORROB_BIN" -q --db "$t/html.db" ingest "$t/huge.html" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "huge.html.*16 MB" "$t/err" && ok || no "a 17 MB page: rc=$rc $(cat "$t/err")"
rm -f "$t/huge.html"

# output that cannot attack its reader: CSV formulas neutralised, control
# characters escaped in Markdown and in what the terminal shows
printf 'title: Esc \033[31mred\007 title\nAt least 12 people were killed in the attack on the market in Kyiv, police said \033]0;pwned\007 on Monday.\n=HYPERLINK("http://evil.example/x") At least 30 people were injured in the blast in Lviv, officials said.\n' > "$t/esc.txt"
"$CORROB_BIN" -q --db "$t/esc.db" run "$t/esc.txt" --out "$t/esc.md" --csv "$t/esc.csv" > /dev/null 2>&1
python3 - "$t/esc.csv" <<'PY' && ok || no "CSV cells open with a formula character"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
cells = [c for r in rows for c in r]
assert any("HYPERLINK" in c for c in cells), "the case is not exercised"
bad = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
assert not bad, bad
PY
grep -q "$ESC\|$BEL" "$t/esc.md" && no "control characters in the Markdown report" || ok
for c in docs "search pwned" "claims" "entities" "show d1"; do
	script -qec "$CORROB_BIN --db $t/esc.db $c" /dev/null > "$t/tty" 2>&1
	sed "s/$ESC\[1m//g; s/$ESC\[0m//g" "$t/tty" | grep -q "$ESC\|$BEL" && no "$c: control characters reach the terminal: $(cat -v "$t/tty" | head -3)" || ok
	grep -q "pwned\|red\|Kyiv" "$t/tty" && ok || no "$c: shows nothing"
done
for c in docs "search pwned" "claims"; do
	"$CORROB_BIN" --db "$t/esc.db" $c | grep -q "$ESC\|$BEL" && no "$c: control characters in a listing" || ok
done

# --out replaces regular files only, through a temporary file of its own
printf 'keep me\n' > "$t/target.md"
ln -s target.md "$t/link.md"
C report --out "$t/link.md" 2> "$t/err"; rc=$?
[ $rc -eq 0 ] && [ -L "$t/link.md" ] && grep -q "Claim ledger" "$t/target.md" && ok || no "--out through a symbolic link: rc=$rc $(cat "$t/err")"
printf 'victim\n' > "$t/victim"
ln -s victim "$t/out.md.tmp"
C report --out "$t/out.md" 2> "$t/err"; rc=$?
[ $rc -eq 0 ] && [ "$(cat "$t/victim")" = victim ] && grep -q "Claim ledger" "$t/out.md" && ok || no "--out follows a planted out.md.tmp: rc=$rc"
mkdir "$t/adir"
C report --out "$t/adir" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && [ -d "$t/adir" ] && grep -q "adir" "$t/err" && ok || no "--out a folder: rc=$rc $(cat "$t/err")"
ls -a "$t" | grep -q '^\..*\.[A-Za-z0-9]\{6\}$' && no "a temporary file was left behind: $(ls -a "$t")" || ok

# a document printed again without an outlet is one source, not two
printf 'An article with no outlet about a quarry.\n' | C ingest - 2>/dev/null
printf 'An article with no outlet about a quarry.\n' | C ingest - 2>/dev/null
[ "$(sq "$t/s.db" "select count(*) from document_sources s join documents d on d.id = s.doc_id where d.text like '%quarry%'")" = 1 ] && ok ||
	no "a repeated ingest with no outlet adds a source"

# a store that is not corrob's is left alone; a store that keeps nothing is refused
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table accounts(id, balance)'); c.commit()" "$t/other.sqlite"
"$CORROB_BIN" --db "$t/other.sqlite" ingest "$t/good1.txt" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "other.sqlite.*not a corrob" "$t/err" && [ "$(sq "$t/other.sqlite" "select count(*) from sqlite_master")" = 1 ] && ok ||
	no "--db another program's database: rc=$rc $(cat "$t/err")"
for db in "" ":memory:"; do
	"$CORROB_BIN" --db "$db" ingest "$t/good1.txt" 2> "$t/err"; rc=$?
	[ $rc -eq 2 ] && ok || no "--db '$db': rc=$rc $(cat "$t/err")"
done

# a store in a folder its reader cannot write: read, not called foreign
mkdir "$t/ro"
C ingest "$t/good1.txt" 2>/dev/null
"$CORROB_BIN" -q --db "$t/ro/s.db" run "$t/good1.txt" "$t/good2.txt" --out "$t/ro.md" > /dev/null 2>&1
chmod 555 "$t/ro"
chmod 755 "$t"
as_reader() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
as_reader "$CORROB_BIN" --db "$t/ro/s.db" docs > "$t/out" 2> "$t/err"; rc=$?
[ $rc -eq 0 ] && [ "$(wc -l < "$t/out")" = 2 ] && ok || no "docs on a read-only store: rc=$rc $(cat "$t/err")"
as_reader "$CORROB_BIN" --db "$t/ro/s.db" report --format json > "$t/out" 2> "$t/err"; rc=$?
[ $rc -eq 0 ] && grep -q '"schema_version"' "$t/out" && ok || no "report on a read-only store: rc=$rc $(cat "$t/err")"
chmod 755 "$t/ro"

# show: no document for an empty or wildcard reference; an ambiguous hash prefix is named
for ref in "" "%" "_"; do
	C show "$ref" > /dev/null 2> "$t/err"; rc=$?
	[ $rc -eq 1 ] && grep -q "no document" "$t/err" && ok || no "show '$ref': rc=$rc $(cat "$t/err")"
done
# two articles whose hashes (SHA-256 of the clean text) start with the same letter
pre=$(python3 - "$t" <<'PY'
import hashlib, sys
def sha(b):
    return hashlib.sha256(b).hexdigest()
seen = {}
for i in range(1000):
    text = "An article numbered %d about a windmill." % i
    k = sha(text.encode())[0]
    if k.isdigit():
        continue
    if k in seen:
        for n, tx in enumerate((seen[k], text)):
            open("%s/amb%d.txt" % (sys.argv[1], n), "w").write(tx + "\n")
        print(k)
        break
    seen[k] = text
PY
)
C ingest "$t/amb0.txt" "$t/amb1.txt" 2>/dev/null
C show "$pre" > /dev/null 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "ambiguous" "$t/err" && ok || no "show with an ambiguous prefix '$pre': rc=$rc $(cat "$t/err")"

# a corrupt gzip member in the middle of a WARC loses only its own record
python3 - "$t/mid.warc.gz" <<'PY'
import gzip, sys
def rec(i):
    body = ("<html><head><title>Page %d</title></head><body><p>The council of town number %d met on "
            "Monday to discuss the harbour, its budget and the bridge over the river, officials said.</p>"
            "</body></html>" % (i, i)).encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/%d\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (i, len(http))).encode()
    return gzip.compress(head + http + b"\r\n\r\n", mtime=0)
members = [rec(i) for i in range(3)]
bad = bytearray(members[1])
for k in range(20, len(bad) - 8):
    bad[k] ^= 0x55
members[1] = bytes(bad)
open(sys.argv[1], "wb").write(b"".join(members))
PY
"$CORROB_BIN" -q --db "$t/warc.db" ingest "$t/mid.warc.gz" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && [ "$(sq "$t/warc.db" "select count(*) from documents")" = 2 ] && grep -q "mid.warc.gz.*gzip" "$t/err" && ok ||
	no "a corrupt gzip member mid-WARC: rc=$rc, $(sq "$t/warc.db" "select count(*) from documents") stored: $(cat "$t/err")"

# ---- issue 17: gzip of anything, feeds -----------------------------------
# a truncated gzip file: named with the compressed offset, exit 1, nothing stored lost
before=$(docs)
printf '{"text":"An article about the harbour wall of Dunmore and its repair."}\n' | gzip -c | head -c 30 > "$t/cut.jsonl.gz"
C ingest "$t/cut.jsonl.gz" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "cut.jsonl.gz: error: compressed byte [0-9]*: truncated gzip member" "$t/err" && [ "$(docs)" -eq "$before" ] && ok ||
	no "a truncated gzip file: rc=$rc $(cat "$t/err")"
# a gzip text inflating over 1000 times its size is refused, not inflated
python3 -c "import gzip, sys; sys.stdout.buffer.write(gzip.compress(b'a' * (40 << 20), 9, mtime=0))" > "$t/bomb.txt.gz"
C ingest "$t/bomb.txt.gz" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "bomb.txt.gz: error: .*decompression bomb" "$t/err" && [ "$(docs)" -eq "$before" ] && ok ||
	no "a gzip bomb: rc=$rc $(cat "$t/err")"
# a malformed feed: named with its line and column, exit 1, nothing stored lost
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>A</title><description>The harbour of Dunmore and its wall.</description></item>\n<item><title>B</title><description>Broken <b>bold</description></item>\n</channel></rss>\n' > "$t/bad.rss"
C ingest "$t/bad.rss" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "bad.rss:line 4, column [0-9]*: error: not well-formed XML: .*mismatch" "$t/err" && [ "$(docs)" -eq "$before" ] && ok ||
	no "a malformed feed: rc=$rc $(cat "$t/err")"
# a feed cut short
head -c 120 "$t/bad.rss" > "$t/cut.rss"
C ingest "$t/cut.rss" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "cut.rss:line [0-9]*, column [0-9]*: error: not well-formed XML" "$t/err" && [ "$(docs)" -eq "$before" ] && ok ||
	no "a feed cut short: rc=$rc $(cat "$t/err")"
# a binary file named .xml: refused as binary, not parsed
head -c 3000 "$t/noise.bin.txt" > "$t/noise.xml"
C ingest "$t/noise.xml" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "noise.xml: error: binary" "$t/err" && ok || no "a binary .xml: rc=$rc $(cat "$t/err")"
# XML that is no feed
printf '<?xml version="1.0"?><urlset><url><loc>https://news.example/</loc></url></urlset>\n' > "$t/sitemap.xml"
C ingest "$t/sitemap.xml" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "sitemap.xml: error: not an RSS or Atom feed: its root element is <urlset>" "$t/err" && ok ||
	no "XML that is no feed: rc=$rc $(cat "$t/err")"

# the store is still whole
sqlite3_ok=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])" "$t/s.db")
[ "$sqlite3_ok" = ok ] && ok || no "integrity_check: $sqlite3_ok"

finish
