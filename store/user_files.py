"""Reading a file a user names (documents, name lists, operation logs) without hanging or flooding.

Every command that reads a user's file goes through `read_user_file`, so each refuses the same
things with the same sentences: a missing path, a folder, a pipe or device (reading one may
never end), a file larger than the command takes, and a file that cannot be read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NoReturn

from store.errors import StoreError
from store.i18n import _
from store.os_errors import os_reason

MB = 1_000_000
NAME_LIST_MAX_BYTES = 50 * MB
"""Largest list of known names read (50,000 names take about 2 MB)."""
OPERATIONS_MAX_BYTES = 500 * MB
"""Largest operations file `apply` reads (a long session's log takes a few MB)."""


class UnreadableFileError(StoreError):
    """A file a user named cannot be read as asked; the message names it and says what to do."""


def _checked(path: Path, info: os.stat_result, limit: int, too_big: tuple[str, str]) -> None:
    """Refuse anything but a regular file no larger than `limit` bytes."""
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFileError(
            _("{path}: this is a folder; give the path of a file").format(path=path)
        )
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError(
            _(
                "{path}: not a regular file (a pipe, device or socket); save its content to a "
                "file and give that file"
            ).format(path=path)
        )
    if info.st_size > limit:
        _too_big(path, info.st_size, limit, too_big)


def _too_big(path: Path, size: int, limit: int, too_big: tuple[str, str]) -> NoReturn:
    """Refuse a file larger than `limit` bytes, saying what it was read as and what to do."""
    what, hint = too_big
    raise UnreadableFileError(
        _(
            "{path}: the file is {size:.1f} MB, more than the {limit:.1f} MB gzreview reads as "
            "{what}; {hint}"
        ).format(path=path, size=size / MB, limit=limit / MB, what=what, hint=hint)
    )


def read_user_file(path: Path, limit: int, too_big: tuple[str, str]) -> bytes:
    """Return the bytes of a regular file of at most `limit` bytes, or one sentence why not.

    `too_big` says what the file is read as and what to do with a larger one (both translated),
    e.g. ("one document", "split it into one file per department and import the folder").

    The file is checked before it is opened (so a pipe is never opened and cannot block), opened
    without blocking, checked again, and read no further than `limit`, so a file that is
    swapped or grows meanwhile cannot hang the command or exhaust its memory.
    """
    try:
        _checked(path, path.stat(), limit, too_big)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(descriptor, "rb") as handle:
            _checked(path, os.fstat(handle.fileno()), limit, too_big)
            data = handle.read(limit + 1)
    except FileNotFoundError as error:
        raise UnreadableFileError(
            _("{path}: no such file or folder; check the path").format(path=path)
        ) from error
    except OSError as error:
        raise UnreadableFileError(
            _("{path}: cannot read the file ({reason}); check its permissions").format(
                path=path, reason=os_reason(error)
            )
        ) from error
    if len(data) > limit:
        _too_big(path, len(data), limit, too_big)
    return data
