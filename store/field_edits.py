"""Checking and applying a reviewer's edit of one project or indicator field.

Text fields hold one line of printed text, trimmed; a sequence number is a positive integer; level
codes are digits and a level-2 code starts with its level-1 code. An edited value is re-read into
its parsed `{op, number, unit}` columns so exports stay consistent with the text.
"""

from __future__ import annotations

from typing import Any

from parser.records import INDICATOR_FIELDS
from parser.values import parse_value
from store.errors import RefusedError
from store.models import IndicatorRow, ProjectRow

PROJECT_FIELDS = ("name", "unit", "target", "note")
"""The project fields a reviewer edits in place."""


def one_line(field: str, value: object, *, required: bool) -> str:
    """Return a text value trimmed, refusing line breaks and (if required) an empty value."""
    text = str(value).strip()
    if "\n" in text or "\r" in text:
        raise RefusedError(f"the {field} must be one line; remove the line breaks and try again")
    if required and not text:
        raise RefusedError(f"the {field} cannot be empty; type a value or press escape")
    return text


def project_value(field: str, value: object) -> str:
    """Return the value to store in a project field, or refuse it with a reason."""
    if field not in PROJECT_FIELDS:
        raise RefusedError(f"“{field}” is not an editable project field; use one of "
                           f"{', '.join(PROJECT_FIELDS)}")
    if field == "note":
        return str(value).strip()
    return one_line(field, value, required=field in ("name", "unit"))


def set_project_field(row: ProjectRow, field: str, value: str) -> None:
    """Store an already checked value in a project field."""
    setattr(row, field, value)


def indicator_value(field: str, value: object) -> str | int:
    """Return the value to store in an indicator field, or refuse it with a reason."""
    if field not in INDICATOR_FIELDS:
        raise RefusedError(f"“{field}” is not an indicator field; use one of "
                           f"{', '.join(INDICATOR_FIELDS)}")
    if field == "seq":
        text = str(value).strip()
        if not text.isdecimal() or int(text) <= 0:
            raise RefusedError(f"a sequence number must be a positive whole number, not “{text}”")
        return int(text)
    if field in ("level1_code", "level2_code"):
        text = one_line("level code", value, required=True)
        if not (text.isascii() and text.isdecimal()):
            raise RefusedError(f"a level code is made of digits (such as 1 or 11), not “{text}”")
        return text
    return one_line(field.replace("_", " "), value, required=field == "name")


def set_indicator_field(indicator: IndicatorRow, field: str, value: str | int) -> None:
    """Store a checked value, keeping the level codes consistent and parsed values current.

    A level-1 code its level-2 code does not start with is refused; a level-2 code under another
    level 1 (21 while the level-1 code is 1) moves the indicator there: the level-1 code follows.
    """
    if field == "level1_code" and not indicator.level2_code.startswith(str(value)):
        raise RefusedError(
            f"the level-2 code {indicator.level2_code} does not start with {value}; "
            "edit the level-2 code instead (the level-1 code follows it)"
        )
    if field == "level2_code":
        length = max(1, len(indicator.level1_code))
        if len(str(value)) <= length:
            raise RefusedError(
                f"a level-2 code is longer than its level-1 code {indicator.level1_code} "
                f"(such as {indicator.level1_code}1); “{value}” is not"
            )
        indicator.level1_code = str(value)[:length]
    setattr(indicator, field, value)
    if field in ("period_value", "annual_value"):
        prefix = field.removesuffix("_value")
        for part, parsed in _parsed_parts(str(value)).items():
            setattr(indicator, f"{prefix}_{part}", parsed)


def _parsed_parts(value: str) -> dict[str, Any]:
    """Return the op/number/unit columns of a value as the importer stores them."""
    parsed = parse_value(value)
    if parsed is None:
        return {"op": None, "number": None, "unit": None}
    return {"op": parsed.op, "number": str(parsed.number), "unit": parsed.unit}
