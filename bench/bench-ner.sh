#!/bin/sh
# Name tagger benchmarks: entity F1 on CoNLL-2003 dev (eng.testa) and tagging
# throughput on the BBC news corpus. Prints one BENCH line each; prints nothing
# (and a note on stderr) for a benchmark whose data or program is missing.
: "${SHARED:=../shared}" "${BUILD:=build}"
dev="$SHARED/data/conll2003/eng.testa"
if [ -f "$dev" ] && [ -x "$BUILD/conll_eval" ]; then
	"$BUILD/conll_eval" "$dev" conll2003-dev 2>/dev/null || echo "bench-ner: conll_eval failed" >&2
else
	echo "bench-ner: $dev or $BUILD/conll_eval missing; conll2003-dev skipped" >&2
fi
bbc="$SHARED/data/news-corpus/bbc"
if [ -d "$bbc" ] && [ -x "$BUILD/ner_speed" ]; then
	"$BUILD/ner_speed" "$bbc"/*/*.txt || echo "bench-ner: ner_speed failed" >&2
else
	echo "bench-ner: $bbc or $BUILD/ner_speed missing; ner-speed skipped" >&2
fi
exit 0
