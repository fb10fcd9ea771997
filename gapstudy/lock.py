"""The project's build lock: one build at a time in a project, never a stale lock."""

from __future__ import annotations

import functools
import inspect
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from gapstudy.exceptions import BuildLockError

LOCK_FILE_NAME = "build.lock"
T = TypeVar("T")


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


INPUT_LOCK_FILE_NAME = "inputs.lock"


@contextmanager
def hold_input_lock(paths: Any, *, wait_s: float = 30.0) -> Iterator[None]:
    """Hold the lock on the project's inputs (``data/``) while a command edits them.

    Every command that writes an input (``gapstudy add``, a redraft) reads, checks and writes
    under this lock, so two of them at once never lose an entry: the second waits up to
    ``wait_s`` seconds for the first, then raises :class:`BuildLockError` saying another is
    running. An ``flock``, so a killed command never leaves it stale.
    """
    import fcntl

    paths.scratch.mkdir(parents=True, exist_ok=True)
    fd = os.open(paths.scratch / INPUT_LOCK_FILE_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_lock_holder(fd)
                    raise BuildLockError(
                        f"another command is editing data/ (pid {holder}); let it finish and "
                        "run this again"
                    ) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)


def editing_inputs(func: Callable[..., T]) -> Callable[..., T]:
    """Run ``func`` (which takes a ``paths`` argument, ``None`` for this project) under the
    input lock (:func:`hold_input_lock`): a command that edits ``data/`` is decorated with it."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def locked(*args: Any, **kwargs: Any) -> T:
        from gapstudy.paths import project_paths

        paths = signature.bind(*args, **kwargs).arguments.get("paths") or project_paths()
        with hold_input_lock(paths):
            return func(*args, **kwargs)

    return locked
