# prelude.sh: what the input tests (bad_input.sh, charsets.sh, gzip_input.sh,
# feeds.sh) and html_report.sh share, sourced at their top: a scratch folder $t removed on exit, the
# pass/fail counters with ok and no, sq (one value from an SQLite query),
# and finish (the closing count line and the exit status).
set -u
: "${CORROB_BIN:?}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $1"; }
sq() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$@"; }
finish() { echo "$pass passed, $fail failed"; [ $fail -eq 0 ]; }
