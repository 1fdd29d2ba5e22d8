"""Read PolNeAR (brat standoff) for training: texts and gold attributions.

Mirrors the shared scorer's reading: E lines of type Attribution / Attribution-no-source,
roles Source, Cue, Content (+Content2 ...), offsets into the UTF-8 text read without
newline translation; one annotator per article (the first .ann file in sorted order)
unless ``all_annotators``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

BRAT_SPAN = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
BRAT_EVENT = re.compile(r"^(E\d+)\t(.*)$")
TYPES = ("Attribution", "Attribution-no-source")


@dataclass
class Gold:
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]


@dataclass
class Doc:
    id: str
    text: str
    gold: list[Gold]
    annotator: str = ""


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def read_ann(path: Path, text: str) -> list[Gold]:
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := BRAT_SPAN.match(line):
            frags = []
            for piece in m.group(3).split(";"):
                s, e = (int(x) for x in piece.split())
                if 0 <= s < e <= len(text):
                    frags.append((s, e))
            spans[m.group(1)] = frags
        elif m := BRAT_EVENT.match(line):
            events.append(m.group(2).split())
    out = []
    for args in events:
        if not args or args[0].split(":")[0] not in TYPES:
            continue
        roles: dict[str, list] = {"source": [], "cue": [], "content": []}
        for arg in args[1:]:
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in roles and tid in spans:
                roles[role].extend(spans[tid])
        if roles["content"] and roles["cue"]:
            out.append(Gold(sorted(roles["source"]), sorted(roles["cue"]), sorted(roles["content"])))
    return out


def load(folder: Path, all_annotators: bool = False) -> list[Doc]:
    folder = Path(folder)
    texts = {p.stem: p for p in sorted((folder / "text").glob("*.txt"))}
    anns: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name = ann.stem if ann.stem in texts else ann.stem.rsplit("_", 1)[0]
        if name in texts:
            anns.setdefault(name, []).append(ann)
    docs = []
    for name, files in anns.items():
        text = read_text(texts[name])
        for ann in files if all_annotators else files[:1]:
            docs.append(Doc(name, text, read_ann(ann, text), ann.stem))
    return docs


def calibration_ids(ids, every: int = 3) -> list[str]:
    """The train articles calibrate.py scores (every ``every``-th of the sorted ids): also
    the third that train_gpu.py's held-out twins leave out and train_reranker.py
    --held-out-third fits on."""
    return sorted(ids)[every - 1::every]
