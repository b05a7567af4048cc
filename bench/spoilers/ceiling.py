#!/usr/bin/env python3
"""How far a sentence-only text model gets on a labelled sentence file when it IS trained on that file's own sources.

Measurement only: a TF-IDF (word 1-2 grams + character 2-5 grams) logistic regression, cross-validated with whole works
held out (5 folds grouped by work_id), prints ROC AUC per source. Nothing is saved: no weights, no vocabulary, no text.
It answers "is the dev goal reachable by reading single sentences?", not "how good is our model" (that is
`nlmg spoilers eval`). Needs scikit-learn (Debian: apt-get install python3-sklearn).

    python3 bench/spoilers/ceiling.py ../shared/data/spoilers/dev.jsonl
"""
import json
import re
import sys

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold


def without_markup_gaps(text):
    # The files were cut from marked-up pages: where a spoiler tag or a link was removed, a space is left before the
    # punctuation ("after his son is murdered ."). A classifier reads that gap as a label, which no real page offers.
    return re.sub(r"\s+([.,;:!?)\]])", r"\1", re.sub(r"([(\[])\s+", r"\1", text))


def cross_validated_auc(texts, labels, works, c):
    scores = np.zeros(len(texts))
    for train, test in GroupKFold(5).split(texts, labels, works):
        words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True, max_features=200_000)
        fit = [texts[i] for i in train]
        held = [texts[i] for i in test]
        x_train = hstack([words.fit_transform(fit), chars.fit_transform(fit)]).tocsr()
        x_test = hstack([words.transform(held), chars.transform(held)]).tocsr()
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(x_train, labels[train])
        scores[test] = model.decision_function(x_test)
    return roc_auc_score(labels, scores)


def main(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    print("| source | sentences | C=0.3 | C=1 | C=3 |")
    print("|---|---|---|---|---|")
    for source in sorted({r["source"] for r in rows}):
        group = [r for r in rows if r["source"] == source]
        texts = [without_markup_gaps(r["text"]) for r in group]
        labels = np.array([1 if r["label"] in (1, "premise", "major") else 0 for r in group])
        works = [r["work_id"] for r in group]
        aucs = [cross_validated_auc(texts, labels, works, c) for c in (0.3, 1.0, 3.0)]
        print(f"| {source} | {len(group)} | " + " | ".join(f"{a:.3f}" for a in aucs) + " |", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: ceiling.py <labelled.jsonl>")
    main(sys.argv[1])
