#!/bin/sh
# Fault injection, as SQLite's tests do it: through tests/fault/inject.c
# (LD_PRELOAD), one failing call at a time — every write and every fsync in
# turn, and for allocations the first call from each call site and a sample
# of the rest (FAULT_MALLOC_STEPS of them, default 40; `make fault` runs
# more) — during an ingest, a run that stores its results, and a report.
# Each injected failure must end in exit status 0 with the job complete, or
# 1 with a message; never a crash or a silent 1. Nothing committed may be
# lost, the store must pass integrity_check, an ingest run again without
# faults must complete the job with every article and source once, and a
# report file is the old one or the whole new one, never a part.
# Under ASan (ASAN_OPTIONS set) allocations are not interposed: the
# sanitizer owns malloc.
set -u
: "${CORROB_BIN:?}" "${CORROB_SOURCE_DIR:?}" "${CORROB_INJECT:?}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $1"; }
steps=${FAULT_MALLOC_STEPS:-40}
families="write fsync malloc"
[ -n "${ASAN_OPTIONS:-}" ] && families="write fsync"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0"
ex="$CORROB_SOURCE_DIR/examples/mizintsev"

# the committed base: two articles; the inputs of the faulty ingest: three
# more articles and a JSONL file of two
mkdir "$t/in"
set -- "$ex"/*.txt
cp "$1" "$2" "$t/"
cp "$3" "$4" "$5" "$t/in/"
printf '{"title":"J1","outlet":"Wire","text":"A wire article about the harbour of Mariupol and its port."}\n{"title":"J2","text":"A second wire article about the theatre in Mariupol, where about 300 people were killed."}\n' > "$t/in/feed.jsonl"
base1=$1 base2=$2
"$CORROB_BIN" -q --db "$t/base.db" ingest "$base1" "$base2" 2>/dev/null || no "base ingest"
"$CORROB_BIN" -q --db "$t/full.db" ingest "$base1" "$base2" "$t/in" 2>/dev/null || no "full ingest"
"$CORROB_BIN" -q --db "$t/full.db" run --out "$t/full.md" > /dev/null 2>&1 || no "full run"
"$CORROB_BIN" -q --db "$t/full.db" report --format json --out "$t/ref.json" 2>/dev/null || no "reference report"
want_docs=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from documents').fetchone()[0])" "$t/full.db")
want_srcs=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from document_sources').fetchone()[0])" "$t/full.db")

# The store after a faulty command: whole, with the base articles; prints
# "documents sources" or the problem.
check_store() {
	python3 - "$1" "$t/base.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
    print("integrity_check failed"); sys.exit(1)
base = {h for (h,) in sqlite3.connect(sys.argv[2]).execute("select hash from documents")}
have = {h for (h,) in db.execute("select hash from documents")}
if not base <= have:
    print("committed documents lost"); sys.exit(1)
print(db.execute("select count(*) from documents").fetchone()[0], db.execute("select count(*) from document_sources").fetchone()[0])
PY
}

# inject FAMILY MODE N CMD...: runs CMD with call N (MODE NTH) or site N (MODE SITE) of FAMILY failing
inject() {
	f=$1 mode=$2 n=$3
	shift 3
	env CORROB_FAULT="$f" "CORROB_FAULT_$mode=$n" LD_PRELOAD="$CORROB_INJECT" "$@"
}

# how many calls and call sites of FAMILY CMD makes, fault-free: "CALLS SITES"
census() {
	f=$1
	shift
	rm -f "$t/count"
	env CORROB_FAULT="$f" CORROB_FAULT_COUNT="$t/count" LD_PRELOAD="$CORROB_INJECT" "$@" > /dev/null 2>&1
	cat "$t/count" 2>/dev/null || echo "0 0"
}

# the points to fail: every call for writes and syncs; for allocations every
# call site, then calls 1..20 and a sample of the rest
points() {
	f=$1 calls=$2 sites=$3
	if [ "$f" != malloc ]; then
		i=1; while [ $i -le "$calls" ]; do echo "NTH $i"; i=$((i + 1)); done
		return
	fi
	i=1; while [ $i -le "$sites" ]; do echo "SITE $i"; i=$((i + 1)); done
	i=1; while [ $i -le 20 ] && [ $i -le "$calls" ]; do echo "NTH $i"; i=$((i + 1)); done
	stride=$((calls / (steps + 1) + 1))
	i=$((20 + stride)); while [ $i -le "$calls" ]; do echo "NTH $i"; i=$((i + stride)); done
}

# judge RC ERRFILE WHAT: exit 0, or 1 with a message; anything else fails
judge() {
	if [ "$1" -eq 1 ] && grep -q "^corrob: " "$2"; then return 0; fi
	[ "$1" -eq 0 ] && return 0
	no "$3: exit $1, message: $(head -c 300 "$2")"
	return 1
}

# FAULT_ONLY="ingest run report" (the default) or some of them
want() { case " ${FAULT_ONLY:-ingest run report} " in *" $1 "*) return 0 ;; esac; return 1; }

tried=0
for f in $families; do
	# 1. ingest
	if want ingest; then
	before=$tried
	cp "$t/base.db" "$t/s.db"
	set -- $(census "$f" "$CORROB_BIN" -q --db "$t/s.db" ingest "$t/in")
	calls=$1 sites=$2
	[ "$calls" -gt 0 ] && ok || no "ingest makes no $f call"
	points "$f" "$calls" "$sites" > "$t/points"
	while read -r mode n; do
		tried=$((tried + 1))
		rm -f "$t/s.db-wal" "$t/s.db-shm"
		cp "$t/base.db" "$t/s.db"
		inject "$f" "$mode" "$n" "$CORROB_BIN" -q --db "$t/s.db" ingest "$t/in" 2> "$t/err"
		rc=$?
		what="ingest, $f $mode $n"
		judge $rc "$t/err" "$what" || continue
		st=$(check_store "$t/s.db") || { no "$what: $st"; continue; }
		[ $rc -eq 0 ] && [ "$st" != "$want_docs $want_srcs" ] && { no "$what: exit 0 with $st, want $want_docs $want_srcs"; continue; }
		"$CORROB_BIN" -q --db "$t/s.db" ingest "$t/in" 2> "$t/err2" || { no "$what: the ingest again failed: $(cat "$t/err2")"; continue; }
		st=$(check_store "$t/s.db")
		[ "$st" = "$want_docs $want_srcs" ] && ok || no "$what: after the ingest again: $st, want $want_docs $want_srcs"
	done < "$t/points"
	echo "FAULT ingest $f calls=$calls sites=$sites injected=$((tried - before))"
	fi

	# 2. run with no paths: the results stored in one transaction, or not at all
	if want run; then
	before=$tried
	cp "$t/full.db" "$t/r.db"
	set -- $(census "$f" "$CORROB_BIN" -q --db "$t/r.db" run --out "$t/r.md")
	calls=$1 sites=$2
	points "$f" "$calls" "$sites" > "$t/points"
	while read -r mode n; do
		tried=$((tried + 1))
		rm -f "$t/r.db-wal" "$t/r.db-shm"
		cp "$t/full.db" "$t/r.db"
		inject "$f" "$mode" "$n" "$CORROB_BIN" -q --db "$t/r.db" run --out "$t/r.md" > /dev/null 2> "$t/err"
		rc=$?
		what="run, $f $mode $n"
		judge $rc "$t/err" "$what" || continue
		st=$(check_store "$t/r.db") || { no "$what: $st"; continue; }
		[ "$st" = "$want_docs $want_srcs" ] || { no "$what: $st after it"; continue; }
		n_claims=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from claims').fetchone()[0])" "$t/r.db")
		want_claims=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['claims']))" "$t/ref.json")
		[ "$n_claims" = "$want_claims" ] && ok || no "$what: $n_claims claims stored, want $want_claims (old or new, whole)"
	done < "$t/points"
	echo "FAULT run $f calls=$calls sites=$sites injected=$((tried - before))"
	fi

	# 3. report into a file that holds an older report
	if want report; then
	before=$tried
	set -- $(census "$f" "$CORROB_BIN" -q --db "$t/full.db" report --format json --out "$t/o.json")
	calls=$1 sites=$2
	points "$f" "$calls" "$sites" > "$t/points"
	while read -r mode n; do
		tried=$((tried + 1))
		printf 'OLD\n' > "$t/o.json"
		inject "$f" "$mode" "$n" "$CORROB_BIN" -q --db "$t/full.db" report --format json --out "$t/o.json" 2> "$t/err"
		rc=$?
		what="report, $f $mode $n"
		judge $rc "$t/err" "$what" || continue
		if [ $rc -eq 0 ]; then
			cmp -s "$t/o.json" "$t/ref.json" && ok || no "$what: exit 0 with a report that differs"
		else
			{ [ "$(cat "$t/o.json")" = OLD ] || cmp -s "$t/o.json" "$t/ref.json"; } && ok || no "$what: half a report left"
		fi
		ls -a "$t" | grep -q '^\.o\.json\.' && no "$what: a temporary file left behind"
	done < "$t/points"
	echo "FAULT report $f calls=$calls sites=$sites injected=$((tried - before))"
	fi
done
[ "$(check_store "$t/full.db")" = "$want_docs $want_srcs" ] && ok || no "the reports changed the store"

echo "$tried failures injected; $pass passed, $fail failed"
[ $fail -eq 0 ]
