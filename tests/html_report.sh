#!/bin/sh
# The HTML dossier (corrob report --format html, corrob run --html): on
# examples/mizintsev plus an article full of markup, the page parses with
# balanced tags, has no script, no event-handler attribute and no link out
# but the articles' own http(s) URLs; every conflict of the JSON report is in
# its conflicts section with each value's quote; the hostile article's title,
# outlet and quoted sentence come out as text; --entity keeps one entity (by
# any alias, case ignored) and an unknown name fails writing nothing; the
# timeline draws a year as a year; two runs give the same bytes. With
# /usr/bin/chromium, a real browser renders it too.
. "$CORROB_SOURCE_DIR/tests/lib/prelude.sh"
ex="$CORROB_SOURCE_DIR/examples/mizintsev"
C() { "$CORROB_BIN" -q --db "$t/a.db" "$@"; }

cat >"$t/hostile.txt" <<'EOF'
date 2022-05-04
title: Varnok <script>alert(1)</script> "><img src=x onerror=alert(1)>
url: javascript:alert(1)
outlet: "><img src=x onerror=alert(1)>

<b>Varnok</b> was killed on 3 May 2021, police said. <script>alert(1)</script>

Colonel-General Mikhail Mizintsev, "><img src=x onerror=alert(1)> head of the <script>alert(1)</script> National Centre for Defence Management, ordered the siege of Mariupol, police said.
EOF
cat >"$t/linked.txt" <<'EOF'
date 2022-05-05
title: Mizintsev profile
url: https://example.org/news/mizintsev?a=1&b=2
outlet: Example News

Mikhail Mizintsev, 59, was born in 1962 in the village of Averinskaya, his biography says.
EOF

C run "$ex" "$t/hostile.txt" "$t/linked.txt" --out "$t/a.md" --json "$t/a.json" --html "$t/run.html" \
	|| no "run --html"
C report --format html --out "$t/a.html" && ok || no "report --format html"
cmp "$t/a.html" "$t/run.html" >/dev/null && ok || no "run --html and report --format html differ"
C report --format html --out "$t/b.html"
cmp "$t/a.html" "$t/b.html" >/dev/null && ok || no "two reports of one store differ"
"$CORROB_BIN" -q --db "$t/c.db" run "$ex" "$t/hostile.txt" "$t/linked.txt" --out "$t/c.md" --html "$t/c.html"
cmp "$t/a.html" "$t/c.html" >/dev/null && ok || no "two runs on two stores give different HTML"
C report --format html --entity 'BUTCHER of mariupol' --out "$t/e.html" && ok || no "--entity by an alias"
rc=0
C report --format html --entity 'Nobody Atall' --out "$t/none.html" 2>"$t/err" || rc=$?
[ $rc -ne 0 ] && grep -q "Nobody Atall" "$t/err" && [ ! -e "$t/none.html" ] && ok \
	|| no "an unknown --entity gave $rc, wrote a file or named nothing"
rc=0
C report --format md --entity Mizintsev >/dev/null 2>&1 || rc=$?
[ $rc -eq 2 ] && ok || no "--entity with --format md gave $rc"
"$CORROB_BIN" report --help | grep -q -- "--format md|json|csv|html.*--entity" && ok || no "report --help names html"

cat >"$t/check.py" <<'PY'
import json, re, sys
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "embed", "source", "track", "wbr"}

class Page(HTMLParser):
    """Checks nesting; keeps the text inside each element with an id, the tags and attributes."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.tags, self.attrs = [], [], [], []
        self.text = {}          # id -> text within it
        self.all_text = []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v or "") for k, v in attrs)
        if tag in VOID:
            return
        ident = dict(attrs).get("id")
        self.stack.append((tag, ident))
        if ident is not None:
            self.text.setdefault(ident, [])
    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v or "") for k, v in attrs)
    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append("</%s> closes %s" % (tag, self.stack[-1][0] if self.stack else "nothing"))
            return
        self.stack.pop()
    def handle_data(self, data):
        self.all_text.append(data)
        for _, ident in self.stack:
            if ident is not None:
                self.text[ident].append(data)

def parse(path):
    p = Page()
    src = open(path, encoding="utf-8").read()
    p.feed(src)
    p.close()
    assert not p.errors, p.errors[:5]
    assert not p.stack, "unclosed: %s" % p.stack
    p.src = src
    p.joined = {k: norm("".join(v)) for k, v in p.text.items()}
    return p

def norm(s):
    return " ".join(s.split())

def safe(p, report):
    assert p.src.startswith("<!DOCTYPE html>"), "no doctype"
    assert "script" not in p.tags and "img" not in p.tags and "iframe" not in p.tags, sorted(set(p.tags))
    assert "style" in p.tags, "no inline style"
    assert "@media print" in p.src and "@media (max-width" in p.src, "no print or narrow-screen CSS"
    assert any(t == "meta" and k == "name" and v == "viewport" for t, k, v in p.attrs), "no viewport meta"
    urls = {d["url"] for d in report["documents"] if d["url"]}
    for tag, k, v in p.attrs:
        assert not k.startswith("on"), "event handler %s on <%s>" % (k, tag)
        assert "javascript:" not in v.lower(), "javascript: in %s" % k
        if k in ("src", "href", "xlink:href", "action", "srcset"):
            assert v.startswith("#") or v in urls and re.match(r"https?://", v), "%s=%r leads out" % (k, v)
        assert "url(" not in v, "a url() in an attribute"
    assert not re.search(r"url\(|@import", p.src.split("</style>")[0]), "the stylesheet fetches something"

def conflicts(p, report):
    claims = {c["id"]: c for c in report["claims"]}
    n = 0
    for f in report["findings"]:
        if f["kind"] != "conflict":
            continue
        n += 1
        t = p.joined.get(f["id"])
        assert t is not None, "conflict %s is not in the dossier" % f["id"]
        assert f["id"] in p.text and norm(f["explanation"]) in t, "conflict %s without its explanation" % f["id"]
        for cid in f["claims"]:
            c = claims[cid]
            assert norm(c["evidence"][0]["quote"]) in t, "conflict %s lacks the quote of %s" % (f["id"], cid)
            assert norm(c["value"]["text"]) in t, "conflict %s lacks the value of %s" % (f["id"], cid)
        assert f["id"] in p.joined["conflicts"] or norm(f["explanation"]) in p.joined["conflicts"]
    assert n >= 1, "the example has no conflict to look for"
    # the values of a conflict in publication order: undated documents last
    docs = {d["id"]: d["published"]["earliest"] or "9999" for d in report["documents"]}
    for art in re.findall(r'<article class="conflict".*?</article>', p.src, re.S):
        order = [docs[d] for d in re.findall(r'<li><strong>.*?<a href="#(d\d+)">', art, re.S)]
        assert order == sorted(order), "conflict values out of date order: %s" % order

def hostile(p, report):
    doc = next(d for d in report["documents"] if d["path"].endswith("hostile.txt"))
    text = norm(" ".join(p.all_text))
    for s in ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'):
        assert s in text, "%r is not shown as text" % s
    assert norm(doc["title"]) in p.joined[doc["id"]], "hostile title not shown as text"
    quoted = [c for c in report["claims"] if c["evidence"][0]["document"] == doc["id"] and "<script>" in c["evidence"][0]["quote"]]
    assert quoted, "the hostile article gave no claim with markup in its quote"
    assert any(norm(c["evidence"][0]["quote"]) in text for c in quoted), "the hostile quote is not in the dossier"
    linked = next(d for d in report["documents"] if d["path"].endswith("linked.txt"))
    assert 'href="%s"' % linked["url"].replace("&", "&amp;") in p.src, "the article's own URL is not a link"

def timeline(p):
    svg = re.search(r'<section class="entity" id="e6">.*?(<svg class="timeline".*?</svg>)', p.src, re.S)
    assert svg, "no timeline for e6"
    svg = svg.group(1)
    titles = re.findall(r"<title>([\d-]+)(?: – [\d-]+)?: ", svg)
    keys = [(t + "-01-01")[:10] for t in titles]
    assert len(titles) >= 3 and keys == sorted(keys), titles
    ticks = sorted({float(x) for x in re.findall(r'<line class="axis" x1="([\d.]+)" y1="\d+" x2="\1"', svg)})
    year = ticks[1] - ticks[0]
    bars = re.findall(r"<title>(\d{4}): [^<]*</title><rect class=\"bar\" x=\"[\d.]+\" y=\"\d+\" width=\"([\d.]+)\"", svg)
    assert bars, "no event of a whole year drawn as a bar"
    for y, w in bars:
        assert abs(float(w) - year) <= 1.0, "the year %s is drawn %s wide, a year is %s" % (y, w, year)
    days = re.findall(r"<title>\d{4}-\d\d-\d\d: [^<]*</title><circle", svg)
    assert days, "no event of one day drawn as a point"

def matrix(p):
    cells = re.findall(r'<td class="(st|co|si)">(\w+)</td>', p.src)
    assert cells and {w for _, w in cells} <= {"states", "contradicts", "silent"}, set(cells)
    assert any(w == "contradicts" for _, w in cells), "no document contradicts any fact"
    # every footnote cited exists and holds a quote
    for n in set(re.findall(r'href="#(n\d+)"', p.src)):
        assert p.joined.get(n), "footnote %s is missing or empty" % n

report = json.load(open(sys.argv[2], encoding="utf-8"))
p = parse(sys.argv[1])
safe(p, report)
if sys.argv[3] == "all":
    conflicts(p, report)
    hostile(p, report)
    timeline(p)
    matrix(p)
else:
    sections = re.findall(r'<section class="entity" id="(e\d+)">', p.src)
    assert sections == [sys.argv[3]], "--entity gave sections %s" % sections
    ids = {i for i in p.text if re.fullmatch(r"f\d+", i)}
    all_conflicts = {f["id"] for f in report["findings"] if f["kind"] == "conflict"}
    assert ids <= all_conflicts, ids
print("ok")
PY
python3 "$t/check.py" "$t/a.html" "$t/a.json" all && ok || no "the dossier"
python3 "$t/check.py" "$t/e.html" "$t/a.json" e6 && ok || no "the dossier of --entity"

# a real browser, when there is one: it renders the page and keeps the conflicts
if [ -x /usr/bin/chromium ]; then
	timeout 120 /usr/bin/chromium --headless --disable-gpu --no-sandbox --dump-dom "file://$t/a.html" \
		>"$t/dom.html" 2>/dev/null
	grep -q '<section id="conflicts">' "$t/dom.html" && grep -q 'class="conflict"' "$t/dom.html" && ok \
		|| no "chromium's DOM has no conflicts section"
else
	echo "skipped: chromium not installed"
fi
finish
