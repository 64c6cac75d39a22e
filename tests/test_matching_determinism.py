"""Matching gives the same result whatever Python's string hash seed: scores are sums over sets of terms,
whose iteration order follows the seed, so they must not depend on the order of addition."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLUSTERS = Path(__file__).resolve().parents[1].parent / "shared" / "eval-dev" / "clusters.jsonl"


def _match_json(paths: list[Path], seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-m", "fact_review", "match", "--json", *map(str, paths)],
                          capture_output=True, text=True, env=env, check=True)
    return done.stdout


@pytest.mark.skipif(not CLUSTERS.exists(), reason="../shared/eval-dev is absent")
def test_a_real_cluster_matches_identically_under_different_hash_seeds(tmp_path):
    # a real cluster of a dozen reports: enough sentences for rarity weights (tiny cases weigh terms alike)
    docs = [json.loads(line) for line in CLUSTERS.read_text(encoding="utf-8").splitlines()]
    cluster = [d for d in docs if d["cluster"] == docs[0]["cluster"]]
    paths = []
    for index, doc in enumerate(cluster):
        paths.append(tmp_path / f"{index:02d}.txt")
        paths[-1].write_text(doc["text"], encoding="utf-8")
    first = _match_json(paths, "1")
    assert json.loads(first)["matches"]
    assert _match_json(paths, "2") == first
    assert _match_json(paths, "3") == first
