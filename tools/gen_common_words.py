#!/usr/bin/env python3
"""Writes tools/common_words.txt: the most frequent English words, most frequent
first, from the wordfreq package's small English list (data CC BY-SA 4.0, see
https://github.com/rspeer/wordfreq). Used to weigh claim words the bundle never uses:
a common word ("quit", "kept") missing from the bundle says little, a rare one
("Eurovision") says the claim is about something else.

Run once by hand; the output is committed. The wasm embeds only its stems
(src/analysis/common_stems.txt), so regenerate those after it:
    pip download --no-deps -d /tmp/wf wordfreq==3.1.1 && pip install msgpack
    python3 tools/gen_common_words.py /tmp/wf/wordfreq-3.1.1-py3-none-any.whl
    cargo run --example gen_common_stems > src/analysis/common_stems.txt
"""
import gzip
import re
import sys
import zipfile

import msgpack

COUNT = 15000

def main(wheel):
    with zipfile.ZipFile(wheel) as z:
        packed = gzip.decompress(z.read("wordfreq/data/small_en.msgpack.gz"))
    # cBpack: [header, bucket0, bucket1, ...], buckets in descending frequency.
    buckets = msgpack.unpackb(packed, raw=False)[1:]
    words = []
    for bucket in buckets:
        for word in bucket:
            if re.fullmatch(r"[a-z]{2,}", word) and word not in words:
                words.append(word)
        if len(words) >= COUNT:
            break
    with open("tools/common_words.txt", "w") as out:
        out.write("\n".join(words[:COUNT]) + "\n")

if __name__ == "__main__":
    main(sys.argv[1])
