"""Atomic export writes: build in a temporary file or folder beside the target, then rename it."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from store.errors import ExportExistsError, StoreError
from store.i18n import _


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
def atomic_directory(
    path: Path, force: bool, own_files: frozenset[str], is_own: Callable[[Path], bool]
) -> Iterator[Path]:
    """Yield a temporary folder to fill; on success it replaces `path`.

    With `force` an existing folder is replaced only if it holds nothing but `own_files` and
    `is_own(folder)` says gzreview wrote it, so no other file is ever deleted.
    """
    path = Path(os.path.abspath(path))  # `.` or `..` would name no folder beside the target
    _check_target(path, force)
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file; choose a folder name for a data package")
    if path.exists():
        _check_replaceable(path, own_files, is_own)
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


def _check_replaceable(
    path: Path, own_files: frozenset[str], is_own: Callable[[Path], bool]
) -> None:
    """Refuse to replace a folder holding anything gzreview did not write, or the current one."""
    if _current_folder().is_relative_to(path.resolve()):
        raise StoreError(
            _(
                "{path} is the folder you are in (or holds it); run the export from another "
                "folder so that it can be replaced"
            ).format(path=path)
        )
    entries = sorted(entry.name for entry in path.iterdir())
    foreign = [name for name in entries if name not in own_files]
    if foreign or (entries and not is_own(path)):
        shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
        raise StoreError(
            _(
                "{path} holds files gzreview did not write ({files}); --force replaces only a "
                "data package gzreview exported — choose a new or empty folder for --output"
            ).format(path=path, files=shown or ", ".join(entries))
        )


def _current_folder() -> Path:
    """Return the working folder, resolved (the root if it was deleted meanwhile)."""
    try:
        return Path.cwd().resolve()
    except OSError:
        return Path("/")


def _replace_directory(new: Path, path: Path) -> None:
    """Move `new` to `path`; an existing folder is moved aside first and deleted only afterwards.

    If the new folder cannot be moved in, the old one is moved back; if even that fails, it is
    kept where it was moved and the error says where.
    """
    if not path.exists():
        os.replace(new, path)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
    os.replace(path, aside / path.name)
    try:
        os.replace(new, path)
    except OSError as error:
        try:
            os.replace(aside / path.name, path)
        except OSError:
            raise StoreError(
                _(
                    "{path}: the export failed ({reason}) and the folder could not be put back; "
                    "it is kept as {kept} — move it back by hand"
                ).format(path=path, reason=error.strerror or error, kept=aside / path.name)
            ) from error
        aside.rmdir()
        raise
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
