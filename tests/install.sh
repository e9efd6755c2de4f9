#!/bin/sh
# `make install` with DESTDIR and a prefix puts the program, the library, its
# header, the pkg-config file and the man page where they belong, and the
# installed program runs; a program built against the installed header and
# library (through pkg-config) links and runs.
set -eu
: "${CORROB_BUILD_DIR:?}" "${CORROB_SOURCE_DIR:?}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
DESTDIR="$t/stage" cmake --install "$CORROB_BUILD_DIR" --prefix /opt/corrob >/dev/null
root="$t/stage/opt/corrob"
libdir=$(ls -d "$root"/lib* | head -n 1)
for f in bin/corrob include/corrob.h share/man/man1/corrob.1 share/doc/corrob/LICENSE share/doc/corrob/NOTICE; do
	[ -f "$root/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
[ -f "$libdir/libcorrob.a" ] || { echo "FAIL: libcorrob.a not installed"; exit 1; }
[ -f "$libdir/pkgconfig/corrob.pc" ] || { echo "FAIL: corrob.pc not installed"; exit 1; }
grep -q '^prefix=/opt/corrob$' "$libdir/pkgconfig/corrob.pc" || { echo "FAIL: corrob.pc has another prefix"; exit 1; }
grep -q '^\.TH CORROB 1' "$root/share/man/man1/corrob.1" || { echo "FAIL: corrob.1 is no man page"; exit 1; }
"$root/bin/corrob" --version >/dev/null || { echo "FAIL: the installed corrob does not run"; exit 1; }
# the library through its pkg-config file, from the staged tree
sed "s|^prefix=.*|prefix=$root|" "$libdir/pkgconfig/corrob.pc" >"$t/corrob.pc"
cat >"$t/use.c" <<'C'
#include <corrob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* one article through the installed library: the killed figure and the date given */
int main(void)
{
	const char *text = "An airstrike hit a school in Idlib on Tuesday, killing at least five people.";
	corrob_extractor *x = corrob_extractor_new();
	corrob_options opt = CORROB_OPTIONS_INIT;
	opt.published = "2021-06-02";
	char *json, err[256];
	if (!x || corrob_extract(&json, x, text, strlen(text), &opt, err, sizeof err) != CORROB_OK) {
		fprintf(stderr, "use: %s\n", x ? err : "no extractor");
		return 1;
	}
	int ok = strstr(json, "\"killed\"") && strstr(json, "\"2021-06-02\"");
	free(json);
	corrob_extractor_free(x);
	return ok ? 0 : 1;
}
C
# a library built under the sanitizers (the ASan run of make test) needs them at link time too
san=
nm "$libdir/libcorrob.a" 2>/dev/null | grep -q ' U __asan_' && san="-fsanitize=address,undefined"
pc=$(PKG_CONFIG_PATH="$t" pkg-config --cflags --libs corrob)
# the static library, named whole, then the shared one as -lcorrob finds it
# shellcheck disable=SC2086
cc $san -o "$t/use-static" "$t/use.c" "$libdir/libcorrob.a" $(echo "$pc" | sed 's/-lcorrob//') ||
	{ echo "FAIL: a program does not link against the installed static library"; exit 1; }
"$t/use-static" || { echo "FAIL: the program linked statically fails"; exit 1; }
if [ -f "$libdir/libcorrob.so" ]; then
	# shellcheck disable=SC2086
	cc $san -o "$t/use-shared" "$t/use.c" $pc ||
		{ echo "FAIL: a program does not link against the installed shared library"; exit 1; }
	LD_LIBRARY_PATH="$libdir" "$t/use-shared" || { echo "FAIL: the program linked to libcorrob.so fails"; exit 1; }
	# the shared library exports the public API and nothing else
	extra=$(nm -D --defined-only "$libdir/libcorrob.so" | awk '{print $3}' | grep -v '^corrob_' | grep -v '^_' || true)
	[ -z "$extra" ] || { echo "FAIL: libcorrob.so exports more than corrob_*: $extra"; exit 1; }
fi
echo "install: ok"
