"""What the fault-injection tests share: the CLI as a real process, real articles cut
from the seed reports, the processes a run leaves behind, and ways to make a folder
read-only or small that work for root too (chmod does not stop root)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "examples" / "baghuz-2019"
NEWSTRACE = [sys.executable, "-m", "newstrace"]
EXPORTS = ("articles.jsonl", "attributions.jsonl", "statements.jsonl", "citations.jsonl", "stories.jsonl")


def exports(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in EXPORTS}


def stored_ids(out: Path) -> list[str]:
    return [json.loads(line)["id"] for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def paragraphs() -> list[str]:
    """The paragraphs of the two seed reports, in order."""
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) >= 8]
    return found


def write_articles(folder: Path, n: int, start: int = 0, size: int = 4) -> Path:
    """``n`` real articles (``art-NN.txt``), each a headline and ``size`` consecutive seed
    paragraphs, so that they quote, repeat and cite as the seeds do."""
    folder.mkdir(parents=True, exist_ok=True)
    paras = paragraphs()
    for k in range(start, start + n):
        body = "\n\n".join(paras[(3 * k + j) % len(paras)] for j in range(size))
        (folder / f"art-{k:02d}.txt").write_text(f"Report number {k} from the front\n\n{body}\n", encoding="utf-8")
    return folder


def cli(*args: str, env: dict | None = None, prefix: list[str] | None = None, timeout: float = 300,
        preexec_fn=None) -> subprocess.CompletedProcess:
    """``newstrace ARGS`` as a user runs it (optionally behind ``prefix``, e.g. unshare)."""
    return subprocess.run([*(prefix or []), *NEWSTRACE, *args], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, **(env or {})}, timeout=timeout, preexec_fn=preexec_fn)


def start(*args: str, env: dict | None = None) -> subprocess.Popen:
    """``newstrace ARGS`` in a session of its own: its process group holds every process it starts."""
    return subprocess.Popen([*NEWSTRACE, *args], cwd=REPO, env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)


def group(pgid: int) -> list[tuple[int, str]]:
    """(pid, command) of the live processes in process group ``pgid`` (zombies left out)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        if fields[0] != "Z" and int(fields[2]) == pgid:
            found.append((int(entry), cmd))
    return found


def wait_for(predicate, timeout: float, step: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def end_group(pgid: int) -> None:
    """Kill what is left of a test's process group (only ever the group the test started)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


# -- read-only folders and small disks, for root and for everyone else

def _works(prefix: list[str]) -> bool:
    if not shutil.which(prefix[0]):
        return False
    try:
        return subprocess.run([*prefix, "true"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def mount_prefix() -> list[str] | None:
    """A command prefix that runs a command in a mount namespace of its own, where it may
    mount (root: ``unshare -m``; others: a user namespace, ``unshare -rm``), or None."""
    for prefix in (["unshare", "-m", "--"], ["unshare", "-rm", "--"]):
        if _works([*prefix, "sh", "-c", "mount -t tmpfs tmpfs /mnt 2>/dev/null || mount -t tmpfs tmpfs /tmp"]):
            return prefix
    return None


_READ_ONLY = 'p="$1"; shift; mount --bind "$p" "$p" && mount -o remount,bind,ro "$p" && exec "$@"'


@contextlib.contextmanager
def read_only(path: Path):
    """Yields a command prefix under which ``path`` cannot be written: chmod for a user that
    is not root, a read-only bind mount in a private mount namespace for root. Skips when
    neither works here."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield []
        finally:
            path.chmod(mode)
        return
    prefix = mount_prefix()
    if prefix is None:
        pytest.skip("running as root without a way to mount read-only (no unshare -m or -rm here)")
    yield [*prefix, "sh", "-c", _READ_ONLY, "sh", str(path)]

