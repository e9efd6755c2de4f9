#!/bin/sh
# End to end: `corrob run` on examples/mizintsev must exit 0, write a JSON
# report that keeps the contract (every quote is its document's text at its
# offsets, every id it uses is defined), and give the same bytes twice.
set -eu
: "${CORROB_BIN:?}" "${CORROB_SOURCE_DIR:?}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
ex="$CORROB_SOURCE_DIR/examples/mizintsev"
"$CORROB_BIN" -q --db "$t/a.db" run "$ex" --out "$t/a.md" --json "$t/a.json" --csv "$t/a.csv"
"$CORROB_BIN" -q --db "$t/b.db" run "$ex" --out "$t/b.md" --json "$t/b.json"
cmp "$t/a.json" "$t/b.json" || { echo "FAIL: two runs gave different JSON"; exit 1; }
cmp "$t/a.md" "$t/b.md" || { echo "FAIL: two runs gave different Markdown"; exit 1; }
# running again on the same store adds nothing and changes nothing
"$CORROB_BIN" -q --db "$t/a.db" run "$ex" --out "$t/c.md" --json "$t/c.json"
cmp "$t/a.json" "$t/c.json" || { echo "FAIL: re-running on the same store changed the report"; exit 1; }
python3 "$CORROB_SOURCE_DIR/tests/check_report.py" "$t/a.json" "$t/a.db"
# the timeline: in date order, each date at its own precision (a year as a year)
python3 - "$t/a.md" <<'PY' || { echo "FAIL: timeline"; exit 1; }
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
lines = re.findall(r"^- (\d{4}(?:-\d\d){0,2})(?: – [\d-]+)?: ", md.split("## Timeline")[1].split("## ")[0], re.M)
assert len(lines) >= 3, lines
keys = [(l + "-01-01")[:10] if len(l) == 4 else (l + "-01")[:10] for l in lines]
assert keys == sorted(keys), lines
assert any(len(l) == 4 for l in lines), "no event dated by its year alone: %s" % lines
PY
# the commands that read the store
"$CORROB_BIN" --db "$t/a.db" docs | grep -q '^d5' || { echo "FAIL: docs lists no d5"; exit 1; }
"$CORROB_BIN" --db "$t/a.db" show d1 | grep -q '^published: 2022-03-25' || { echo "FAIL: show d1"; exit 1; }
"$CORROB_BIN" --db "$t/a.db" search theatre | grep -q 'd' || { echo "FAIL: search found nothing"; exit 1; }
"$CORROB_BIN" --db "$t/a.db" claims --predicate killed | grep -q 'killed' || { echo "FAIL: claims --predicate"; exit 1; }
"$CORROB_BIN" --db "$t/a.db" entities | grep -q 'person.*mentions [1-9]' || { echo "FAIL: entities (with mention counts)"; exit 1; }
"$CORROB_BIN" --db "$t/a.db" report --format json > "$t/d.json"
cmp "$t/a.json" "$t/d.json" || { echo "FAIL: report differs from run's JSON"; exit 1; }
"$CORROB_BIN" --db "$t/a.db" report --format=json --out "$t/e.json"
cmp "$t/a.json" "$t/e.json" || { echo "FAIL: report --format=json --out differs"; exit 1; }
"$CORROB_BIN" --db "$t/a.db" entities --doc d1 | grep -q 'person' || { echo "FAIL: entities --doc"; exit 1; }
# every command rejects what it does not know, names it, and exits 2
for c in docs show search report claims entities events findings ingest run extract; do
	rc=0
	"$CORROB_BIN" --db "$t/a.db" $c --no-such-option x >/dev/null 2>"$t/err" || rc=$?
	[ $rc -eq 2 ] && grep -q "no-such-option" "$t/err" || { echo "FAIL: $c --no-such-option gave $rc"; exit 1; }
	"$CORROB_BIN" $c --help | grep -q "^usage: corrob $c" || { echo "FAIL: $c --help"; exit 1; }
done
rc=0; "$CORROB_BIN" --db "$t/a.db" claims --doc 2>"$t/err" || rc=$?
[ $rc -eq 2 ] && grep -q "needs a value" "$t/err" || { echo "FAIL: claims --doc without a value gave $rc"; exit 1; }
# the stream filter: one JSON line per article, the same claims as the store's
"$CORROB_BIN" -q extract "$ex" > "$t/x.jsonl"
python3 - "$t/x.jsonl" "$t/a.json" <<'PY' || { echo "FAIL: extract"; exit 1; }
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
report = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(lines) == 5, len(lines)
assert sum(len(l["claims"]) for l in lines) == len(report["claims"]), "claim counts differ"
assert all(c["evidence"]["quote"] for l in lines for c in l["claims"])
PY
# gold facts, when the shared checker is beside the checkout: every one must pass
gold="$CORROB_SOURCE_DIR/../shared/gold/mizintsev.json"
if [ -f "$gold" ]; then
	if ! python3 "$CORROB_SOURCE_DIR/../shared/tools/check-gold" "$t/a.json" "$gold" >"$t/gold.txt"; then
		cat "$t/gold.txt"
		echo "FAIL: the example's gold checks do not all pass"
		exit 1
	fi
	tail -1 "$t/gold.txt"
fi
echo "1 passed, 0 failed"
