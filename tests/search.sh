#!/bin/sh
# corrob search as people type it, on the example corpus: the README's
# examples find sentences; each form of query (punctuation in a word, a lone
# operator, -word, an unbalanced quote or bracket, "*", NEAR() finds the
# right documents and never reaches the user as an FTS5 syntax error;
# phrases, OR and prefix* keep their meaning; British and American
# spellings find each other; a query with no word exits 2, saying so.
. "${CORROB_SOURCE_DIR:-$(dirname "$0")/..}/tests/lib/prelude.sh"
ex="$CORROB_SOURCE_DIR/examples/mizintsev"
"$CORROB_BIN" -q --db "$t/s.db" ingest "$ex"
S() { "$CORROB_BIN" --db "$t/s.db" search --limit 100 "$@"; }

# the README's search examples
grep "^    corrob search '" "$CORROB_SOURCE_DIR/README.md" | sed "s/^    corrob search '\(.*\)'  *#.*/\1/" > "$t/readme"
[ -s "$t/readme" ] && ok || no "the README has no search example"
while IFS= read -r q; do
	S "$q" > "$t/out" 2> "$t/err" && [ -s "$t/out" ] && ok || no "README example '$q' finds nothing: $(cat "$t/err")"
done < "$t/readme"

# expect QUERY ALL NONE: exit 0, no error, at least one hit, and the whole
# sentence of every hit (read from the store) matches each regular
# expression of ALL (";"-separated, case ignored) and none of NONE
expect() {
	S "$1" > "$t/out" 2> "$t/err"
	rc=$?
	if [ $rc -ne 0 ] || grep -qi "fts5\|syntax\|error" "$t/err"; then
		no "search '$1': rc=$rc $(cat "$t/err")"
		return
	fi
	python3 - "$t/s.db" "$t/out" "$2" "${3:-}" <<'PY' && ok || no "search '$1': $(cat "$t/err")"
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
hits = re.findall(r"^d(\d+) s(\d+) ", open(sys.argv[2], encoding="utf-8").read(), re.M)
assert hits, "no hit"
for d, i in hits:
    text = db.execute("SELECT text FROM sentences WHERE doc_id = ? AND idx = ?", (int(d), int(i))).fetchone()[0]
    for r in filter(None, sys.argv[3].split(";")):
        assert re.search(r, text, re.I), "d%s s%s does not match %s: %s" % (d, i, r, text)
    for r in filter(None, sys.argv[4].split(";")):
        assert not re.search(r, text, re.I), "d%s s%s matches %s: %s" % (d, i, r, text)
PY
}
# expect_count QUERY N: exit 0, no error, N hits
expect_count() {
	S "$1" > "$t/out" 2> "$t/err"
	rc=$?
	n=$(grep -c '^d[0-9]* s[0-9]* ' "$t/out")
	[ $rc -eq 0 ] && ! grep -qi "fts5\|syntax" "$t/err" && [ "$n" -eq "$2" ] && ok ||
		no "search '$1': rc=$rc, $n hits, wanted $2 $(cat "$t/err")"
}
expect "children's" "children's"
expect "col." "\\bcol\\b"
expect "AND" "\\band\\b"
expect "Mizintsev -Aleppo" "mizintsev" "aleppo"
expect "Mizintsev NOT Aleppo" "mizintsev" "aleppo"
expect "Mizintsev AND NOT Aleppo" "mizintsev" "aleppo"
expect '"butcher of Mariupol' "butcher of mariupol"
expect '"drama theatre"' "drama theatre"
expect 'NEAR(' "\\bnear\\b"
expect 'Shoigu OR Sladkov' "shoigu|sladkov"
expect 'Sladkov OR' "sladkov;\\bor\\b"
expect 'Shoig*' "shoigu"
expect '(resignation OR rumors) defense' "resignation|rumors;defense"
expect 'theat* -"drama theatre"' "theat" "drama theatre"
expect_count 'Mizintsev-Aleppo' 0
# British and American spellings: theatre is written so in d1 and d5,
# theater in d2, d3 and d4; defence in d1 and d5, defense in d2, d3 and d4
expect 'theatre' "theat(re|er)"
# as many hits as sentences that hold either spelling as a word
nsent() { python3 -c "import re,sqlite3,sys; print(sum(1 for (x,) in sqlite3.connect(sys.argv[1]).execute('SELECT text FROM sentences') if re.search(sys.argv[2], x, re.I)))" "$t/s.db" "$1"; }
for q in theatre theater; do expect_count $q "$(nsent '\btheat(re|er)\b')"; done
for q in defence defense; do expect_count $q "$(nsent '\bdefen[cs]e\b')"; done
for q in theatre theater defence defense; do
	[ "$(S "$q" | grep -o '^d[0-9]*' | sort -u | wc -l)" -eq 5 ] && ok || no "search $q: not found in all five documents"
done

# unquoted, one word an argument: -word leaves one out, not an unknown option
S Mizintsev -Aleppo > "$t/out" 2> "$t/err" && [ -s "$t/out" ] && ! grep -q -i "aleppo" "$t/out" && ok ||
	no "search Mizintsev -Aleppo (two arguments): $(cat "$t/err")"
S Mizintsev --no-such-option > /dev/null 2> "$t/err"
[ $? -eq 2 ] && grep -q "unknown option '--no-such-option'" "$t/err" && ok || no "an unknown --option is a word: $(cat "$t/err")"

# a query with no word: exit 2, said so
for q in '*' '-' '()' '""'; do
	S "$q" > "$t/out" 2> "$t/err"
	rc=$?
	[ $rc -eq 2 ] && grep -q "no word to search for" "$t/err" && ! grep -qi fts5 "$t/err" && ok ||
		no "search '$q': rc=$rc $(cat "$t/err")"
done
finish
