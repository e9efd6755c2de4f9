#!/bin/sh
# Segmentation benchmarks (run by bench/run-all with SHARED and BUILD set):
#   sbd-golden     the 52 English Golden Rules of pragmatic_segmenter
#   segment-speed  cr_segment throughput over the BBC news corpus, best of 3
#   sbd-ud-ewt     sentence ends against UD English EWT test (web text: blogs,
#                  e-mail, reviews; many sentences start lower-case)
: "${SHARED:=../shared}" "${BUILD:=build}"
G="$SHARED/data/sbd-golden-rules/en.jsonl"
if [ -f "$G" ]; then
	"$BUILD/sbd_golden" "$G"
else
	echo "bench-segment: $G not found; sbd-golden skipped" >&2
fi
set -- "$SHARED"/data/news-corpus/bbc/*/*.txt
if [ -f "$1" ]; then
	"$BUILD/segment_speed" "$@"
else
	echo "bench-segment: no $SHARED/data/news-corpus/bbc/*/*.txt; segment-speed skipped" >&2
fi
U="$SHARED/data/ud-ewt/en_ewt-ud-test.conllu"
if [ -f "$U" ]; then
	"$BUILD/sbd_ud" "$U"
else
	echo "bench-segment: $U not found; sbd-ud-ewt skipped" >&2
fi
exit 0
