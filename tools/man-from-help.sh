#!/bin/sh
# Writes corrob.1 (roff) from `corrob --help` and each command's --help, so
# that the man page says what the program says. Usage: man-from-help.sh CORROB OUT VERSION
set -eu
bin=$1 out=$2 version=$3
esc() { sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\\&'/" -e 's/^-/\\-/'; }
{
	printf '.TH CORROB 1 "" "corrob %s" "User Commands"\n' "$version"
	printf '.SH NAME\ncorrob \\- a claim ledger from many news articles about the same events\n'
	printf '.SH SYNOPSIS\n.nf\n'
	"$bin" --help | sed -n '1p' | esc
	printf '.fi\n.SH DESCRIPTION\n.nf\n'
	"$bin" --help | sed '1d' | esc
	printf '.fi\n'
	for c in run ingest report docs show search claims entities events findings extract; do
		if "$bin" "$c" --help >/dev/null 2>&1; then
			printf '.SH "corrob %s"\n.nf\n' "$c"
			"$bin" "$c" --help 2>&1 | esc
			printf '.fi\n'
		fi
	done
} >"$out"
