#!/usr/bin/env python3
"""Agreement of `nlmg extract DIR --out OUT` metadata with a set's expected metadata (X.meta.json beside X.html).

    python3 bench/extraction/metadata_agreement.py OUT ../shared/data/extraction/readability [--misses]

The Readability set's X.meta.json is Mozilla Readability's own expected metadata, so this reads as agreement with
Readability, not truth. A title or author agrees when it equals the expected one (case and spaces aside) or is part of
it (ours drops a site name or a "By" the expected one keeps); a date when the day is the same; pages whose expected
value is empty are not counted.
"""
import json
import os
import re
import sys

FIELDS = (("title", "title"), ("author", "author"), ("sitename", "siteName"), ("date", "publishedAt"))


def norm(text):
    return re.sub(r"\s+", " ", text or "").strip().lower()


def agrees(field, expected, ours):
    if field == "date":
        return (ours or "")[:10] == expected[:10]
    return bool(norm(ours)) and (norm(ours) == norm(expected) or norm(ours) in norm(expected))


def main(out, gold, show_misses):
    counts = {field: [0, 0] for field, _ in FIELDS}
    misses = []
    for name in sorted(os.listdir(gold)):
        if not name.endswith(".meta.json"):
            continue
        stem = name[: -len(".meta.json")]
        ours_path = os.path.join(out, stem + ".json")
        if not os.path.exists(ours_path):
            continue
        expected, ours = json.load(open(os.path.join(gold, name))), json.load(open(ours_path))
        for field, key in FIELDS:
            if expected.get(field):
                counts[field][1] += 1
                if agrees(field, expected[field], ours.get(key)):
                    counts[field][0] += 1
                else:
                    misses.append((field, stem, expected[field], ours.get(key)))
    for field, (good, total) in counts.items():
        print(f"{field:9} {good:4} of {total:4}")
    if show_misses:
        for field, stem, expected, ours in misses:
            print(f"  {field}: {stem}: expected {expected!r}, ours {ours!r}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--misses" in sys.argv[3:])
