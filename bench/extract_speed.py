"""Speed and memory of the trained attribution tagger on the PolNeAR dev texts.

    python bench/extract_speed.py --model default          # 2 worker processes x 1 thread
    python bench/extract_speed.py --model fast --workers 1 --threads 2

Prints articles per second (model loading excluded, reported apart), articles per
CPU-second of the workers (which moves less than wall time on a machine shared with
other jobs, and tells what one core does), and peak resident memory: of each worker,
and the total (parent + workers' peaks added up).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newstrace.extract.tagger import VARIANTS  # noqa: E402

_TAGGER = None


def _init(model: str, threads: int, weights, stride, reach, roles, rerank=None):
    global _TAGGER
    from newstrace.extract.tagger import Tagger

    # the model's own decoding, stride and reach unless given
    given = {k: v for k, v in (("stride", stride), ("reach", reach), ("roles", roles)) if v is not None}
    _TAGGER = Tagger(model, threads=threads, weights=weights, rerank=rerank, **given)
    _TAGGER._load()
    list(_TAGGER.extract(["Warm-up, he said."]))


def _work(texts: list[str]):
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(x) for x in _TAGGER.extract(texts))
    return n, time.perf_counter() - t0, time.process_time() - c0


def _peak(_=None):
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB (Linux: KiB)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="default", choices=VARIANTS)
    ap.add_argument("--texts", default=str(ROOT.parent / "shared/corpora/polnear/dev/text"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=1, help="intra-op threads per worker")
    ap.add_argument("--repeat", type=int, default=1, help="passes over the texts")
    ap.add_argument("--weights", default=None)
    ap.add_argument("--stride", type=int, default=None,
                    help="windows start every STRIDE pieces (default: the model's own)")
    ap.add_argument("--reach", type=int, default=None,
                    help="a cue's roles are tagged within REACH pieces of it, 0: the whole window "
                         "(default: the model's own)")
    ap.add_argument("--no-rerank", action="store_true",
                    help="the cue cut-off alone, also where the model's recipe names a reranker")
    ap.add_argument("--roles", choices=["cue", "nearest"], default=None,
                    help="cue: the per-cue roles pass; nearest: the token heads, each content "
                         "run to the nearest cue (default: the model's own)")
    args = ap.parse_args(argv)
    paths = sorted(Path(args.texts).glob("*.txt"))
    texts = [p.read_bytes().decode("utf-8") for p in paths] * args.repeat
    chunks = [texts[i:i + 4] for i in range(0, len(texts), 4)]
    t0 = time.perf_counter()
    ctx = mp.get_context("spawn")
    init = (args.model, args.threads, args.weights, args.stride, args.reach, args.roles,
            False if args.no_rerank else None)
    with ctx.Pool(args.workers, initializer=_init, initargs=init) as pool:
        # make sure every worker has loaded before timing
        pool.map(time.sleep, [0.5] * args.workers, chunksize=1)
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        res = pool.map(_work, chunks, chunksize=1)
        wall = time.perf_counter() - t1
        peaks = pool.map(_peak, range(args.workers * 4), chunksize=1)
    n_attr = sum(r[0] for r in res)
    worker_peak = max(peaks)
    total = _peak() + worker_peak * args.workers
    print(f"model={args.model} workers={args.workers} threads/worker={args.threads} "
          f"articles={len(texts)} chars={sum(map(len, texts))} attributions={n_attr}")
    cpu = sum(r[2] for r in res)
    print(f"load {load:.1f}s; extract {wall:.2f}s; {len(texts) / wall:.2f} articles/s")
    print(f"CPU {cpu:.2f}s in the workers; {len(texts) / cpu:.2f} articles per CPU-second")
    print(f"peak RSS: worker {worker_peak:.0f} MiB, parent {_peak():.0f} MiB, "
          f"total {total:.0f} MiB")


if __name__ == "__main__":
    main()
