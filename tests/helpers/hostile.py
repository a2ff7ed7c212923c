"""The hostile-input gallery (`tests/data/hostile/`) and the checks every safety test shares."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from functools import cache
from pathlib import Path

from store.repository import Repository
from tests.helpers.acting import edit_field, edit_indicator, flag

ROOT = Path(__file__).resolve().parents[2]
GALLERY = ROOT / "tests" / "data" / "hostile"
HOSTILE_DOCUMENT = GALLERY / "hostile.txt"
ESCAPES = "\x1b]0;PWNED\x07\x1b[2J"
CLICK_ACTION = "[@click=app.quit]Q[/]"
FORMULA_SIGNS = "=+-@＝＋－＠﹦﹢﹣﹫"
"""Spreadsheet formula starts, defined here independently of the code under test."""


@cache
def gallery() -> dict[str, dict[str, str]]:
    """Return the hostile strings by kind, as `strings.json` holds them."""
    kinds: dict[str, dict[str, str]] = json.loads((GALLERY / "strings.json").read_text("utf-8"))
    return kinds


def hostile_strings(*kinds: str) -> list[str]:
    """Return every hostile string of the given kinds (all kinds when none is given)."""
    return [text for kind, texts in gallery().items() if not kinds or kind in kinds
            for text in texts.values()]


def unsafe(character: str) -> bool:
    """Tell a character that must never reach a terminal: control, format or surrogate."""
    return unicodedata.category(character) in {"Cc", "Cf", "Cs", "Zl", "Zp"}


def unsafe_in_lines(output: str) -> list[str]:
    """Return the lines of terminal output that hold an unsafe character (line breaks allowed)."""
    return [line for line in output.split("\n") if any(map(unsafe, line))]


_SPREADSHEET_SKIPS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2060\ufeff]*")

NOTES = (
    ("escapes", "title_and_clear"), ("escapes", "forged_line"), ("escapes", "carriage_return"),
    ("escapes", "c1_csi"), ("invisible", "bidi_override"), ("markup", "closing_tag"),
    ("markup", "click_action"), ("formulas", "after_control"), ("formulas", "full_width"),
    ("formulas", "leading_spaces"), ("formulas", "tab"), ("formulas", "dde"),
)
"""The hostile notes, one per project of the hostile document (notes keep spaces and breaks)."""
NAMES = ("a[/]b", CLICK_ACTION, "＝1+1", "@SUM(A1)")
"""Names given to the first projects by a reviewer."""


def looks_like_formula(text: str) -> bool:
    """Tell text a spreadsheet could run: a formula sign after spaces or invisible characters."""
    skipped = _SPREADSHEET_SKIPS.match(text)
    rest = text[skipped.end() if skipped else 0 :]
    return text[:1] in ("\t", "\r") or (rest != "" and rest[0] in FORMULA_SIGNS)


def hostile_database(path: str | Path, document: Path = HOSTILE_DOCUMENT) -> str | Path:
    """Import the hostile document; give its projects hostile notes and names, its indicators
    hostile names (every one-line string of the gallery)."""
    with Repository.open(path, "mallory\x1b[2J") as repository:
        report = repository.import_file(document)
        assert report.outcome == "imported", report
        ids = repository.project_ids()
        for project_id, (kind, key) in zip(ids, NOTES, strict=True):
            flag(repository, project_id, gallery()[kind][key])
        for project_id, name in zip(ids, NAMES, strict=False):
            edit_field(repository, project_id, "name", name)
        one_line = [text for text in hostile_strings() if "\n" not in text and "\r" not in text]
        indicators = [
            (project_id, indicator.id)
            for project_id in ids
            for indicator in repository.project(project_id).indicators
        ]
        for (project_id, indicator_id), name in zip(indicators, one_line, strict=False):
            edit_indicator(repository, project_id, indicator_id, "name", name)
    return path


def hostile_database_named(
    folder: Path, file_name: str, database: str | Path | None = None
) -> str | Path:
    """Copy the hostile document under a (hostile) file name into `folder` and build its
    database (by default a file beside it)."""
    document = folder / file_name
    shutil.copyfile(HOSTILE_DOCUMENT, document)
    return hostile_database(database or folder / "hostile.db", document)
