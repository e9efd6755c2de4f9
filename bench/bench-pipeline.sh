#!/bin/sh
# The whole pipeline: the gold facts of the worked example, the speed of the
# per-document stages and of numbers+times over the BBC news corpus, and the
# time to resolve 10,000 documents.
: "${SHARED:?}" "${BUILD:?}"
bbc="$SHARED/data/news-corpus/bbc"
if [ -x "$SHARED/tools/check-gold" ] && [ -f "$SHARED/gold/mizintsev.json" ]; then
	t=$(mktemp -d)
	"$BUILD/corrob" -q --db "$t/g.db" run examples/mizintsev --out "$t/r.md" --json "$t/r.json" >/dev/null 2>&1
	line=$(python3 "$SHARED/tools/check-gold" "$t/r.json" "$SHARED/gold/mizintsev.json" | tail -1)
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
	f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
	echo "BENCH gold-mizintsev pass=$p total=$((p + f))"
	rm -rf "$t"
else
	echo "bench-pipeline: no gold checker in $SHARED; gold-mizintsev skipped" >&2
fi
if [ -d "$bbc" ]; then
	"$BUILD/pipeline" extract "$bbc"/*/*.txt
	"$BUILD/pipeline" recognize "$bbc"/*/*.txt
	"$BUILD/pipeline" resolve 10000 "$bbc"/*/*.txt
else
	echo "bench-pipeline: $bbc missing; speed benchmarks skipped" >&2
fi
