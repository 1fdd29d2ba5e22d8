"""Worker processes for the per-article work, made to end with the run that started
them however it ends: SIGKILL and the OOM killer included, where no Python code of the
run gets to stop them.

>>> with worker_pool(2) as pool:                  # doctest: +SKIP
...     list(pool.map(abs, [-1, -2]))
[1, 2]
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes that end with this one, however it ends."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                               initializer=_worker_start, initargs=(os.getpid(),))


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _worker_start(parent: int) -> None:
    """Run first in each worker: the kernel kills it when its parent dies (SIGKILL, OOM
    killer included), and a thread watches for a new parent where the kernel cannot;
    Ctrl-C is for the parent, which stops its workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass  # the watch below still ends the worker, a second later
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="newstrace-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:  # orphaned: adopted by init or a subreaper
            os._exit(1)


def end_workers(executor: ProcessPoolExecutor | None) -> None:
    """Kill the pool's workers now rather than wait for the batches they are on."""
    if executor is None:
        return
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, ValueError):
            pass  # already gone
