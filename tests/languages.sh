#!/bin/sh
# A document's language is identified (ingest/lang.h, libcld2), stored and
# reported: Russian, Ukrainian, German and French articles are stored and
# searchable, each with one warning naming its file and its language, and
# have no names or claims read from them by the English-only stages; an
# English article, and a one-line English headline (too short to tell:
# "und", read as English), are analysed as before. The JSON report gives
# "language" to a document not in English only; so does the extract line.
. "${CORROB_SOURCE_DIR:-$(dirname "$0")/..}/tests/lib/prelude.sh"
mkdir "$t/in"
cat > "$t/in/ru.txt" <<'T'
title: Мизинцев освобождён от должности

Генерал-полковник Михаил Мизинцев освобождён от должности заместителя министра обороны России, сообщили источники в министерстве. Ранее Мизинцев руководил Национальным центром управления обороной. В 2022 году он командовал осадой Мариуполя, где погибли тысячи мирных жителей.
T
cat > "$t/in/uk.txt" <<'T'
title: Матвійчук отримала премію

Олександра Матвійчук, голова Центру громадянських свобод, отримала Нобелівську премію миру разом з іншими правозахисниками. Центр документує воєнні злочини, скоєні російськими військами в Україні з початку повномасштабного вторгнення.
T
cat > "$t/in/de.txt" <<'T'
title: General entlassen

Der russische Generaloberst Michail Misinzew ist als stellvertretender Verteidigungsminister entlassen worden, berichteten mehrere Medien am Freitag. Er hatte im Jahr 2022 die Belagerung von Mariupol geleitet, bei der Tausende Zivilisten getötet wurden.
T
cat > "$t/in/fr.txt" <<'T'
title: Un général limogé

Le général russe Mikhaïl Mizintsev a été limogé de son poste de vice-ministre de la Défense, ont rapporté plusieurs médias vendredi. Il avait dirigé en 2022 le siège de Marioupol, au cours duquel des milliers de civils ont été tués.
T
cat > "$t/in/en.txt" <<'T'
title: Russian general sacked

Colonel General Mikhail Mizintsev has been dismissed as Russia's deputy defence minister, several media outlets reported on Friday. He led the siege of Mariupol in 2022, in which thousands of civilians were killed.
T
printf 'Putin meets Xi in Moscow for talks on Ukraine\n' > "$t/in/headline.txt"

"$CORROB_BIN" --db "$t/s.db" run "$t/in" --json "$t/r.json" --out "$t/r.md" > /dev/null 2> "$t/err" ||
	no "run: $(cat "$t/err")"
# what each document's language was stored as
for f in ru:ru uk:uk de:de fr:fr en:en headline:und; do
	name=${f%%:*} want=${f#*:}
	got=$(sq "$t/s.db" "SELECT lang FROM documents WHERE path LIKE '%/$name.txt'")
	[ "$got" = "$want" ] && ok || no "$name.txt stored as '$got', want '$want'"
done
# one warning for each document not in English, naming its file and its language
for f in ru:Russian uk:Ukrainian de:German fr:French; do
	name=${f%%:*} lang=${f#*:}
	n=$(grep -c "$name\.txt: warning: in $lang ($name), not English" "$t/err")
	[ "$n" = 1 ] && ok || no "$name.txt: $n warnings naming $lang, want 1: $(cat "$t/err")"
done
grep -q "en.txt: warning\|headline.txt: warning" "$t/err" && no "a warning for an English document: $(cat "$t/err")" || ok
python3 - "$t/r.json" <<'PY' && ok || no "the JSON report"
import json, sys
r = json.load(open(sys.argv[1]))
lang = {d["path"].rsplit("/", 1)[1]: d.get("language") for d in r["documents"]}
want = {"ru.txt": "ru", "uk.txt": "uk", "de.txt": "de", "fr.txt": "fr", "en.txt": None, "headline.txt": None}
assert lang == want, lang
ids = {d["path"].rsplit("/", 1)[1]: d["id"] for d in r["documents"]}
foreign = {ids[n] for n in ("ru.txt", "uk.txt", "de.txt", "fr.txt")}
# nothing is read from the other languages: no entity, no claim, no evidence
for e in r["entities"]:
    assert not foreign & set(e["documents"]), e
for c in r["claims"]:
    assert not foreign & {ev["document"] for ev in c["evidence"]}, c
# the English ones are analysed: the general, and the headline's names
names = {e["name"] for e in r["entities"]}
assert "Mikhail Mizintsev" in names and "Putin" in names, names
# and nobody named "Ранее Мизинцев"
assert not any("Ранее" in a for e in r["entities"] for a in e["aliases"] + [e["name"]]), names
PY
python3 "${CORROB_SOURCE_DIR:-$(dirname "$0")/..}/tests/check_report.py" "$t/r.json" "$t/s.db" > "$t/chk" && ok ||
	no "the report breaks the contract: $(cat "$t/chk")"
# stored and searchable
"$CORROB_BIN" --db "$t/s.db" search 'Мизинцев' > "$t/hits" 2>&1 && grep -q "ru.txt" "$t/hits" && ok ||
	no "the Russian article is not found by search: $(cat "$t/hits")"
"$CORROB_BIN" --db "$t/s.db" search 'Нобелівську' > "$t/hits" 2>&1 && grep -q "uk.txt" "$t/hits" && ok ||
	no "the Ukrainian article is not found by search: $(cat "$t/hits")"
"$CORROB_BIN" --db "$t/s.db" show d5 > "$t/show" 2>&1 && grep -q "^language:  ru (Russian): names and claims not extracted$" "$t/show" && ok ||
	no "show: the language: $(head -9 "$t/show")"
# the extract stream: a line for each, its language given, no claims read
"$CORROB_BIN" extract "$t/in/ru.txt" "$t/in/en.txt" > "$t/x.jsonl" 2> "$t/xerr" || no "extract: $(cat "$t/xerr")"
python3 - "$t/x.jsonl" <<'PY' && ok || no "the extract lines: $(cat "$t/x.jsonl")"
import json, sys
ru, en = [json.loads(l) for l in open(sys.argv[1])]
assert ru["document"]["language"] == "ru" and not ru["claims"] and not ru["entities"], ru
assert "language" not in en["document"] and en["entities"], en
PY
[ "$(grep -c 'ru.txt: warning: in Russian' "$t/xerr")" = 1 ] && ok || no "extract: the warning: $(cat "$t/xerr")"
finish
