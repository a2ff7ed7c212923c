"""Checking and storing a reviewer's value for one project or indicator field.

Text fields hold one line of printed text, trimmed; a sequence number is a positive whole number
within reason; level codes are digits and a level-2 code starts with its level-1 code. An edited
value is re-read into its parsed `{op, number, unit}` columns so exports stay consistent.
"""

from __future__ import annotations

from parser.records import INDICATOR_FIELDS
from parser.values import parse_value
from store.errors import RefusedError
from store.i18n import _
from store.models import IndicatorRow, ProjectRow
from store.operations.arguments import MAX_NUMBER, MAX_TEXT
from store.records import parsed_columns

PROJECT_FIELDS = ("name", "unit", "target", "note")
"""The project fields a reviewer edits in place."""


def one_line(field: str, value: object, *, required: bool) -> str:
    """Return a text value trimmed, refusing line breaks, huge values and (if required) none."""
    text = str(value).strip()
    if "\n" in text or "\r" in text:
        raise RefusedError(
            _("the {field} must be one line; remove the line breaks and try again").format(
                field=field
            )
        )
    if required and not text:
        raise RefusedError(
            _("the {field} cannot be empty; type a value or press escape").format(field=field)
        )
    if len(text) > MAX_TEXT:
        raise RefusedError(
            _("the {field} is longer than {limit} characters; shorten it").format(
                field=field, limit=MAX_TEXT
            )
        )
    return text


def note_text(value: object) -> str:
    """Return a reviewer's note trimmed (it may span lines), refusing a huge one."""
    text = str(value).strip()
    if len(text) > MAX_TEXT:
        raise RefusedError(
            _("the note is longer than {limit} characters; shorten it").format(limit=MAX_TEXT)
        )
    return text


def project_value(field: str, value: object) -> str:
    """Return the value to store in a project field, or refuse it with a reason."""
    if field not in PROJECT_FIELDS:
        raise RefusedError(
            _("“{field}” is not an editable project field; use one of {fields}").format(
                field=field, fields=", ".join(PROJECT_FIELDS)
            )
        )
    if field == "note":
        return note_text(value)
    return one_line(field, value, required=field in ("name", "unit"))


def indicator_value(field: str, value: object) -> str | int:
    """Return the value to store in an indicator field, or refuse it with a reason."""
    if field not in INDICATOR_FIELDS:
        raise RefusedError(
            _("“{field}” is not an indicator field; use one of {fields}").format(
                field=field, fields=", ".join(INDICATOR_FIELDS)
            )
        )
    if field == "seq":
        text = str(value).strip()
        if not text.isdecimal() or not 0 < int(text) <= MAX_NUMBER:
            raise RefusedError(
                _(
                    "a sequence number must be a positive whole number up to {limit}, "
                    "not “{value}”"
                ).format(limit=MAX_NUMBER, value=text[:40])
            )
        return int(text)
    if field in ("level1_code", "level2_code"):
        text = one_line("level code", value, required=True)
        if not (text.isascii() and text.isdecimal() and len(text) <= 9):
            raise RefusedError(
                _("a level code is made of digits (such as 1 or 11), not “{value}”").format(
                    value=text[:40]
                )
            )
        return text
    return one_line(field.replace("_", " "), value, required=field == "name")


def set_project_field(row: ProjectRow, field: str, value: str) -> None:
    """Store an already checked value in a project field."""
    setattr(row, field, value)


def set_indicator_field(indicator: IndicatorRow, field: str, value: str | int) -> None:
    """Store a checked value, keeping the level codes consistent and parsed values current.

    A level-1 code its level-2 code does not start with is refused; a level-2 code under another
    level 1 (21 while the level-1 code is 1) moves the indicator there: the level-1 code follows.
    """
    if field == "level1_code" and not indicator.level2_code.startswith(str(value)):
        raise RefusedError(
            _(
                "the level-2 code {level2} does not start with {value}; edit the level-2 code "
                "instead (the level-1 code follows it)"
            ).format(level2=indicator.level2_code, value=value)
        )
    if field == "level2_code":
        length = max(1, len(indicator.level1_code))
        if len(str(value)) <= length:
            raise RefusedError(
                _(
                    "a level-2 code is longer than its level-1 code {level1} (such as {example}); "
                    "“{value}” is not"
                ).format(
                    level1=indicator.level1_code, example=f"{indicator.level1_code}1", value=value
                )
            )
        indicator.level1_code = str(value)[:length]
    setattr(indicator, field, value)
    if field in ("period_value", "annual_value"):
        prefix = field.removesuffix("_value")
        for column, parsed in parsed_columns(prefix, parse_value(str(value))).items():
            setattr(indicator, column, parsed)
