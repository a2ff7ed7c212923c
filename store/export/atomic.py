"""Atomic export writes: build in a temporary file or folder beside the target, then rename it."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from store.errors import ExportExistsError, StoreError


def _check_target(path: Path, force: bool) -> None:
    """Refuse an existing target without `force`, and a target whose folder does not exist."""
    if (path.exists() or path.is_symlink()) and not force:
        raise ExportExistsError(str(path))
    if not path.parent.is_dir():
        raise StoreError(f"{path.parent}: no such folder; create it or choose another --output")


@contextlib.contextmanager
def _failure_reported(path: Path) -> Iterator[None]:
    """Turn a failed write (full disk, no permission…) into one sentence for the user."""
    try:
        yield
    except OSError as error:
        raise StoreError(
            f"{path}: the export failed ({error.strerror or error}) and {path.name} was left as "
            "it was; check the folder's permissions and free space, then export again"
        ) from error


@contextlib.contextmanager
def atomic_file(path: Path, force: bool) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `path`, on error it is removed."""
    _check_target(path, force)
    if path.is_dir():
        raise StoreError(f"{path} is a folder; choose a file name for --output")
    with _failure_reported(path):
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(handle)
        temporary = Path(name)
        try:
            yield temporary
            _fsync(temporary)
            temporary.chmod(_permissions(0o666))
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_directory(path: Path, force: bool) -> Iterator[Path]:
    """Yield a temporary folder to fill; on success it replaces `path` (the old one is removed)."""
    _check_target(path, force)
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file; choose a folder name for a data package")
    with _failure_reported(path):
        temporary = Path(
            tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        )
        try:
            yield temporary
            temporary.chmod(_permissions(0o777))
            _replace_directory(temporary, path)
        finally:
            shutil.rmtree(temporary, ignore_errors=True)


def _replace_directory(new: Path, path: Path) -> None:
    """Move `new` to `path`; an existing folder is moved aside first and deleted only afterwards."""
    if not path.exists():
        os.replace(new, path)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
    os.replace(path, aside / path.name)
    try:
        os.replace(new, path)
    except OSError:
        os.replace(aside / path.name, path)
        raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def _permissions(base: int) -> int:
    """Return the mode a normally created file or folder would get (temporary ones are private)."""
    umask = os.umask(0)
    os.umask(umask)
    return base & ~umask


def _fsync(path: Path) -> None:
    """Flush a written file to disk so the rename never exposes an empty file after a crash."""
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
