#!/usr/bin/env python3
"""Does the spoiler tagger need all six layers of its encoder? (bench, not shipped)

  truncate SRC DST K   writes the fp32 encoder (`nlmg spoilers export-encoder`) cut after its K-th layer: the output
                       `last_hidden_state` becomes that layer's output, so the timing program and the tagger read it as is.
  subsample DEV OUT     every TV Tropes line and every Goodreads spoiler of DEV, and 6,000 of its Goodreads non-spoilers
                       (seed 1): a third of the encoding time, the same spoilers.
  auc K [K...]         trains the two logistic heads (major; any spoiler) on the corpus's mean-pooled vectors of the
                       given cuts (concatenated when several) and prints dev ROC AUC per source of major + 1/4 any,
                       the sentence alone, for L2 strengths C 0.1 / 0.3 / 1. Vectors come from bench/spoilers/encoder
                       (`pages --limit 100000 --vectors DIR/vK.corpus.bin` and `.../vK.dev.bin` over the dev file given here).

Needs python3-onnx, python3-numpy and python3-sklearn. Dev is measured on, never trained on.
"""
import json
import sys


def truncate(src, dst, k):
    import onnx
    model = onnx.load(src)
    graph = model.graph
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    # Each layer norm ends Sqrt -> Div -> Mul -> Add: the embeddings' one, then two per layer (attention, feed-forward).
    norms = []
    for node in graph.node:
        if node.op_type == "Sqrt":
            div = consumers[node.output[0]][0]
            mul = consumers[div.output[0]][0]
            add = consumers[mul.output[0]][0]
            norms.append(add.output[0])
    out = norms[2 * k]
    cut = onnx.utils.Extractor(model).extract_model(["input_ids", "attention_mask", "token_type_ids"], [out])
    for node in cut.graph.node:
        node.output[:] = ["last_hidden_state" if o == out else o for o in node.output]
    del cut.graph.output[:]
    cut.graph.output.append(model.graph.output[0])
    onnx.checker.check_model(cut)
    onnx.save(cut, dst)
    print(f"wrote {dst}: {k} of {(len(norms) - 1) // 2} layers, {len(cut.graph.node)} nodes")


def auc(folder, corpus, dev, cuts):
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    def load(path, vectors):
        rows = [json.loads(line) for line in open(path, encoding="utf-8")]
        texts = list(dict.fromkeys(r["text"] for r in rows))  # the timing program's order: distinct texts
        table = np.fromfile(vectors, dtype=np.float32).reshape(len(texts), -1)
        at = {t: i for i, t in enumerate(texts)}
        return rows, np.stack([table[at[r["text"]]] for r in rows])

    train = [load(corpus, f"{folder}/v{k}.corpus.bin") for k in cuts]
    test = [load(dev, f"{folder}/v{k}.dev.bin") for k in cuts]
    rows, devrows = train[0][0], test[0][0]
    x, d = np.hstack([t[1] for t in train]), np.hstack([t[1] for t in test])
    labels = np.array([r["label"] for r in rows])
    for c in (0.1, 0.3, 1.0):
        major = LogisticRegression(C=c, max_iter=2000).fit(x, labels == "major").predict_proba(d)[:, 1]
        anyspoiler = LogisticRegression(C=c, max_iter=2000).fit(x, labels != "none").predict_proba(d)[:, 1]
        score = major + 0.25 * anyspoiler
        line = []
        for source in sorted({r["source"] for r in devrows}):
            mask = np.array([r["source"] == source for r in devrows])
            y = np.array([r["label"] for r in devrows])[mask]
            line.append(f"{source} {roc_auc_score(y, score[mask]):.3f}")
        print(f"layers {'+'.join(cuts)}, C {c}: " + ", ".join(line))


def subsample(dev, out):
    import random
    random.seed(1)
    rows = [json.loads(line) for line in open(dev, encoding="utf-8")]
    keep = [r for r in rows if r["source"] == "tvtropes" or r["label"] == 1]
    keep += random.sample([r for r in rows if r["source"] == "goodreads" and r["label"] == 0], 6000)
    with open(out, "w", encoding="utf-8") as f:
        for r in keep:
            f.write(json.dumps(r) + "\n")
    print(f"wrote {out}: {len(keep)} lines")


if __name__ == "__main__":
    if sys.argv[1] == "subsample":
        subsample(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "truncate":
        truncate(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        # auc FOLDER CORPUS DEV K [K...]
        auc(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
