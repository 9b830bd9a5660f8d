#!/usr/bin/env bash
# Builds the desktop application as one folder: dist/medvault/ (run dist/medvault/medvault).
# Needs the dev extra (pip install -e ".[dev]"), which pins PyInstaller. Prints the folder's size.
#   scripts/build_app.sh               the release build
#   scripts/build_app.sh --probe       also medvault-start-probe (smoke test, benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--probe" ]; then
  export MEDVAULT_BUILD_START_PROBE=1
fi
python="${PYTHON:-.venv/bin/python}"
"$python" -m PyInstaller --noconfirm --log-level=WARN build.spec
du -sh dist/medvault
