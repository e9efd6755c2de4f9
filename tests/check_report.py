#!/usr/bin/env python3
"""Checks a corrob JSON report against the contract's invariants.

usage: check_report.py REPORT.json STORE.db
Every evidence quote equals its document's stored text at [start:end] (byte
offsets), every id a claim or finding names is defined, and the kinds and
modalities come from the contract's vocabulary. Exit 1 on the first failure.
"""
import json, sqlite3, sys

def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)

r = json.load(open(sys.argv[1], encoding="utf-8"))
# the report is valid against the JSON Schema kept in docs/
import os
import jsonschema
schema = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "report-schema.json")))
try:
    jsonschema.validate(r, schema)
except jsonschema.ValidationError as e:
    fail("not valid against docs/report-schema.json: %s at %s" % (e.message, "/".join(map(str, e.absolute_path))))
db = sqlite3.connect(sys.argv[2])
texts = {"d%d" % i: t.encode("utf-8") for i, t in db.execute("SELECT id, text FROM documents")}
if r.get("schema_version") != 1:
    fail("schema_version")
ids = set()
for key in ("documents", "entities", "events", "claims", "findings"):
    if not isinstance(r.get(key), list):
        fail("missing " + key)
    for x in r[key]:
        ids.add(x["id"])
for d in r["documents"]:
    p = d["published"]
    if p["earliest"] and p["latest"] and p["earliest"] > p["latest"]:
        fail("published interval reversed in " + d["id"])
mods = {"asserted", "reported", "alleged", "uncertain", "denied"}
for c in r["claims"]:
    if c["subject"] not in ids:
        fail("claim %s names unknown subject %s" % (c["id"], c["subject"]))
    if c["modality"] not in mods:
        fail("claim %s modality %s" % (c["id"], c["modality"]))
    for ref in (c["value"].get("entity"), c["value"].get("event"), c["attribution"].get("source")):
        if ref is not None and ref not in ids:
            fail("claim %s names unknown %s" % (c["id"], ref))
    num = c["value"]["number"]
    if num and num["low"] is not None and num["high"] is not None and num["low"] > num["high"]:
        fail("claim %s interval reversed" % c["id"])
    for ev in c["evidence"]:
        t = texts.get(ev["document"])
        if t is None:
            fail("claim %s evidence in unknown document" % c["id"])
        if t[ev["start"]:ev["end"]].decode("utf-8") != ev["quote"]:
            fail("claim %s quote is not the text at its offsets" % c["id"])
kinds = {"corroborated", "single_source", "conflict", "consistent"}
for f in r["findings"]:
    if f["kind"] not in kinds:
        fail("finding kind " + f["kind"])
    for cid in f["claims"]:
        if cid not in ids:
            fail("finding %s names unknown claim %s" % (f["id"], cid))
    if f["outlets"] < 1 or f["originators"] < 1:
        fail("finding %s counts no outlet or originator" % f["id"])
print("report keeps the contract: %d documents, %d claims, %d findings" %
      (len(r["documents"]), len(r["claims"]), len(r["findings"])))
