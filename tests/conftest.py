"""Shared paths and fixtures. Corpora are read from ../shared (never copied here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "examples" / "baghuz-2019"
SHARED = REPO.parent / "shared"
POLNEAR = SHARED / "corpora" / "polnear"

sys.path.insert(0, str(Path(__file__).parent))  # lets test modules import conftest's names


def needs_shared(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present")
