"""Does matching find the statements whose figures disagree? The dev recall of ECB+ gold links, split by
whether the two linked sentences state different figures, next to the recall of the other gold links.

    .venv/bin/python scripts/eval_disagreement.py [--data-dir ../shared/eval-dev]   (or `make eval-disagreement`)

Two ways of saying "different figures", both printed:
- as digits: both sentences write numbers in digits, and not the same ones;
- as claim values: both sentences hold extracted claims with values (dates aside: "two" is 2, "1,200" is
  1200), and no value of one is a value of the other.
A matcher that lowers a pair's score when its figures differ finds these links less often than the others;
a reviewer needs them most. Each cluster is matched in process, as `match FILE... --json` does, and a
predicted match counts for the gold sentences it overlaps most (the shared scorer's rule).

It also prints the ROC-AUC on the dev ECB+ sentence pairs (same event instance, or another event of the
same type) of the two scores: the link score that matching uses, and the equivalence score that
`match --pairs` prints (`make eval-pairs` measures the latter with the shared scorer).
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fact_review.articles import article_from_bytes  # noqa: E402
from fact_review.matching.pairs import score_pairs  # noqa: E402
from fact_review.model import Claim  # noqa: E402
from fact_review.pipeline import analyse_case  # noqa: E402

DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", default=str(ROOT.parent / "shared" / "eval-dev"))
    args = parser.parse_args()
    scorer_path = Path(args.data_dir) / "score.py"
    if not scorer_path.exists():
        print(f"eval-disagreement: {args.data_dir} is absent; skipped")
        return 0
    scorer = _load(scorer_path)
    clusters, gold = scorer.load_clusters(args.data_dir)
    tally: dict[str, list[int]] = {name: [0, 0] for name in GROUPS}  # group -> [found, gold]
    for name, docs in clusters.items():
        found, claims = _predicted(scorer, docs)
        texts = {d["doc_id"]: d for d in docs}
        for link in gold.get(name, ()):
            (doc_a, sent_a), (doc_b, sent_b) = sorted(link)
            side_a = _sentence(texts[doc_a], sent_a, claims[doc_a])
            side_b = _sentence(texts[doc_b], sent_b, claims[doc_b])
            for group in _groups(side_a, side_b):
                tally[group][0] += link in found
                tally[group][1] += 1
    print(f"ECB+ dev gold links found by `match` ({len(clusters)} clusters)")
    print(f"  {'links whose two sentences':46s} {'gold':>6s} {'found':>6s} {'recall':>7s}")
    for group, label in GROUPS.items():
        hits, total = tally[group]
        print(f"  {label:46s} {total:6d} {hits:6d} {100 * hits / max(total, 1):6.1f}%")
    # scored as one batch, as `make eval-pairs` does (the batch's sentences tell which words are rare)
    pairs = scorer.read_jsonl(str(Path(args.data_dir) / "pairs.jsonl"), "pairs")
    ecb = [k for k, p in enumerate(pairs) if p["source"] == "ecbplus"]
    labels = [int(pairs[k]["label"]) for k in ecb]
    texts = [(p["a"], p["b"]) for p in pairs]
    aucs = [scorer.roc_auc([scores[k] for k in ecb], labels)
            for scores in (score_pairs(texts, same_fact=True), score_pairs(texts))]
    print(f"ROC-AUC on the {len(ecb)} ECB+ dev sentence pairs: link score {aucs[0]:.4f}, "
          f"equivalence score (match --pairs) {aucs[1]:.4f}")
    return 0


GROUPS = {
    "digits_differ": "state different figures in digits",
    "digits_other": "  the other links",
    "claims_conflict": "hold claim values, none in common",
    "claims_other": "  the other links",
    "all": "all links",
}


def _groups(a: tuple[str, list[Claim]], b: tuple[str, list[Claim]]) -> list[str]:
    digits_a, digits_b = set(DIGITS.findall(a[0])), set(DIGITS.findall(b[0]))
    differ = bool(digits_a and digits_b and digits_a != digits_b)
    values_a, values_b = _values(a[1]), _values(b[1])
    conflict = bool(values_a and values_b and not values_a & values_b)
    return ["digits_differ" if differ else "digits_other", "claims_conflict" if conflict else "claims_other", "all"]


def _values(claims: list[Claim]) -> set:
    return {c.value for c in claims if c.kind != "date" and c.value is not None}


def _sentence(doc: dict, number: int, claims: list[Claim]) -> tuple[str, list[Claim]]:
    span = next(s for s in doc["sentences"] if s["sent"] == number)
    inside = [c for c in claims if span["start"] <= c.start < span["end"]]
    return doc["text"][span["start"]:span["end"]], inside


def _predicted(scorer: Any, docs: list[dict]) -> tuple[set, dict[str, list[Claim]]]:
    """The gold sentence pairs that the case's matches map to, and each article's claims."""
    articles = [article_from_bytes(d["text"].encode("utf-8"), f"{k:02d}.txt") for k, d in enumerate(docs)]
    analysis = analyse_case(articles)
    found = set()
    for match in analysis.matches:
        a = scorer.map_to_sentence(docs[match.a.article], match.a.start, match.a.end)
        b = scorer.map_to_sentence(docs[match.b.article], match.b.start, match.b.end)
        if a is not None and b is not None:
            found.add(frozenset({(docs[match.a.article]["doc_id"], a), (docs[match.b.article]["doc_id"], b)}))
    claims = {d["doc_id"]: list(analysed.claims) for d, analysed in zip(docs, analysis.articles)}
    return found, claims


def _load(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("eval_dev_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    sys.exit(main())
