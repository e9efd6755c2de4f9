#!/bin/sh
# BENCH html-extract: token F1 of HTML body extraction on the saved test pages
# in tests/data/html (written for the tests; no shared data needed).
: "${BUILD:=build}"
dir=tests/data/html
if [ ! -x "$BUILD/html_extract" ] || [ ! -d "$dir" ]; then
	echo "bench-html: $BUILD/html_extract or $dir missing; skipped" >&2
	exit 0
fi
"$BUILD/html_extract" "$dir" 2>/dev/null || echo "bench-html: html_extract failed" >&2
exit 0
