#!/usr/bin/env python3
"""Curation aid for the claimcheck default bundle (stdlib only).

Checks bundle.json next to this script:
  * every statement quote is a substring of its source text after folding
    (runs of whitespace -> one space; curly quotes/apostrophes -> straight),
  * source, statement ids are unique; every statement's source exists,
  * every relation endpoint exists,
  plus a few format sanity checks (allowed fields, kinds, dates, topics).
The authoritative verifier is the Rust one; this only mirrors its rules.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"ngo", "intergovernmental", "government", "news", "court", "testimony", "other"}
REL_KINDS = {"contradicts", "supports"}
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
TOP_FIELDS = {"format", "title", "language", "sources", "statements", "relations"}
SRC_FIELDS = {"id", "publisher", "kind", "title", "url", "published", "text_file"}
ST_FIELDS = {"id", "source", "quote", "speaker", "speaker_kind", "date", "topics"}
REL_FIELDS = {"from", "to", "kind", "note"}
CURLY = {0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"'}


def fold(text: str) -> str:
    return " ".join(text.translate(CURLY).split())


def main() -> int:
    bundle = json.loads((HERE / "bundle.json").read_text(encoding="utf-8"))
    assert set(bundle) <= TOP_FIELDS, f"unknown top-level fields: {set(bundle) - TOP_FIELDS}"
    assert bundle["format"] == "claimcheck-bundle/1", bundle["format"]

    texts = {}
    for src in bundle["sources"]:
        assert set(src) <= SRC_FIELDS, f"{src.get('id')}: unknown fields {set(src) - SRC_FIELDS}"
        assert src["id"] not in texts, f"duplicate source id {src['id']}"
        assert src["kind"] in KINDS, f"{src['id']}: bad kind {src['kind']}"
        assert DATE_RE.match(src["published"]), f"{src['id']}: bad published {src['published']}"
        path = HERE / src["text_file"]
        assert path.is_file(), f"{src['id']}: missing text file {path}"
        texts[src["id"]] = fold(path.read_text(encoding="utf-8"))

    ids = set()
    per_source = {sid: 0 for sid in texts}
    for st in bundle["statements"]:
        sid = st["id"]
        assert set(st) <= ST_FIELDS, f"{sid}: unknown fields {set(st) - ST_FIELDS}"
        assert sid not in ids, f"duplicate statement id {sid}"
        ids.add(sid)
        assert st["source"] in texts, f"{sid}: unknown source {st['source']}"
        assert sid.startswith(st["source"] + "/"), f"{sid}: id does not start with its source id"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", sid.split("/", 1)[1]), f"{sid}: slug not kebab-case"
        assert st["speaker"].strip(), f"{sid}: empty speaker"
        assert st["speaker_kind"] in KINDS, f"{sid}: bad speaker_kind {st['speaker_kind']}"
        if "date" in st:
            assert DATE_RE.match(st["date"]), f"{sid}: bad date {st['date']}"
        assert 2 <= len(st["topics"]) <= 5, f"{sid}: needs 2-5 topics"
        q = fold(st["quote"])
        assert q, f"{sid}: empty quote"
        assert q in texts[st["source"]], f"{sid}: quote not found in source text: {q[:80]!r}"
        per_source[st["source"]] += 1

    pairs = set()
    for i, rel in enumerate(bundle["relations"]):
        assert set(rel) <= REL_FIELDS, f"relation {i}: unknown fields {set(rel) - REL_FIELDS}"
        assert rel["from"] in ids, f"relation {i}: unknown 'from' {rel['from']}"
        assert rel["to"] in ids, f"relation {i}: unknown 'to' {rel['to']}"
        assert rel["from"] != rel["to"], f"relation {i}: self-relation"
        assert rel["kind"] in REL_KINDS, f"relation {i}: bad kind {rel['kind']}"
        key = (rel["from"], rel["to"])
        assert key not in pairs, f"relation {i}: duplicate pair {key}"
        pairs.add(key)

    for sid, n in per_source.items():
        print(f"{sid}: {n} statements")
    print(f"OK: {len(bundle['sources'])} sources, {len(ids)} statements, "
          f"{len(bundle['relations'])} relations; all quotes found")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as e:
        print(f"FAIL: {e}")
        sys.exit(1)
