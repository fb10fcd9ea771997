"""The project's build lock: one build at a time in a project, never a stale lock."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from gapstudy.exceptions import BuildLockError

LOCK_FILE_NAME = "build.lock"


def _read_lock_holder(fd: int) -> str:
    """The process id written in the lock file, or "unknown" while it is being written."""
    for _ in range(20):
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if text.isdigit():
            return text
        time.sleep(0.05)
    return "unknown"


@contextmanager
def hold_build_lock(paths: Any, *, wait: bool = False) -> Iterator[None]:
    """Hold the project's build lock (``.cache/build.lock``) for the duration of the block.

    The lock is an ``flock`` on the file, which the kernel releases when the holding process
    ends however it ends, so a killed build never leaves a stale lock behind; the file holds
    the holder's process id for the message. Raises :class:`BuildLockError` when another
    build holds it, unless ``wait``, in which case this waits for that build to finish.
    """
    import fcntl

    paths.scratch.mkdir(parents=True, exist_ok=True)
    path = paths.scratch / LOCK_FILE_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_lock_holder(fd)
            if not wait:
                raise BuildLockError(
                    f"another build is running (pid {holder}); let it finish, or pass --wait "
                    "to start when it is done"
                ) from None
            print(f"waiting for the build running as pid {holder} to finish", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock
