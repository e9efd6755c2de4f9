#!/bin/sh
# The listings of the last run and the findings' CSV, used as a reader
# would on examples/mizintsev: `findings [--kind K]` lists what the JSON
# report holds, kind by kind; `events` every event; `claims --predicates`
# counts that add up to the claims listed; `claims --entity` by any alias
# or the start of a word of one; each with --help and exit 2 on bad
# arguments. Then a hostile article: no cell of either CSV (claims, or
# findings with --findings) opens with = + - @ or a tab, and the CSV keeps
# RFC 4180's shape (as many cells in every row as in its header).
. "${CORROB_SOURCE_DIR:-$(dirname "$0")/..}/tests/lib/prelude.sh"
ex="$CORROB_SOURCE_DIR/examples/mizintsev"
C() { "$CORROB_BIN" --db "$t/s.db" "$@"; }
C -q run "$ex" --out "$t/r.md" --json "$t/r.json" > /dev/null
json() { python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print($1)" "$t/r.json"; }

# findings: all of them, then each kind alone
[ "$(C findings | grep -c '^f[0-9]')" -eq "$(json "len(r['findings'])")" ] && ok || no "findings: not the report's $(json "len(r['findings'])")"
for k in corroborated single_source conflict consistent; do
	C findings --kind $k > "$t/out" 2> /dev/null
	want=$(json "sum(1 for f in r['findings'] if f['kind'] == '$k')")
	[ "$(grep -c '^f[0-9]' "$t/out")" -eq "$want" ] && [ "$(grep '^f[0-9]' "$t/out" | cut -f2 | sort -u)" = "$( [ "$want" -gt 0 ] && echo $k)" ] &&
		ok || no "findings --kind $k: $(grep -c '^f' "$t/out") lines, wanted $want of that kind"
done
# the Aleppo death toll conflict, with both figures
C findings --kind conflict | grep -A1 'killed.*Aleppo' | grep -q '23,000.*1,640' && ok || no "findings --kind conflict: no Aleppo death toll conflict"

# events
[ "$(C events | grep -c '^v[0-9]')" -eq "$(json "len(r['events'])")" ] && ok || no "events: not the report's $(json "len(r['events'])")"
C events | grep -q "^v[0-9]*	attack	2022-03-09	attack on the maternity hospital in Mariupol	place Mariupol	documents \[" && ok ||
	no "events: the maternity hospital attack of 2022-03-09 is not listed with its date and place"

# claims --predicates: counts that add up, most frequent first
C claims --predicates > "$t/preds"
[ "$(awk -F'\t' '{s += $2} END {print s}' "$t/preds")" -eq "$(json "len(r['claims'])")" ] && ok || no "claims --predicates: counts do not add up to the claims"
[ "$(cut -f2 "$t/preds" | sort -rn | tr '\n' ' ')" = "$(cut -f2 "$t/preds" | tr '\n' ' ')" ] && ok || no "claims --predicates: not most frequent first"
grep -q "^killed	$(json "sum(1 for c in r['claims'] if c['predicate'] == 'killed')")$" "$t/preds" && ok || no "claims --predicates: killed miscounted"
# with a filter: the predicates of the claims it passes
[ "$(C claims --predicates --entity Mizintsev | awk -F'\t' '{s += $2} END {print s}')" -eq "$(C claims --entity Mizintsev | grep -c '^c[0-9]')" ] &&
	ok || no "claims --predicates --entity: not the claims --entity lists"

# claims --entity: by name, by any alias, by the start of a word of one, case ignored
n=$(C claims --entity 'Mikhail Mizintsev' | grep -c '^c[0-9]')
[ "$n" -gt 10 ] && ok || no "claims --entity 'Mikhail Mizintsev': $n claims"
for q in Mizintsev mizintsev 'mikhail miz' Butcher 'butcher of mariupol' 'Col. Gen' 'Colonel-General'; do
	m=$(C claims --entity "$q" | grep -c '^c[0-9]')
	C claims --entity "$q" | grep -q '^c[0-9]* d[0-9]*  Mikhail Mizintsev |' && [ "$m" -ge "$n" ] && ok ||
		no "claims --entity '$q': $m claims, Mizintsev's not among them"
done
for q in izintsev '%' '_izintsev' 'Mizintsev Aleppo'; do
	[ "$(C claims --entity "$q" 2> /dev/null | grep -c '^c[0-9]')" -eq 0 ] && ok || no "claims --entity '$q' matches something"
done

# --help, and bad arguments exit 2 with the reason
for c in findings events claims; do
	C $c --help | grep -q "^usage: corrob $c" && ok || no "$c --help"
done
C report --help | grep -q -- "--findings" && ok || no "report --help does not name --findings"
"$CORROB_BIN" --help | grep -q "^  findings" && "$CORROB_BIN" --help | grep -q "^  events" && ok || no "corrob --help lists no findings or events"
bad() {
	want=$1
	shift
	C "$@" > /dev/null 2> "$t/err"
	rc=$?
	[ $rc -eq 2 ] && grep -q "$want" "$t/err" && ok || no "$*: rc=$rc $(head -1 "$t/err")"
}
bad "unknown kind 'bogus'" findings --kind bogus
bad "needs a value" findings --kind
bad "unexpected argument" findings conflict
bad "unexpected argument" events v1
bad "unknown option" events --kind x
bad "wants a value" claims --entity ''
bad "unknown option" claims --predicatez
bad "is for --format csv" report --findings
bad "is for --format csv" report --format json --findings

# a hostile article: formulas in the claims' and the findings' CSV
cat > "$t/evil.txt" <<'TXT'
date 2022-03-25
outlet: One
Colonel General Ivan Petrov, dubbed "=HYPERLINK(""http://evil.example/x"",""click"")" by soldiers, ordered the strike.
=HYPERLINK("http://evil.example/y") At least 12 people were killed in the attack on the market in Kyiv, police said.
Ivan Petrov was nicknamed "@SUM(1+1)" in the army; -2+3 and +7 were written on the wall.
TXT
"$CORROB_BIN" -q --db "$t/e.db" run "$t/evil.txt" --out "$t/e.md" --csv "$t/claims.csv" > /dev/null
"$CORROB_BIN" -q --db "$t/e.db" report --format csv --findings --out "$t/findings.csv"
"$CORROB_BIN" -q --db "$t/e.db" report --format csv > "$t/claims2.csv"
cmp -s "$t/claims.csv" "$t/claims2.csv" && ok || no "report --format csv is not what run --csv wrote"
for f in claims findings; do
	python3 - "$t/$f.csv" "$f" <<'PY' && ok || no "$f CSV"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert len(rows) > 1, "no rows"
assert all(len(r) == len(rows[0]) for r in rows), "rows of different lengths"
cells = [c for r in rows[1:] for c in r]
assert any("HYPERLINK(" in c for c in cells), "the case is not exercised"
if sys.argv[2] == "claims":
    assert any(c.startswith("'=HYPERLINK(") for c in cells), "no cell neutralised"
bad = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
assert not bad, bad
PY
done
head -1 "$t/findings.csv" | grep -q '^finding,kind,subject,subject_name,predicate,claims,documents,outlets,originators,explanation$' &&
	ok || no "findings CSV header: $(head -1 "$t/findings.csv")"
finish
