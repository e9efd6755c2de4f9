"""One gold file scored against one JSON report by ../shared/tools/check-gold.

    from gold_score import score
    passed, total = score(CHECK, REPORT, GOLD, "bench-ecbplus: topic 12")

Used by bench/bench-ecbplus.sh and bench/bench-unseen.sh. A report check-gold
cannot score counts every item of the gold as failed, with a message on
stderr naming `what`.
"""
import json
import re
import subprocess
import sys


def score(check, report, gold, what):
    out = subprocess.run([sys.executable, check, report, gold], capture_output=True, text=True).stdout
    m = re.search(r"(\d+) passed, (\d+) failed", out)
    if not m:
        print("%s: check-gold could not score it" % what, file=sys.stderr)
        return 0, len(json.load(open(gold))["items"])
    return int(m.group(1)), int(m.group(1)) + int(m.group(2))
