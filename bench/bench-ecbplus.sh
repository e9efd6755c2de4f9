#!/bin/sh
# ECB+ (docs/ecbplus.md): cross-document coreference of corrob's entities and
# events, scored by tools/ecbplus on the dev and train topics beside the
# same-head-lemma baseline, then the development gold of tests/gold/ecbplus
# (items a careful reader finds, written before any output was seen) checked
# by ../shared/tools/check-gold against the same runs' reports.
#
# ECBPLUS_WORK names a folder to keep (converted text, stores, reports,
# mentions); otherwise a temporary one is used and removed.
: "${SHARED:=../shared}" "${BUILD:=build}"
E="$SHARED/data/ecbplus/ECB+"
CHECK="$SHARED/tools/check-gold"
if [ ! -x "$BUILD/ecbplus" ] || [ ! -d "$E" ]; then
	echo "bench-ecbplus: $BUILD/ecbplus or $E missing, skipped" >&2
	exit 0
fi
work=${ECBPLUS_WORK:-$(mktemp -d)}
for split in dev train; do
	"$BUILD/ecbplus" score "$E" --corrob "$BUILD/corrob" --split "$split" --work "$work" 2>/dev/null ||
		echo "bench-ecbplus: ecbplus score --split $split failed" >&2
done
if [ -x "$CHECK" ] && command -v python3 >/dev/null; then
	python3 - "$work/json" "$CHECK" tests/gold/ecbplus <<'PY'
import glob, json, os, re, sys
sys.path.insert(0, "bench")
from gold_score import score
reports, check, gold = sys.argv[1:4]
tot = {"all": [0, 0], "dev": [0, 0], "train": [0, 0]}
worst, clusters = None, 0
for g in sorted(glob.glob(os.path.join(gold, "*.json")), key=lambda p: int(re.sub(r"\D", "", os.path.basename(p)) or 0)):
    topic = os.path.basename(g)[:-5]
    split = json.load(open(g)).get("split", "train")
    rep = os.path.join(reports, topic + ".json")
    passed, n = score(check, rep, g, "bench-ecbplus: topic %s" % topic)
    failed = n - passed
    clusters += 1
    for k in ("all", split):
        tot[k][0] += passed
        tot[k][1] += passed + failed
    share = passed / (passed + failed) if passed + failed else 0
    if worst is None or share < worst[0]:
        worst = (share, topic)
a, d, t = tot["all"], tot["dev"], tot["train"]
print("BENCH gold-dev pass=%d total=%d clusters=%d dev=%d/%d train=%d/%d worst-cluster=%s:%.2f" % (
    a[0], a[1], clusters, d[0], d[1], t[0], t[1], worst[1] if worst else "-", worst[0] if worst else 0))
PY
else
	echo "bench-ecbplus: $CHECK or python3 missing, gold skipped" >&2
fi
[ -n "$ECBPLUS_WORK" ] || rm -rf "$work"
exit 0
