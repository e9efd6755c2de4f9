#!/bin/sh
# corrob against the peer NLP libraries (compromise, compromise-dates, chrono-node,
# wink-nlp lite), timed the same way as in $SHARED/peers/README.md: the same ~5 MB
# big.txt, wall time and peak RSS from GNU time (start-up included), MB/s in process.
#
# Run it by hand from the checkout (it is deliberately not bench/bench-*.sh, so
# `make bench` does not run it: it needs npm, installs the pinned peers with
# `npm ci` into a scratch folder under /tmp and takes ~5-15 minutes):
#
#     make build && SHARED=../shared BUILD=build sh bench/peers.sh
#
# PEERS_WORK=DIR reuses a scratch folder (big.txt and node_modules are kept there);
# TOOLS= and WHOLE= are passed through to bench_all.sh. Needs node, npm and
# /usr/bin/time (apt-get install time); without them it prints a note on stderr
# and exits 0. See docs/peers.md for what each tool does and the figures.
#
# Prints (MB = 10^6 bytes of big.txt as read from disk, for every tool):
#   BENCH peers-names corrob_mb_per_s=.. compromise_mb_per_s=.. ratio=.. ...
#   BENCH peers-dates corrob_mb_per_s=.. chrono_mb_per_s=.. ratio=.. ...
#   BENCH peers-wall  corrob_run_s=.. compromise_s=.. ...
# The peers' own lines go to stderr.
#
# Two corrob rules shape how it is fed:
# * ingest drops a line equal to an earlier line of the same document (captions
#   printed twice), so big.txt given as ONE document (218 copies of the same five
#   articles) is analysed as ~28 KB. `corrob run big.txt` is still timed (it is
#   the command a user would type) but is not a throughput figure.
# * the store keeps one copy of identical documents, so `corrob run` on the 1090
#   articles stores five.
# The throughput figures therefore use big.txt cut back into its 1090 articles
# (split/, byte-identical when concatenated: checked) for the per-document
# pipeline (build/pipeline). The name tagger (ner_speed reads raw files, no
# ingest) is timed on big.txt as one document (ratio=) and on the 1090 articles
# (ratio_articles=): a 5 MB document costs it ~4x the time and ~9x the memory.
: "${SHARED:=../shared}" "${BUILD:=build}"
peers="$SHARED/peers"
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
	echo "peers: npm/node not found; peer comparison skipped" >&2
	exit 0
fi
if [ ! -x "$peers/bench_all.sh" ] || [ ! -d "$SHARED/corpus/mizintsev" ]; then
	echo "peers: $peers/bench_all.sh or $SHARED/corpus/mizintsev missing; peer comparison skipped" >&2
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	echo "peers: /usr/bin/time (GNU time) missing: apt-get install time; peer comparison skipped" >&2
	exit 0
fi
for p in corrob pipeline ner_speed; do
	[ -x "$BUILD/$p" ] || { echo "peers: $BUILD/$p missing (make build); peer comparison skipped" >&2; exit 0; }
done
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
case $SHARED in /*) ;; *) SHARED=$(cd "$SHARED" && pwd); peers="$SHARED/peers" ;; esac

work=${PEERS_WORK:-$(mktemp -d /tmp/corrob-peers.XXXXXX)}
mkdir -p "$work/bin" || exit 0
# a copy of the programs, so that a rebuild of $BUILD during the ~10 minutes of
# peer runs (a shared machine) cannot change what is measured half-way
cp "$BUILD/corrob" "$BUILD/pipeline" "$BUILD/ner_speed" "$work/bin/" || exit 0
BUILD="$work/bin"
load0=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null)

# 1. The peers, exactly as bench_all.sh runs them.
WORK="$work" "$peers/bench_all.sh" > "$work/peers.log" 2>&1 || {
	echo "peers: bench_all.sh failed (see $work/peers.log); peer comparison skipped" >&2
	cat "$work/peers.log" >&2
	exit 0
}
sed 's/^/peers: /' "$work/peers.log" >&2
big="$work/big.txt"
bytes=$(wc -c < "$big")

# 2. big.txt cut back into its articles (the same bytes, one document each).
split="$work/split"
rm -rf "$split" && mkdir -p "$split/one"
for f in "$SHARED"/corpus/mizintsev/*.txt; do
	{ cat "$f"; printf '\n\n'; } > "$split/one/$(basename "$f")"
done
i=0
while [ $i -lt 218 ]; do
	n=$(printf %03d $i)
	for f in "$split"/one/*.txt; do cp "$f" "$split/${n}_$(basename "$f")"; done
	i=$((i + 1))
done
rm -rf "$split/one"
if ! cat "$split"/*.txt | cmp -s - "$big"; then
	echo "peers: $split/*.txt is not big.txt cut up (make_big.sh changed?); per-document figures use big.txt as one document" >&2
	rm -rf "$split" && mkdir -p "$split" && cp "$big" "$split/big.txt"
fi

# 3. corrob, timed the same way.
mkdir -p "$work/corrob"
timed() { # name, command...: stdout to corrob/NAME.out, GNU time to corrob/NAME.time
	n=$1; shift
	/usr/bin/time -v -o "$work/corrob/$n.time" "$@" > "$work/corrob/$n.out" 2> "$work/corrob/$n.err" ||
		echo "peers: corrob $n failed (see $work/corrob/$n.err)" >&2
	echo "peers: corrob-$n $(tv "$work/corrob/$n.time") $(head -c 200 "$work/corrob/$n.out")" >&2
}
# wall (s), peak RSS (KB), CPU seconds (user+sys), CPU share from a GNU time -v file
tv() {
	awk -F': ' '/Elapsed/{n=split($2,a,":"); w=0; for(i=1;i<=n;i++) w=w*60+a[i]}
		/Maximum resident/{r=$2} /Percent of CPU/{c=$2} /User time|System time/{t+=$2}
		END{printf "wall_s=%.2f peak_rss_kb=%s cpu_s=%.2f cpu=%s", w, r, t, c}' "$1"
}
field() { # file key: the value of key= in tv's output
	tv "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}
jnum() { # file key: a number from bench.js's JSON line
	sed -n "s/.*\"$2\":\([0-9.e+-]*\).*/\1/p" "$1" | head -1
}
kv() { # file key: key=value from a BENCH line
	tr ' ' '\n' < "$1" | sed -n "s/^$2=//p" | head -1
}
timed names "$BUILD/ner_speed" "$big"
timed names_articles "$BUILD/ner_speed" "$split"/*.txt
timed dates "$BUILD/pipeline" recognize "$split"/*.txt
timed extract "$BUILD/pipeline" extract "$split"/*.txt
rm -f "$work/corrob/run.db" "$work/corrob/run.md"
timed run "$BUILD/corrob" --db "$work/corrob/run.db" -q run "$big" --out "$work/corrob/run.md"
load1=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null)

b="$work/bench" c="$work/corrob"
# In-process seconds for the whole of big.txt; ratios are taken from these (unrounded).
# build/pipeline reports MB/s of the clean text it analysed (best of 3): turned back
# into seconds, then into MB/s of big.txt like every other figure here.
names_s=$(awk -v m="$(kv "$c/names.out" mb_per_s)" -v b="$(kv "$c/names.out" mb)" 'BEGIN{if (m > 0) printf "%.4f", b / m}')
namesa_s=$(awk -v m="$(kv "$c/names_articles.out" mb_per_s)" -v b="$(kv "$c/names_articles.out" mb)" 'BEGIN{if (m > 0) printf "%.4f", b / m}')
dates_s=$(awk -v m="$(kv "$c/dates.out" mb_per_s)" -v b="$(kv "$c/dates.out" bytes)" 'BEGIN{if (m > 0) printf "%.4f", b / 1e6 / m}')
extract_s=$(awk -v m="$(kv "$c/extract.out" mb_per_s)" -v b="$(kv "$c/extract.out" bytes)" 'BEGIN{if (m > 0) printf "%.4f", b / 1e6 / m}')
comp_s=$(jnum "$b/compromise-para.out" process_s)
chrono_s=$(jnum "$b/chrono-para.out" process_s)
cdates_s=$(jnum "$b/compromise-dates-para.out" process_s)
wink_s=$(jnum "$b/wink-para.out" process_s)
mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN{if (s > 0) printf "%.3f", b / 1e6 / s; else printf "NA"}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{if (a > 0 && b > 0) printf "%.1f", a / b; else printf "NA"}'; }
names_c=$(mbps "$names_s") namesa_c=$(mbps "$namesa_s") dates_c=$(mbps "$dates_s") extract_c=$(mbps "$extract_s")
comp=$(mbps "$comp_s") chrono=$(mbps "$chrono_s") cdates=$(mbps "$cdates_s") wink=$(mbps "$wink_s")

echo "BENCH peers-names corrob_mb_per_s=$names_c compromise_mb_per_s=$comp ratio=$(ratio "$comp_s" "$names_s")" \
	"corrob_wall_s=$(field "$c/names.time" wall_s) compromise_wall_s=$(field "$b/compromise-para.time" wall_s)" \
	"wall_ratio=$(ratio "$(field "$b/compromise-para.time" wall_s)" "$(field "$c/names.time" wall_s)")" \
	"cpu_ratio=$(ratio "$(field "$b/compromise-para.time" cpu_s)" "$(field "$c/names.time" cpu_s)")" \
	"corrob_rss_kb=$(field "$c/names.time" peak_rss_kb) compromise_rss_kb=$(field "$b/compromise-para.time" peak_rss_kb)" \
	"corrob_articles_mb_per_s=$namesa_c ratio_articles=$(ratio "$comp_s" "$namesa_s")" \
	"corrob_articles_wall_s=$(field "$c/names_articles.time" wall_s) corrob_articles_rss_kb=$(field "$c/names_articles.time" peak_rss_kb)"
echo "BENCH peers-dates corrob_mb_per_s=$dates_c chrono_mb_per_s=$chrono ratio=$(ratio "$chrono_s" "$dates_s")" \
	"compromise_dates_mb_per_s=$cdates ratio_compromise_dates=$(ratio "$cdates_s" "$dates_s")" \
	"corrob_wall_s=$(field "$c/dates.time" wall_s) chrono_wall_s=$(field "$b/chrono-para.time" wall_s)" \
	"corrob_rss_kb=$(field "$c/dates.time" peak_rss_kb) chrono_rss_kb=$(field "$b/chrono-para.time" peak_rss_kb)"
echo "BENCH peers-wall corrob_run_s=$(field "$c/run.time" wall_s) corrob_run_rss_kb=$(field "$c/run.time" peak_rss_kb)" \
	"corrob_extract_x3_s=$(field "$c/extract.time" wall_s) corrob_extract_mb_per_s=$extract_c" \
	"compromise_s=$(field "$b/compromise-para.time" wall_s) compromise_dates_s=$(field "$b/compromise-dates-para.time" wall_s)" \
	"chrono_s=$(field "$b/chrono-para.time" wall_s) wink_s=$(field "$b/wink-para.time" wall_s) wink_mb_per_s=$wink" \
	"chrono_whole_s=$(field "$b/chrono-whole.time" wall_s) compromise_whole_s=$(field "$b/compromise-whole.time" wall_s)" \
	"load_before=$load0 load_after=$load1"
[ -n "$PEERS_WORK" ] || rm -rf "$work"
exit 0
