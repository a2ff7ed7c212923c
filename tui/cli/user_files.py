"""The CLI's readers of a user's names list and operations file, with the importer's checks."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from store.i18n import _
from store.user_files import NAME_LIST_MAX_BYTES, OPERATIONS_MAX_BYTES, read_user_file
from tui.cli.errors import UserError


def read_name_list(path: Path) -> bytes:
    """Return the bytes of a known-names file, refused as `import` refuses a document."""
    too_big = (_("a list of names"), _("split it into smaller lists and import each"))
    return read_user_file(path, NAME_LIST_MAX_BYTES, too_big)


def read_operations(path: Path) -> bytes:
    """Return the bytes of an operations file for `apply`, refused as `import` refuses one."""
    too_big = (_("an operations file"), _("split it and apply the parts in order"))
    return read_user_file(path, OPERATIONS_MAX_BYTES, too_big)


CSV_FIELD_LIMIT = 131_072
"""Longest cell read from a names list: Python's default, set explicitly because the limit is
process-wide and libraries (frictionless) raise it."""


@contextmanager
def csv_errors_reported(path: Path, rows: Any) -> Iterator[None]:
    """Turn a CSV the reader rejects (a field over 128 KiB, a stray NUL) into one sentence."""
    previous = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        yield
    except csv.Error as error:
        raise UserError(
            _(
                "{path}: line {line} cannot be read as CSV ({reason}); save the list as one "
                "name a line, or as a CSV file with a name column"
            ).format(path=path, line=rows.line_num, reason=error)
        ) from error
    finally:
        csv.field_size_limit(previous)
