#!/bin/sh
# RSS and Atom feeds: one document per item or entry, with its link (URL),
# title, date (the publication date) and content, HTML in the content
# stripped as the HTML reader strips a page; an item with no content is
# skipped and counted. The feed is told from its content (any name, gzip
# too) and read in its declared encoding. Malformed feeds are in
# tests/bad_input.sh.
. "${CORROB_SOURCE_DIR:-$(dirname "$0")/..}/tests/lib/prelude.sh"
# ingest FILE into a fresh store: fresh FILE [ARGS...]
fresh() { f=$1; shift; rm -f "$t/s.db"*; "$CORROB_BIN" --db "$t/s.db" ingest "$@" "$f" 2> "$t/err"; }
# one column of the document whose title is TITLE: col COLUMN TITLE
col() { sq "$t/s.db" "select coalesce($1, '-') from documents where title = '$2'"; }

cat > "$t/gazette.rss" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Dunmore Gazette</title><link>https://gazette.example/</link>
<item><title>Harbour wall to be repaired</title><link>https://gazette.example/2024/03/harbour</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
<description>Short summary of the harbour story.</description>
<content:encoded><![CDATA[<p>The harbour council of Dunmore voted on Monday to repair the north wall, the mayor said.</p><div class="share">Share this on Facebook</div><p>Work will start in April and last about eight months.</p>]]></content:encoded></item>
<item><title>Bridge closed</title><guid>https://gazette.example/2024/03/bridge</guid><dc:date>2024-03-06T08:00:00Z</dc:date>
<description>&lt;p&gt;The old bridge over the river Kelso was closed on &lt;b&gt;Wednesday&lt;/b&gt; after engineers found cracks, officials said.&lt;/p&gt;</description></item>
<item><title>Only a title</title><link>https://gazette.example/3</link></item>
</channel></rss>
EOF
fresh "$t/gazette.rss"; rc=$?
[ $rc -eq 0 ] && [ "$(sq "$t/s.db" "select count(*) from documents")" = 2 ] && ok || no "RSS: two items with content: rc=$rc $(cat "$t/err")"
grep -q "gazette.rss:item 3, line [0-9]*: note: no content" "$t/err" && grep -q "1 skipped" "$t/err" && ok ||
	no "an item with no content is skipped and counted: $(cat "$t/err")"
[ "$(col url 'Harbour wall to be repaired')" = https://gazette.example/2024/03/harbour ] && ok || no "RSS <link> is the URL"
[ "$(col url 'Bridge closed')" = https://gazette.example/2024/03/bridge ] && ok || no "a permalink <guid> is the URL"
"$CORROB_BIN" --db "$t/s.db" docs > "$t/docs"
grep -q "2024-03-05.*Harbour wall" "$t/docs" && grep -q "2024-03-06.*Bridge closed" "$t/docs" && ok ||
	no "RFC 822 <pubDate> and <dc:date> are the publication dates: $(cat "$t/docs")"
text=$(col text 'Harbour wall to be repaired')
case "$text" in
"The harbour council of Dunmore voted on Monday to repair the north wall, the mayor said.

Work will start in April and last about eight months.") ok ;;
*) no "content:encoded over the description, HTML stripped, furniture dropped: $text" ;;
esac
[ "$(col text 'Bridge closed')" = "The old bridge over the river Kelso was closed on Wednesday after engineers found cracks, officials said." ] && ok ||
	no "an escaped HTML description: $(col text 'Bridge closed')"

cat > "$t/courier.atom" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kelso Courier</title>
<entry><title type="text">Dam plans approved</title><link rel="self" href="https://courier.example/dam.atom"/><link rel="alternate" href="https://courier.example/dam"/>
<id>tag:courier.example,2024:1</id><updated>2024-04-02T10:00:00Z</updated><published>2024-04-01T10:00:00Z</published>
<summary>Summary text.</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The river authority of Kelso approved plans for a new <em>dam</em> on Monday, its chairman said.</p></div></content></entry>
<entry><title>Ferry timetable</title><link href="https://courier.example/ferry"/><updated>2024-04-03T10:00:00Z</updated>
<content type="html">&lt;p&gt;The ferry to Arran will run twice a day from Friday, the operator said.&lt;/p&gt;</content></entry>
<entry><title>School roof</title><link href="https://courier.example/roof"/><updated>2024-04-04</updated>
<summary>A plain summary: the school in Pendle &amp; its new roof &lt;cost&gt; less than planned.</summary></entry>
</feed>
EOF
fresh "$t/courier.atom"; rc=$?
[ $rc -eq 0 ] && [ "$(sq "$t/s.db" "select count(*) from documents")" = 3 ] && ok || no "Atom: three entries: rc=$rc $(cat "$t/err")"
[ "$(col url 'Dam plans approved')" = https://courier.example/dam ] && ok || no "Atom: the alternate link, not the self link"
"$CORROB_BIN" --db "$t/s.db" docs > "$t/docs"
grep -q "2024-04-01.*Dam plans" "$t/docs" && grep -q "2024-04-03.*Ferry" "$t/docs" && ok ||
	no "Atom <published> over <updated>, else <updated>: $(cat "$t/docs")"
[ "$(col text 'Dam plans approved')" = "The river authority of Kelso approved plans for a new dam on Monday, its chairman said." ] && ok ||
	no "Atom xhtml content: $(col text 'Dam plans approved')"
[ "$(col text 'Ferry timetable')" = "The ferry to Arran will run twice a day from Friday, the operator said." ] && ok ||
	no "Atom html content: $(col text 'Ferry timetable')"
[ "$(col text 'School roof')" = "A plain summary: the school in Pendle & its new roof <cost> less than planned." ] && ok ||
	no "Atom text summary taken as text: $(col text 'School roof')"

# RSS 1.0: items beside the channel
cat > "$t/rdf.data" <<'EOF'
<?xml version="1.0"?>
<!-- an RSS 1.0 feed -->
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://mill.example/"><title>Mill News</title></channel>
<item rdf:about="https://mill.example/fire"><title>Mill fire</title><link>https://mill.example/fire</link><dc:date>2024-05-02</dc:date>
<description>The old mill at Pendle burned down on Sunday night, firefighters said, and nobody was hurt.</description></item>
</rdf:RDF>
EOF
fresh "$t/rdf.data" && [ "$(col url 'Mill fire')" = https://mill.example/fire ] && ok || no "RSS 1.0 under a name that says nothing: $(cat "$t/err")"

# gzip, and a feed in the encoding it declares
gzip -c "$t/gazette.rss" > "$t/gazette.rss.gz"
fresh "$t/gazette.rss.gz" && [ "$(sq "$t/s.db" "select count(*) from documents")" = 2 ] && ok || no "a gzip feed: $(cat "$t/err")"
RU='Городской совет Северогорска в понедельник утвердил новый бюджет на ремонт моста.'
printf '<?xml version="1.0" encoding="windows-1251"?>\n<rss version="2.0"><channel><item><title>Мост</title><description>%s</description></item></channel></rss>\n' "$RU" |
	iconv -f UTF-8 -t WINDOWS-1251 > "$t/ru.xml"
fresh "$t/ru.xml" && [ "$(col text 'Мост')" = "$RU" ] && ok || no "a windows-1251 feed: $(cat "$t/err")"
# an external entity is never read, and an entity that multiplies ("billion laughs") is refused
printf 'SECRETMARK\n' > "$t/secret.txt"
printf '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file://%s/secret.txt"> ]>\n<rss version="2.0"><channel><item><title>XXE</title><description>The harbour of Dunmore: &xxe; officials said.</description></item></channel></rss>\n' "$t" > "$t/xxe.rss"
fresh "$t/xxe.rss" && [ "$(col text 'XXE')" = "The harbour of Dunmore: officials said." ] && ok || no "an external entity: $(col text 'XXE') $(cat "$t/err")"
python3 - "$t/laughs.rss" <<'PY'
import sys
ents = '<!ENTITY a0 "haha">' + "".join('<!ENTITY a%d "%s">' % (i, ("&a%d;" % (i - 1)) * 10) for i in range(1, 10))
open(sys.argv[1], "w").write('<?xml version="1.0"?>\n<!DOCTYPE rss [ %s ]>\n<rss version="2.0"><channel><item><title>L</title>'
                             '<description>&a9;</description></item></channel></rss>\n' % ents)
PY
timeout 20 "$CORROB_BIN" -q --db "$t/l.db" ingest "$t/laughs.rss" 2> "$t/err"; rc=$?
[ $rc -eq 1 ] && grep -q "laughs.rss:line [0-9]*, column [0-9]*: error: not well-formed XML" "$t/err" && ok || no "billion laughs: rc=$rc $(cat "$t/err")"

# --format feed forces it
cp "$t/courier.atom" "$t/courier.txt"
fresh "$t/courier.txt" --format feed && [ "$(sq "$t/s.db" "select count(*) from documents")" = 3 ] && ok || no "--format feed: $(cat "$t/err")"
# the JSON report carries each item's URL and date
"$CORROB_BIN" -q --db "$t/s.db" report --format json > "$t/r.json" 2> "$t/err"
python3 - "$t/r.json" <<'PY' && ok || no "JSON report of a feed: $(cat "$t/err")"
import json, sys
docs = {d["title"]: d for d in json.load(open(sys.argv[1]))["documents"]}
assert docs["Dam plans approved"]["url"] == "https://courier.example/dam", docs
assert docs["Dam plans approved"]["published"]["value"] == "2024-04-01", docs
assert docs["School roof"]["published"]["value"] == "2024-04-04", docs
PY

finish
