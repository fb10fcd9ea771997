"""Writing a file whole or not at all: the bytes go to a file beside the target, which then
replaces it (or, for a new file, is linked to its name) in one step. A kill at any moment
leaves either the old file or the new one, never a truncated one. An operating-system error
(no space, no permission, a folder where the file belongs) becomes :class:`OutputError`
naming the path and what to do."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from gapstudy.exceptions import OutputError

_WHAT_TO_DO = {
    errno.ENOSPC: "the disk is full; free some space and try again",
    errno.EDQUOT: "the disk quota is used up; free some space and try again",
    errno.EACCES: "permission denied; make the folder writable (chmod u+w) and try again",
    errno.EPERM: "operation not permitted; make the folder writable and try again",
    errno.EROFS: "the file system is read-only; work in a writable copy",
    errno.EISDIR: "a folder stands where this file belongs; move it away and try again",
    errno.ENOTDIR: "a file stands where a folder belongs; move it away and try again",
    errno.EEXIST: "the file exists already; choose another name or remove it",
}


def os_error_message(path: Path | str, err: OSError) -> str:
    """One line: the path, what the system said, and what to do about it."""
    what = _WHAT_TO_DO.get(err.errno or 0, "check the path and its permissions and try again")
    return f"{path}: {err.strerror or err}; {what}"


def _mode_for(target: Path) -> int:
    """The target's mode if it exists, else what a new file would get under the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_beside(target: Path, data: bytes) -> str:
    """Write ``data`` into a new temporary file in the target's folder; return its name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, staged = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".new")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(staged, _mode_for(target))
    except BaseException:
        Path(staged).unlink(missing_ok=True)
        raise
    return staged


def replace_file(target: Path, data: bytes | str) -> None:
    """Write ``data`` (text is written as UTF-8) to ``target`` whole, replacing it in one step.

    Raises :class:`OutputError` naming the path when the system refuses.
    """
    target = Path(target)
    blob = data.encode("utf-8") if isinstance(data, str) else data
    try:
        staged = _write_beside(target, blob)
        try:
            os.replace(staged, target)
        except BaseException:
            Path(staged).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise OutputError(os_error_message(target, err)) from None


def write_new_file(target: Path, data: bytes | str) -> None:
    """Write ``data`` to ``target``, which must not exist, whole or not at all.

    Raises :class:`OutputError` naming the path when it exists or the system refuses.
    """
    target = Path(target)
    blob = data.encode("utf-8") if isinstance(data, str) else data
    try:
        staged = _write_beside(target, blob)
        try:
            os.link(staged, target)  # fails if the name is taken: never overwrites
        finally:
            Path(staged).unlink(missing_ok=True)
    except OSError as err:
        raise OutputError(os_error_message(target, err)) from None
