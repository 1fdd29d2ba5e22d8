#!/usr/bin/env bash
# Install (see install.sh) and run newstrace on the bundled seed reports.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRAS="" scripts/install.sh
.venv/bin/newstrace run examples/baghuz-2019 --out baghuz-out "$@"
echo "open baghuz-out/report.html in a browser; exports are in baghuz-out/*.jsonl"
