#!/bin/sh
# Pages and texts in the charset their site used (windows-1251, KOI8-R,
# ISO-8859-1, Shift-JIS, UTF-16) come out as the same UTF-8 text: the
# charset read from <meta charset>, <meta http-equiv>, a WARC record's HTTP
# Content-Type, a byte-order mark or the detector. A byte that does not
# convert is repaired to U+FFFD and named with its offset, the document
# still stored; text that is already UTF-8 is left as it is. The test files
# are made here with iconv from UTF-8 text written for this test.
. "${CORROB_SOURCE_DIR:-$(dirname "$0")/..}/tests/lib/prelude.sh"
# show D's text from a fresh store holding only FILE: shown FILE D
shown() { rm -f "$t/s.db"*; "$CORROB_BIN" -q --db "$t/s.db" ingest "$1" 2> "$t/err" && "$CORROB_BIN" --db "$t/s.db" show d1 > "$t/out"; }

RU='Городской совет Северогорска в понедельник утвердил новый бюджет на ремонт моста через реку Ловать.'
FR='Le conseil municipal de Saint-Brévin a approuvé mercredi un budget élevé pour la rénovation du pont, a déclaré le maire.'
JA='港町の市議会は月曜日、川に架かる古い橋の修理のための新しい予算を承認したと市長が述べた。'
# the offset of the first byte BYTE (hex) in FILE: at FILE BYTE
at() { python3 -c "import sys; print(open(sys.argv[1], 'rb').read().index(bytes.fromhex(sys.argv[2])))" "$1" "$2"; }
page() { printf '<html><head>%s<title>Article</title></head><body><p>%s</p></body></html>\n' "$1" "$2"; }

# <meta charset>: windows-1251
page '<meta charset="windows-1251">' "$RU" | iconv -f UTF-8 -t WINDOWS-1251 > "$t/ru1251.html"
shown "$t/ru1251.html" && grep -qF "$RU" "$t/out" && ok || no "windows-1251 page by <meta charset>: $(cat "$t/err")"

# <meta http-equiv>: KOI8-R
page '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">' "$RU" | iconv -f UTF-8 -t KOI8-R > "$t/koi8.html"
shown "$t/koi8.html" && grep -qF "$RU" "$t/out" && ok || no "KOI8-R page by <meta http-equiv>: $(cat "$t/err")"

# the detector: a plain ISO-8859-1 text with no label, with a warning that it guessed
printf '%s\n' "$FR" | iconv -f UTF-8 -t ISO-8859-1 > "$t/latin1.txt"
shown "$t/latin1.txt" && grep -qF "$FR" "$t/out" && grep -q "latin1.txt:byte $(at "$t/latin1.txt" e9): warning.*WINDOWS-1252" "$t/err" && ok ||
	no "ISO-8859-1 text by the detector: $(cat "$t/err") $(cat "$t/out")"
# and a windows-1251 text with no label
printf '%s\n' "$RU" | iconv -f UTF-8 -t WINDOWS-1251 > "$t/ru.txt"
shown "$t/ru.txt" && grep -qF "$RU" "$t/out" && ok || no "windows-1251 text by the detector: $(cat "$t/err")"

# the HTTP header of a WARC record: Shift-JIS, no <meta>
page '' "$JA" | iconv -f UTF-8 -t SHIFT_JIS > "$t/ja.body"
python3 - "$t/ja.body" "$t/ja.warc" <<'PY'
import sys
body = open(sys.argv[1], "rb").read()
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=Shift_JIS\r\n\r\n" + body
head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/ja\r\n"
        "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http)).encode()
open(sys.argv[2], "wb").write(head + http + b"\r\n\r\n")
PY
shown "$t/ja.warc" && grep -qF "$JA" "$t/out" && ok || no "Shift-JIS by the WARC record's HTTP Content-Type: $(cat "$t/err")"

# a byte-order mark: UTF-16LE
{ printf '\377\376'; printf '%s\n' "$RU" | iconv -f UTF-8 -t UTF-16LE; } > "$t/utf16.txt"
shown "$t/utf16.txt" && grep -qF "$RU" "$t/out" && ok || no "UTF-16LE with a byte-order mark: $(cat "$t/err")"

# a byte windows-1251 does not define (0x98): repaired, named with its offset, stored
{ printf '<html><head><meta charset="windows-1251"></head><body><p>'; printf '%s' "$RU" | iconv -f UTF-8 -t WINDOWS-1251;
  printf ' \230 '; printf '%s</p></body></html>\n' "$RU" | iconv -f UTF-8 -t WINDOWS-1251; } > "$t/bad1251.html"
off=$(at "$t/bad1251.html" 98)
shown "$t/bad1251.html"; rc=$?
[ $rc -eq 0 ] && grep -q "bad1251.html:byte $off: warning: 1 byte not valid WINDOWS-1251 replaced by U+FFFD" "$t/err" &&
	grep -qF "$RU �" "$t/out" && ok || no "an unconvertible byte: rc=$rc offset $off: $(cat "$t/err")"

# text already UTF-8 is left as it is, whatever its label says
page '<meta charset="windows-1251">' "$RU" > "$t/utf8-labelled.html"
shown "$t/utf8-labelled.html" && grep -qF "$RU" "$t/out" && [ ! -s "$t/err" ] && ok || no "UTF-8 under a windows-1251 label: $(cat "$t/err")"

# a label iconv does not know is named and passed over: the detector reads the page
page '<meta charset="x-no-such-charset">' "$RU" | iconv -f UTF-8 -t WINDOWS-1251 > "$t/unknown.html"
shown "$t/unknown.html" && grep -qF "$RU" "$t/out" && grep -q "x-no-such-charset" "$t/err" && ok ||
	no "an unknown label: $(cat "$t/err")"

finish
