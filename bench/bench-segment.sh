#!/bin/sh
# Segmentation benchmarks (run by bench/run-all with SHARED and BUILD set):
#   sbd-golden     the 52 English Golden Rules of pragmatic_segmenter
#   segment-speed  cr_segment throughput over the BBC news corpus, best of 3
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
exit 0
