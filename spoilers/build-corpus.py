#!/usr/bin/env python3
"""Builds corpus.jsonl from the hand-written review files in src/ (the authored form; see README.md).

Format of src/*.txt: '# Work title' starts a work, '@ review-id voice' starts a review, and each following line is one
sentence prefixed by its label: N (none), P (premise) or M (major). Output lines keep file and reading order.
"""
import json, pathlib, sys

LABELS = {"N": "none", "P": "premise", "M": "major"}
root = pathlib.Path(__file__).parent
out = []
for path in sorted((root / "src").glob("*.txt")):
    work = review = voice = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("# "):
            work = line[2:].strip()
        elif line.startswith("@ "):
            review, voice = line[2:].split()
        else:
            label, text = line[0], line[2:].strip()
            if label not in LABELS or work is None or review is None or not text:
                sys.exit(f"{path.name}:{number}: bad line")
            n = sum(1 for r in out if r["review_id"] == review)
            out.append({"id": f"{review}:{n}", "work_id": work, "review_id": review, "text": text,
                        "label": LABELS[label], "source": voice})
(root / "corpus.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
print(f"{len(out)} sentences, {len({r['work_id'] for r in out})} works, {len({r['review_id'] for r in out})} reviews")
