#!/bin/sh
# Clusters nobody tuned to: news clusters outside ECB+ (Reuters-21578 wire
# stories about one incident), each with gold in tests/gold/unseen/ written
# from the texts before any corrob output of them was seen and never looked
# at since; and the clusters of tests/gold/reuters-dev/, written the same
# way but open to diagnosis (a development set of the same house style). For each gold
# file: its documents (the "newids" list) are made into JSONL by
# bench/reuters-cluster.py from ../shared/data, corrob runs on them into a
# fresh store, and ../shared/tools/check-gold scores the JSON report.
#
#   BENCH gold-unseen pass=N total=M clusters=K worst-cluster=NAME:share <name>=a/b ...
#   BENCH gold-reuters-dev pass=N total=M ...
#
# UNSEEN_WORK names a folder to keep (JSONL, stores, reports); otherwise a
# temporary one is used and removed.
: "${SHARED:=../shared}" "${BUILD:=build}"
R="$SHARED/data/news-corpus/reuters21578"
CHECK="$SHARED/tools/check-gold"
if [ ! -x "$BUILD/corrob" ] || [ ! -d "$R" ] || [ ! -x "$CHECK" ] || ! command -v python3 >/dev/null; then
	echo "bench-unseen: $BUILD/corrob, $R, $CHECK or python3 missing, skipped" >&2
	exit 0
fi
work=${UNSEEN_WORK:-$(mktemp -d)}
mkdir -p "$work"
for set in unseen reuters-dev; do
[ -d tests/gold/$set ] || continue
python3 - "$work/$set" "$R" "$CHECK" "$BUILD/corrob" tests/gold/$set "gold-$set" <<'PY'
import glob, json, os, subprocess, sys
sys.path.insert(0, "bench")
from gold_score import score
work, root, check, corrob, gold, bench = sys.argv[1:7]
os.makedirs(work, exist_ok=True)
total = [0, 0]
per, worst = [], None
for g in sorted(glob.glob(os.path.join(gold, "*.json"))):
    name = os.path.basename(g)[:-5]
    ids = [str(i) for i in json.load(open(g))["newids"]]
    jl = os.path.join(work, name + ".jsonl")
    db = os.path.join(work, name + ".db")
    rep = os.path.join(work, name + ".json")
    with open(jl, "w") as f:
        if subprocess.run([sys.executable, "bench/reuters-cluster.py", root] + ids, stdout=f).returncode:
            print("bench-unseen: %s: reuters-cluster.py failed" % name, file=sys.stderr)
            continue
    for p in (db, db + "-wal", db + "-shm"):
        if os.path.exists(p):
            os.remove(p)
    r = subprocess.run([corrob, "-q", "--db", db, "run", jl, "--out", os.path.join(work, name + ".md"), "--json", rep])
    if r.returncode:
        print("bench-unseen: %s: corrob run exited %d" % (name, r.returncode), file=sys.stderr)
    passed, n = score(check, rep, g, "bench-unseen: %s" % name)
    failed = n - passed
    total[0] += passed
    total[1] += passed + failed
    per.append("%s=%d/%d" % (name, passed, passed + failed))
    share = passed / (passed + failed) if passed + failed else 0
    if worst is None or share < worst[0]:
        worst = (share, name)
print("BENCH %s pass=%d total=%d clusters=%d worst-cluster=%s:%.2f %s" % (
    bench, total[0], total[1], len(per), worst[1] if worst else "-", worst[0] if worst else 0, " ".join(per)))
PY
done
[ -n "$UNSEEN_WORK" ] || rm -rf "$work"
exit 0
