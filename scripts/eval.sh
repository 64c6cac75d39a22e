#!/usr/bin/env bash
# Scores the CLI on ../shared/eval-dev with the shared scorer: `scripts/eval.sh numbers|pairs|links`;
# `scripts/eval.sh samples` prints the share of context claims among the highlights of ../shared/samples.
set -euo pipefail
cd "$(dirname "$0")/.."
dev=${SHARED:-../shared}/eval-dev
if [ ! -f "$dev/score.py" ]; then
  echo "eval: $dev is absent; skipped"; exit 0
fi
export PATH="$PWD/.venv/bin:$PATH"
case "${1:-}" in
  numbers) python "$dev/score.py" numbers --system "fact-review claims --jsonl {in}" --data "$dev/numbers.jsonl" ;;
  pairs)   python "$dev/score.py" pairs --system "fact-review match --pairs {in}" --data "$dev/pairs.jsonl" ;;
  links)   python "$dev/score.py" links --system "fact-review match --json" --data-dir "$dev" ;;
  samples) echo "samples: context claims (check_worthy false) among all highlights"
           fact-review claims --json "${SHARED:-../shared}"/samples/*.txt | python scripts/context_share.py ;;
  *) echo "usage: scripts/eval.sh numbers|pairs|links|samples" >&2; exit 2 ;;
esac
