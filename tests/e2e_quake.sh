#!/bin/sh
# End to end on a second story, written for the tests (tests/data/quake: three
# dated reports of one earthquake): one event behind the three reports, dated
# by "on Monday" and "on 6 February"; a death toll that grows between
# reports is a running count, not a conflict; "Erdogan" and "Erdoğan" are one
# person, aged 68 and 69 two days apart, which one birth date fits.
set -eu
: "${CORROB_BIN:?}" "${CORROB_SOURCE_DIR:?}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
"$CORROB_BIN" -q --db "$t/q.db" run "$CORROB_SOURCE_DIR/tests/data/quake" --out "$t/q.md" --json "$t/q.json" > /dev/null
python3 "$CORROB_SOURCE_DIR/tests/check_report.py" "$t/q.json" "$t/q.db"
python3 - "$t/q.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
fails = []
def check(ok, what):
    if not ok:
        fails.append(what)
quakes = [v for v in r["events"] if v["type"] == "earthquake"]
check(len(quakes) == 1, "one earthquake event, got %d" % len(quakes))
q = quakes[0] if quakes else {}
check(len(q.get("documents", [])) == 3, "the earthquake is reported by all three documents")
check((q.get("time") or {}).get("value") == "2023-02-06", "the earthquake is dated 2023-02-06: %s" % q.get("time"))
killed = [f for f in r["findings"] if f["predicate"] == "killed" and f["subject"] == q.get("id")]
check(killed and killed[0]["kind"] == "consistent" and "running count" in killed[0]["explanation"],
      "the growing death toll is a running count: %s" % killed)
check(not any(f["kind"] == "conflict" for f in r["findings"]), "no conflict in this story")
erdogan = [e for e in r["entities"] if "Erdogan" in e["aliases"] and "Recep Tayyip Erdoğan" in e["aliases"]]
check(len(erdogan) == 1, "Erdogan and Erdoğan are one person")
ages = [f for f in r["findings"] if f["predicate"] == "age" and erdogan and f["subject"] == erdogan[0]["id"]]
check(ages and ages[0]["kind"] == "consistent", "ages 68 and 69 two days apart are consistent: %s" % ages)
mag = [c for c in r["claims"] if c["predicate"] == "magnitude"]
check(mag and mag[0]["value"]["number"]["low"] == 7.8, "magnitude 7.8 recorded")
for f in fails:
    print("FAIL: " + f)
print("%d passed, %d failed" % (8 - len(fails), len(fails)))
sys.exit(1 if fails else 0)
PY
