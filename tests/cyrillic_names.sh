#!/bin/sh
# A Russian or Ukrainian name written in Cyrillic in an English article
# resolves to the entity of its Latin reports (recognize/translit.h: its key
# is its Latin form): "Михаил Мизинцев" is Mikhail Mizintsev and "Олександра
# Матвійчук" Oleksandra Matviichuk, whether the article gives the Cyrillic
# alone, in brackets after the Latin, or in a list of names.
. "${CORROB_SOURCE_DIR:-$(dirname "$0")/..}/tests/lib/prelude.sh"
mkdir "$t/in"
cat > "$t/in/a.txt" <<'T'
title: Russia sacks general

Russia has dismissed Colonel General Mikhail Mizintsev as deputy defence minister, officials said on Friday. Mizintsev led the siege of Mariupol in 2022, where thousands of civilians were killed.
T
cat > "$t/in/b.txt" <<'T'
title: The general known as the Butcher of Mariupol

The general, Михаил Мизинцев, commanded the Russian forces that besieged Mariupol in the spring of 2022. Human rights groups say Мизинцев ordered the bombardment of the city's drama theatre, where about 300 people were killed.
T
cat > "$t/in/c.txt" <<'T'
title: Nobel peace prize for rights defender

Oleksandra Matviichuk, the head of the Centre for Civil Liberties in Kyiv, accepted the Nobel peace prize in Oslo. Matviichuk has documented war crimes committed by Russian forces in Ukraine since 2014.
T
cat > "$t/in/d.txt" <<'T'
title: A lawyer who documents war crimes

Олександра Матвійчук, a Ukrainian human rights lawyer, told the conference in Kyiv that the centre had recorded thousands of war crimes. She said the evidence would be handed to the International Criminal Court.
T
cat > "$t/in/e.txt" <<'T'
title: Who is who in the siege of Mariupol

Colonel General Mikhail Mizintsev (Михаил Мизинцев) was in charge of the siege, according to the ministry in Kyiv. The lawyer Oleksandra Matviichuk (Олександра Матвійчук) has collected evidence against him.
T
cat > "$t/in/f.txt" <<'T'
title: Sanctions list published

The list published by the government on Monday names the following people: Михаил Мизинцев, Сергей Шойгу and Валерий Герасимов. All three are accused of directing attacks on civilian targets in Ukraine, the statement said.
T
"$CORROB_BIN" -q --db "$t/s.db" run "$t/in" --json "$t/r.json" --out "$t/r.md" > /dev/null 2> "$t/err" ||
	no "run: $(cat "$t/err")"
# check NAME CYRILLIC FILES...: one entity holds the Latin name and the
# Cyrillic form among its names and is in exactly the documents of FILES
# (its display name is the resolver's choice: most words, then most seen,
# which may be the Cyrillic one)
check() {
	python3 - "$t/r.json" "$@" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
name, cyr, files = sys.argv[2], sys.argv[3], set(sys.argv[4:])
ids = {d["id"]: d["path"].rsplit("/", 1)[1] for d in r["documents"]}
names = lambda e: set(e["aliases"]) | {e["name"]}
holding = [e for e in r["entities"] if cyr in names(e) or name in names(e)]
assert len(holding) == 1, "%s / %s: in %d entities: %s" % (name, cyr, len(holding), [e["name"] for e in holding])
e = holding[0]
assert {name, cyr} <= names(e), "%s / %s: %s" % (name, cyr, names(e))
got = {ids[d] for d in e["documents"]}
assert got == files, "%s: documents %s, want %s" % (name, sorted(got), sorted(files))
PY
}
check "Mikhail Mizintsev" "Михаил Мизинцев" a.txt b.txt e.txt f.txt && ok || no "Mizintsev in Cyrillic"
check "Oleksandra Matviichuk" "Олександра Матвійчук" c.txt d.txt e.txt && ok || no "Matviichuk in Cyrillic"
finish
