"""The JSON record contract of docs/DESIGN.md: its fields declared once, its one builder.

`gzreview parse` and every export build their records here from the same input: a parser
`Project` placed in its document with its review state (`Entry`). The store reads rows back
as these types; tabular exports take their columns from the same declarations.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Any

from parser._fast_records import new_indicator, new_parsed_value, new_project
from parser.model import Document, Flag, Indicator, ParsedValue, Project, Span

INDICATOR_FIELDS = tuple(item.name for item in fields(Indicator) if item.metadata.get("printed"))
"""The record's keys of one indicator, in order: the printed cells `parser.model` marks."""
VALUE_PARTS = tuple(item.name for item in fields(ParsedValue))
"""The parts of a value read as a number: comparison, number, unit (`op`, `number`, `unit`)."""
VALUES = tuple(
    item.name.removesuffix("_parsed") for item in fields(Indicator) if item.name.endswith("_parsed")
)
"""The indicator values that are also read as numbers: `period`, `annual` (`period_value`…)."""


def value_field(value: str) -> str:
    """Return the printed field of a value (`period` → `period_value`)."""
    return f"{value}_value"


def parsed_field(value: str) -> str:
    """Return the parsed field of a value (`period` → `period_parsed`)."""
    return f"{value}_parsed"


def part_columns(value: str) -> tuple[str, ...]:
    """Return the flat names of a value's parts (`period` → `period_op`, `period_number`…)."""
    return tuple(f"{value}_{part}" for part in VALUE_PARTS)


PARSED_OF = {value_field(value): parsed_field(value) for value in VALUES}
"""The parsed field beside each printed value field."""
_NO_SPAN = (0, 0)
_new_indicator: Callable[..., Indicator] = new_indicator
"""The fast builder, taking the fields in declaration order from sequences of either kind."""


def stored_indicator(
    printed: Sequence[Any], parsed: Sequence[ParsedValue | None]
) -> Indicator:
    """Return an indicator read back from its printed fields and parsed values, without spans.

    Equal to `Indicator(*printed, (0, 0), *parsed)` at half the cost (`parser._fast_records`):
    an export rebuilds hundreds of thousands.
    """
    return _new_indicator(*printed, _NO_SPAN, *parsed, ())


def stored_value(op: str | None, number: str, unit: str | None) -> ParsedValue:
    """Return a value read back from its stored parts (the number as exact decimal text).

    Equal to `ParsedValue(op or "", Decimal(number), unit or "")`, built quicker.
    """
    return new_parsed_value(op or "", Decimal(number), unit or "")


def stored_project(
    unit: str,
    name: str,
    name_spans: tuple[Span, ...],
    target: str,
    indicators: tuple[Indicator, ...],
    block: Span,
    order: int,
    confidence: float,
    flag_codes: Sequence[str],
) -> Project:
    """Return a project read back for its record: its flags by code alone, no target spans.

    Equal to the `Project(...)` with these values (and nothing else), built quicker.
    """
    flags = tuple([Flag(code) for code in flag_codes]) if flag_codes else ()
    return new_project(
        unit, name, name_spans, target, (), indicators, block, order, confidence, flags, (), ()
    )


@dataclass(frozen=True)
class Review:
    """A project's review state as its record carries it: who verified it when, and the note.

    Unset values are null in the record: a project just parsed, or one without a note.
    """

    status: str = "unreviewed"
    verified_by: str | None = None
    verified_at: datetime | None = None
    note: str | None = None


NOT_REVIEWED = Review()
"""The review state of a project just parsed: `gzreview parse` prints it."""


@dataclass(frozen=True)
class Entry:
    """One project with where it was read and how it was reviewed: all one record holds."""

    key: str
    document: str
    department: str
    project: Project
    review: Review = NOT_REVIEWED


def content_hash(text: str) -> str:
    """Return the SHA-256 of a document's text, which identifies it across imports."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def project_key(document_hash: str, block: Span) -> str:
    """Return the stable key of a project: its document's hash and where its source block starts."""
    return f"{document_hash[:16]}:{block[0]}"


def json_number(number: Decimal) -> int | float:
    """Return a Decimal as the JSON number a reader expects (an int when it is whole)."""
    return int(number) if number == number.to_integral_value() else float(number)


def iso_time(moment: datetime | None) -> str | None:
    """Return a time as ISO 8601 text with its offset (times without a zone are UTC)."""
    if moment is None:
        return None
    text = moment.isoformat()
    return text if moment.tzinfo is not None else text + "+00:00"


def parsed_value_record(value: ParsedValue | None) -> dict[str, Any] | None:
    """Return `{op, number, unit}` for a parsed value, or None for a qualitative one."""
    if value is None:
        return None
    return {"op": value.op, "number": json_number(value.number), "unit": value.unit}


def indicator_record(indicator: Indicator) -> dict[str, Any]:
    """Return the contract's dict for one indicator, plus the parsed values."""
    record: dict[str, Any] = {name: getattr(indicator, name) for name in INDICATOR_FIELDS}
    for value in VALUES:
        parsed = parsed_field(value)
        record[parsed] = parsed_value_record(getattr(indicator, parsed))
    return record


def record(entry: Entry) -> dict[str, Any]:
    """Return one project record with the contract's keys in the contract's order."""
    project, review = entry.project, entry.review
    return {
        "document": entry.document,
        "department": entry.department,
        "unit": project.unit,
        "name": project.name,
        "target": project.target,
        "status": review.status,
        "verified_by": review.verified_by,
        "verified_at": iso_time(review.verified_at),
        "note": review.note,
        "confidence": round(float(project.confidence), 4),
        "flags": list(project.flag_codes),
        "spans": {
            "name": [list(span) for span in project.name_spans],
            "block": list(project.block),
        },
        "indicators": [indicator_record(indicator) for indicator in project.indicators],
        "key": entry.key,
    }


def parsed_entry(document: Document, project: Project) -> Entry:
    """Return a freshly parsed project as an entry: keyed by its document's text, unreviewed."""
    key = project_key(content_hash(document.text), project.block)
    return Entry(key, document.source, document.department, project)


def project_record(document: Document, project: Project) -> dict[str, Any]:
    """Return the record of a freshly parsed project, as `gzreview parse` prints it."""
    return record(parsed_entry(document, project))
