#!/bin/sh
# Scores the time recognizers (docs/timex.md): the expressions the pipeline
# dates claims with (cr_timex_find, then cr_timex_join_ranges) on the
# Recognizers-Text DateTimeModel spec, and cr_timex_find's TimeML spans on the
# TempEval-3 training data.
: "${SHARED:=../shared}" "${BUILD:=build}"
F="$SHARED/data/recognizers-specs/DateTime/English/DateTimeModel.json"
T="$SHARED/data/tempeval3/train"
if [ -x "$BUILD/recognizers_datetime" ] && [ -f "$F" ]; then
	"$BUILD/recognizers_datetime" "$F" || echo "bench-timex: recognizers_datetime failed" >&2
else
	echo "bench-timex: recognizers_datetime or $F missing, skipped" >&2
fi
if [ -x "$BUILD/tempeval3" ] && [ -d "$T" ]; then
	"$BUILD/tempeval3" "$T" || echo "bench-timex: tempeval3 failed" >&2
else
	echo "bench-timex: tempeval3 or $T missing, skipped" >&2
fi
exit 0
