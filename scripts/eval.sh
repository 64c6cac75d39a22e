#!/usr/bin/env bash
# Scores the CLI on ../shared/eval-dev with the shared scorer: `scripts/eval.sh numbers|pairs|links`.
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
  *) echo "usage: scripts/eval.sh numbers|pairs|links" >&2; exit 2 ;;
esac
