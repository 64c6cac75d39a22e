#!/usr/bin/env bash
# `make bundle`: the standalone one-folder bundle in dist/fact-review/ (PyInstaller), built from the wheel in a
# venv of its own (build/bundle-venv: only the app's dependencies and PyInstaller, nothing of the developer
# tools), then smoke-tested under a virtual screen (packaging/smoke_test.py).
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE_TOOLS=(xvfb xdotool)
missing=()
for tool in Xvfb xdotool; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bundle: installing the smoke test's tools: ${SMOKE_TOOLS[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${SMOKE_TOOLS[@]}" >/dev/null
  else
    echo "bundle: the smoke test needs Xvfb and xdotool; please run:" >&2
    echo "  sudo apt-get install -y ${SMOKE_TOOLS[*]}" >&2
    exit 1
  fi
fi

venv=build/bundle-venv
rm -rf build/bundle-wheel build/pyinstaller dist/fact-review
.venv/bin/python -m build --wheel --outdir build/bundle-wheel . >/dev/null
[ -x "$venv/bin/python" ] || .venv/bin/python -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps build/bundle-wheel/*.whl
"$venv/bin/python" -m pip install -q --disable-pip-version-check build/bundle-wheel/*.whl -r packaging/requirements.txt
started=$(date +%s)
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/fact-review.spec
echo "bundle: built dist/fact-review/ in $(( $(date +%s) - started )) s"
"$venv/bin/python" packaging/smoke_test.py dist/fact-review
