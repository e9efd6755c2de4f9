#!/bin/sh
# -j N. extract: the same bytes out whatever N (lines in input order), on a
# folder of articles and on a JSONL of many edited copies, from a file and
# from stdin; a bad -j refused; memory that does not grow with the input;
# a write error ends the run with status 1, and a reader that goes away
# (`| head -1`) ends it at once, with SIGPIPE and with SIGPIPE ignored, on
# an endless input. run and report: the same reports, messages and store
# whatever N.
. "${CORROB_SOURCE_DIR:-$(dirname "$0")/..}/tests/lib/prelude.sh"
: "${CORROB_SOURCE_DIR:?}"
ex="$CORROB_SOURCE_DIR/examples/mizintsev"

# gen.py LIMIT: the example articles as JSONL, each copy edited (another
# year, a closing line naming its copy), one in Russian every 50 and a bad
# line every 97; LIMIT 0 writes until its reader goes away
cat > "$t/gen.py" <<'EOF'
import itertools, json, os, sys
src, limit = sys.argv[1], int(sys.argv[2])
texts = [open(os.path.join(src, f), encoding='utf-8').read() for f in sorted(os.listdir(src))]
ru = 'Генерал Михаил Мизинцев возглавлял Национальный центр управления обороной России. ' * 4
try:
    for i in itertools.count():
        if limit and i >= limit:
            break
        if i % 97 == 96:
            sys.stdout.write('{"title": "broken\n')
            continue
        t = ru if i % 50 == 49 else texts[i % len(texts)]
        t = t.replace('2022', str(2000 + i % 23), 1) + '\n\nThis is edition %d of the story.\n' % i
        sys.stdout.write(json.dumps({'url': 'https://example.org/story/%d' % i, 'title': 'Story %d' % i,
                                     'text': t}) + '\n')
except BrokenPipeError:
    os._exit(0)
EOF
python3 "$t/gen.py" "$ex" 400 > "$t/many.jsonl"

# the folder and the JSONL, at -j 1, 2 and 8 and the default
for input in "$ex" "$t/many.jsonl"; do
	"$CORROB_BIN" -q extract -j 1 "$input" > "$t/j1" 2> "$t/e1"
	rc1=$?
	for j in 2 8 default; do
		if [ $j = default ]; then
			"$CORROB_BIN" -q extract "$input" > "$t/jn" 2> "$t/en"
		else
			"$CORROB_BIN" -q extract -j $j "$input" > "$t/jn" 2> "$t/en"
		fi
		rc=$?
		[ $rc = $rc1 ] && cmp -s "$t/j1" "$t/jn" && cmp -s "$t/e1" "$t/en" && ok ||
			no "extract -j $j $input: not what -j 1 writes (status $rc, -j 1: $rc1)"
	done
done
[ "$("$CORROB_BIN" -q extract -j1 "$ex" | wc -l)" = 5 ] && ok || no "-j1 (the value glued on): not 5 lines"
# 400 lines in, 4 of them bad: 396 out, in order, the Russian ones with no claims
"$CORROB_BIN" -q extract -j 1 "$t/many.jsonl" > "$t/j1" 2> /dev/null
python3 - "$t/j1" <<'EOF' && ok || no "many.jsonl: not 396 lines in input order"
import json, sys
docs = [json.loads(l)['document'] for l in open(sys.argv[1])]
want = [i for i in range(400) if i % 97 != 96]
assert [int(d['path'].rsplit('/', 1)[1]) for d in docs] == want, 'order'
assert sum(1 for d in docs if d.get('language') == 'ru') == 8, 'languages'
EOF
grep -q 'many.jsonl:line 97: error' "$t/e1" && ok || no "the bad line of many.jsonl not named: $(head -3 "$t/e1")"
# from stdin, as a stream
"$CORROB_BIN" -q extract -j 8 --format jsonl - < "$t/many.jsonl" > "$t/jn" 2> /dev/null
cmp -s "$t/j1" "$t/jn" && ok || no "extract -j 8 from stdin: not what -j 1 writes from the file"

for bad in 0 -3 x 2x 257; do
	"$CORROB_BIN" -q extract -j "$bad" "$ex" > /dev/null 2> "$t/err"
	[ $? = 2 ] && grep -q -- "-j wants a number" "$t/err" && ok || no "-j $bad: not refused: $(cat "$t/err")"
done

# memory: 4 times the input, the same peak (at most 2N documents in flight)
if [ -x /usr/bin/time ]; then
	python3 "$t/gen.py" "$ex" 1600 > "$t/more.jsonl"
	/usr/bin/time -f %M -o "$t/rss1" "$CORROB_BIN" -q extract -j 4 "$t/many.jsonl" > /dev/null 2>&1
	/usr/bin/time -f %M -o "$t/rss4" "$CORROB_BIN" -q extract -j 4 "$t/more.jsonl" > /dev/null 2>&1
	a=$(tail -1 "$t/rss1") b=$(tail -1 "$t/rss4")
	[ "$b" -lt $((a + a / 5 + 4096)) ] && ok || no "peak memory grows with the input: $a KB, then $b KB at 4 times"
fi

# a write error: status 1, said, and the run stopped
if [ -w /dev/full ]; then
	timeout 60 "$CORROB_BIN" -q extract -j 4 "$t/many.jsonl" > /dev/full 2> "$t/err"
	rc=$?
	[ $rc = 1 ] && grep -q "cannot write the output" "$t/err" && ok || no "extract > /dev/full: status $rc: $(cat "$t/err")"
fi

# the reader goes away: an endless input, and corrob must stop at once (the
# pipeline cannot end otherwise); SIGPIPE as it is, then ignored (EPIPE)
for pipe in default ignored; do
	trap_cmd=:
	[ $pipe = ignored ] && trap_cmd="trap '' PIPE"
	first=$(timeout 60 sh -c "$trap_cmd; python3 '$t/gen.py' '$ex' 0 | '$CORROB_BIN' -q extract -j 4 --format jsonl - 2> '$t/err'; echo \$? > '$t/rc'" | head -1)
	rc=$(cat "$t/rc" 2>/dev/null)
	case "$first" in
	'{"document":{"path":"https://example.org/story/0"'*) ok ;;
	*) no "| head -1 (SIGPIPE $pipe): first line: $(printf %s "$first" | cut -c1-80)" ;;
	esac
	# SIGPIPE kills (141 from the shell), EPIPE is a write error (1); 124 is the timeout
	if [ $pipe = default ]; then want=141; else want=1; fi
	[ "$rc" = $want ] && ok || no "| head -1 (SIGPIPE $pipe): status '$rc', wanted $want: $(cat "$t/err")"
done
# run and report: the same reports and the same store at -j 1 and -j 8
head -n 100 "$t/many.jsonl" > "$t/some.jsonl"
dump() { python3 -c "import sqlite3,sys; print('\n'.join(sqlite3.connect(sys.argv[1]).iterdump()))" "$1"; }
for j in 1 8; do
	"$CORROB_BIN" -q --db "$t/r$j.db" run -j $j "$ex" "$t/some.jsonl" --out "$t/r$j.md" --json "$t/r$j.json" \
		> "$t/ro$j" 2> "$t/re$j"
	echo $? >> "$t/ro$j"
	dump "$t/r$j.db" > "$t/rd$j"
	"$CORROB_BIN" -q --db "$t/r1.db" report -j $j --format json > "$t/rep$j.json" 2>> "$t/re$j"
done
grep -q '"claims"' "$t/r1.json" && ok || no "run -j 1: no JSON report: $(cat "$t/re1")"
for f in r.md r.json ro re rd rep.json; do
	a="$t/${f%%.*}1" b="$t/${f%%.*}8"
	case $f in *.*) a="$a.${f#*.}" b="$b.${f#*.}" ;; esac
	cmp -s "$a" "$b" && ok || no "run/report -j 8: $(basename "$b") is not what -j 1 gives"
done
"$CORROB_BIN" -q --db "$t/r1.db" report -j 0 > /dev/null 2>&1
[ $? = 2 ] && ok || no "report -j 0: not a usage error"
finish
