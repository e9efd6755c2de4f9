#!/bin/sh
# Scores src/recognize/number.c on the Recognizers-Text English specs:
# NumberModel, NumberRangeModel and AgeModel (docs/numbers.md).
: "${SHARED:=../shared}" "${BUILD:=build}"
R="$SHARED/data/recognizers-specs"
P="$BUILD/recognizers_number"
if [ ! -x "$P" ]; then
	echo "bench-numbers: $P not built" >&2
	exit 0
fi
run() {
	if [ -f "$R/$2" ]; then
		"$P" "$1" "$R/$2" || echo "bench-numbers: $1 failed" >&2
	else
		echo "bench-numbers: $R/$2 missing, skipped" >&2
	fi
}
run number Number/English/NumberModel.json
run range Number/English/NumberRangeModel.json
run age NumberWithUnit/English/AgeModel.json
exit 0
