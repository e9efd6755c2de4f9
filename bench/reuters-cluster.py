#!/usr/bin/env python3
"""Reuters-21578 documents, by NEWID, as corrob JSONL (one article a line).

    reuters-cluster.py REUTERS_DIR NEWID... > cluster.jsonl

Reads the SGML files of Reuters-21578 Distribution 1.0 (reut2-*.sgm, in
../shared/data/news-corpus/reuters21578; research use only, never copied
into the repository) and writes each document asked for, in the order asked,
with url "reuters21578:NEWID", outlet "Reuters", published the <DATE> day
(1987-MM-DD), title the <TITLE>, and text the <BODY> with its hard-wrapped
lines joined into paragraphs (a paragraph starts at an indented line) and
the end-of-text mark removed. The unlabelled-cluster benchmark
(bench/bench-unseen.sh) runs corrob on these and scores the gold in
tests/gold/unseen/ with ../shared/tools/check-gold.
"""
import glob
import html
import json
import os
import re
import sys

MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}


def field(doc, tag):
    m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), doc, re.S)
    return m.group(1) if m else None


def unescape(s):
    return html.unescape(s.replace("&#3;", "")).replace("\x03", "")


def paragraphs(body):
    """Hard-wrapped lines joined; an indented line opens a paragraph."""
    out, cur = [], []
    for line in body.split("\n"):
        if not line.strip():
            if cur:
                out.append(" ".join(cur))
                cur = []
            continue
        if line.startswith(" ") and cur:
            out.append(" ".join(cur))
            cur = []
        cur.append(line.strip())
    if cur:
        out.append(" ".join(cur))
    text = "\n\n".join(p for p in out if p.strip())
    # the closing "Reuter" signature is no part of the story
    return re.sub(r"\s*\bReuter\s*$", "", text).strip()


def load(root):
    docs = {}
    for path in sorted(glob.glob(os.path.join(root, "reut2-*.sgm"))):
        with open(path, encoding="latin-1") as f:
            data = f.read()
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', data, re.S):
            docs[int(m.group(1))] = m.group(2)
    return docs


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: reuters-cluster.py REUTERS_DIR NEWID...\n")
        return 2
    docs = load(sys.argv[1])
    if not docs:
        sys.stderr.write("reuters-cluster.py: no reut2-*.sgm in %s\n" % sys.argv[1])
        return 1
    for a in sys.argv[2:]:
        nid = int(a)
        doc = docs.get(nid)
        if doc is None:
            sys.stderr.write("reuters-cluster.py: no document NEWID=%d\n" % nid)
            return 1
        date = (field(doc, "DATE") or "").strip()
        dm = re.match(r"(\d+)-([A-Z]{3})-(\d{4})", date)
        published = "%s-%02d-%02d" % (dm.group(3), MONTHS[dm.group(2)], int(dm.group(1))) if dm else None
        title = unescape(field(doc, "TITLE") or "").strip()
        body = field(doc, "BODY") or ""
        rec = {"url": "reuters21578:%d" % nid, "outlet": "Reuters", "published": published,
               "title": title, "text": paragraphs(unescape(body))}
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
