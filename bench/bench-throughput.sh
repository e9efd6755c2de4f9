#!/bin/sh
# Whole-job speed and memory of `corrob run` on the BBC news corpus (one
# text file per article, copied to a temporary folder): MB/s, documents/s,
# peak RSS, the store's size, and the time of `run` over the time of the
# per-document stages alone (`corrob extract`, no store) on the same input,
# measured in the same run. Then the corpus repeated 1, 4 and 16 times as
# distinct documents (each copy ends with a line naming its copy number):
# the time of `run` and its peak RSS at 16 times. These run at -j 1; the
# throughput line is printed again for `run` and `extract` at every core.
# And `corrob extract` at -j 1 and -j 2 on the corpus, the best of three runs
# each, taken in turn: MB/s, the speed-up and whether the two outputs are the
# same bytes.
# BENCH_DOCS=N takes the first N articles (in name order) instead of all.
: "${SHARED:?}" "${BUILD:?}"
bbc="$SHARED/data/news-corpus/bbc"
[ -d "$bbc" ] || { echo "bench-throughput: $bbc missing; skipped" >&2; exit 0; }
[ -x /usr/bin/time ] || { echo "bench-throughput: /usr/bin/time missing; skipped" >&2; exit 0; }
corrob="$BUILD/corrob"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT INT TERM

# copies: the corpus written $1 times into $t/x$1/cN/, each copy distinct
copies() {
	python3 - "$bbc" "$t/x$1" "$1" "${BENCH_DOCS:-0}" <<'EOF'
import os, sys
src, out, n, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
files = sorted(os.path.join(c, f) for c in os.listdir(src) if os.path.isdir(os.path.join(src, c))
               for f in os.listdir(os.path.join(src, c)) if f.endswith('.txt'))
if limit:
    files = files[:limit]
for k in range(n):
    for f in files:
        d = os.path.join(out, 'c%d' % k, os.path.dirname(f))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(src, f), 'rb') as fh:
            data = fh.read()
        if n > 1:
            data = data.rstrip(b'\n') + b'\n\nThis is archive copy number %d.\n' % (k + 1)
        with open(os.path.join(d, os.path.basename(f)), 'wb') as fh:
            fh.write(data)
EOF
}

# timed NAME CMD...: runs CMD under /usr/bin/time (its output to $out, or
# nowhere); sets NAME_s and NAME_kb
timed() {
	name=$1
	shift
	/usr/bin/time -f '%e %M' -o "$t/time" "$@" >"${out:-/dev/null}" 2>"$t/err" || {
		echo "bench-throughput: $* failed:" >&2
		cat "$t/err" >&2
		return 1
	}
	read -r s kb <"$t/time"
	eval "${name}_s=\$s ${name}_kb=\$kb"
}

copies 1
bytes=$(find "$t/x1" -type f -exec cat {} + | wc -c)
docs=$(find "$t/x1" -type f | wc -l)
# the stages alone at one thread, as `run` (one thread) is measured
timed ext "$corrob" -q extract -j 1 "$t/x1" || exit 1
timed run "$corrob" -q --db "$t/x1.db" run -j 1 "$t/x1" --out "$t/x1.md" || exit 1
db_bytes=$(wc -c <"$t/x1.db")
[ -f "$t/x1.db-wal" ] && db_bytes=$((db_bytes + $(wc -c <"$t/x1.db-wal")))
subset=""
[ -n "$BENCH_DOCS" ] && subset=" docs=$docs"
awk -v b="$bytes" -v d="$docs" -v s="$run_s" -v kb="$run_kb" -v db="$db_bytes" -v e="$ext_s" -v tail="$subset" 'BEGIN {
	printf "BENCH throughput mb_per_s=%.2f docs_per_s=%.0f peak_rss_mb=%.0f db_mb=%.1f run_vs_stages=%.2f threads=1%s\n",
	       b / 1e6 / s, d / s, kb / 1024, db / 1e6, s / e, tail }'
# the same at every core (run's default), against extract at every core
cores=$(nproc)
timed extn "$corrob" -q extract -j "$cores" "$t/x1" || exit 1
timed runn "$corrob" -q --db "$t/xn.db" run -j "$cores" "$t/x1" --out "$t/xn.md" || exit 1
cmp -s "$t/x1.md" "$t/xn.md" || echo "bench-throughput: run -j $cores: not the report of run -j 1" >&2
rm -f "$t/xn.db"*
awk -v b="$bytes" -v d="$docs" -v s="$runn_s" -v kb="$runn_kb" -v db="$db_bytes" -v e="$extn_s" -v n="$cores" -v tail="$subset" 'BEGIN {
	printf "BENCH throughput mb_per_s=%.2f docs_per_s=%.0f peak_rss_mb=%.0f db_mb=%.1f run_vs_stages=%.2f threads=%d%s\n",
	       b / 1e6 / s, d / s, kb / 1024, db / 1e6, s / e, n, tail }'

# extract on every core: -j 1 and -j 2 in turn, three times, the best of each
best1= best2=
for k in 1 2 3; do
	out="$t/j1.jsonl"
	timed j1 "$corrob" -q extract -j 1 "$t/x1" || exit 1
	out="$t/j2.jsonl"
	timed j2 "$corrob" -q extract -j 2 "$t/x1" || exit 1
	out=
	best1=$(awk -v a="$j1_s" -v b="${best1:-$j1_s}" 'BEGIN { print a < b ? a : b }')
	best2=$(awk -v a="$j2_s" -v b="${best2:-$j2_s}" 'BEGIN { print a < b ? a : b }')
done
identical=no
cmp -s "$t/j1.jsonl" "$t/j2.jsonl" && identical=yes
awk -v b="$bytes" -v s1="$best1" -v s2="$best2" -v same="$identical" -v tail="$subset" 'BEGIN {
	printf "BENCH extract-threads j1_mbps=%.2f j2_mbps=%.2f speedup=%.2f identical=%s%s\n",
	       b / 1e6 / s1, b / 1e6 / s2, s1 / s2, same, tail }'
rm -f "$t/j1.jsonl" "$t/j2.jsonl"

copies 4
timed x4 "$corrob" -q --db "$t/x4.db" run -j 1 "$t/x4" --out "$t/x4.md" || exit 1
rm -rf "$t/x4" "$t/x4.db"*
copies 16
timed x16 "$corrob" -q --db "$t/x16.db" run -j 1 "$t/x16" --out "$t/x16.md" || exit 1
awk -v a="$run_s" -v b="$x4_s" -v c="$x16_s" -v kb="$x16_kb" -v tail="$subset" 'BEGIN {
	printf "BENCH scale x1_s=%.1f x4_s=%.1f x16_s=%.1f rss_x16_mb=%.0f%s\n", a, b, c, kb / 1024, tail }'
