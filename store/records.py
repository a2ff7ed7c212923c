"""Table rows read back as the parser's records, so a stored project has the shape of a parsed one.

The parser's `Project` and `Indicator` declare the fields once; the store's views extend them
with ids and review state, and every reader (the app, the exports, the corrections' flag
recomputation) goes through these functions instead of picking columns by position.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from parser import Flag, NameCandidate, ParsedValue, Span
from parser.records import INDICATOR_FIELDS, VALUES, parsed_field, part_columns
from store.views import IndicatorView, Neighbour, ProjectDetail, Status

Row = Mapping[str, Any]
"""A table row as a mapping of column names (Core `mappings()` or an ORM row's values)."""


def spans(value: Iterable[Sequence[Any]] | None) -> tuple[Span, ...]:
    """Return stored JSON span pairs as tuples."""
    return tuple((int(pair[0]), int(pair[1])) for pair in value or ())


def parsed_value(op: str | None, number: str | None, unit: str | None) -> ParsedValue | None:
    """Return a value's stored op/number/unit columns as the parser's record (None if none)."""
    if number is None:
        return None
    return ParsedValue(op or "", Decimal(number), unit or "")


def parsed_columns(prefix: str, value: ParsedValue | None) -> dict[str, str | None]:
    """Return a parsed value as its op/number/unit columns, the number as exact decimal text."""
    columns = part_columns(prefix)
    if value is None:
        return dict.fromkeys(columns)
    return dict(zip(columns, (value.op, str(value.number), value.unit), strict=True))


def field_spans(value: Iterable[Sequence[Any]] | None) -> tuple[tuple[str, int, int], ...]:
    """Return stored `[field, [start, end]]` pieces as the parser's (field, start, end) triples."""
    return tuple((str(name), int(pair[0]), int(pair[1])) for name, pair in value or ())


def stored_field_spans(pieces: Iterable[tuple[str, int, int]]) -> list[list[Any]]:
    """Return (field, start, end) triples as stored: `[field, [start, end]]`, as every database
    written so far holds them."""
    return [[name, [start, end]] for name, start, end in pieces]


def indicator_view(row: Row) -> IndicatorView:
    """Return a stored indicator row as the parser's record plus its id and places."""
    printed: dict[str, Any] = {name: row[name] for name in INDICATOR_FIELDS}
    parsed: dict[str, Any] = {
        parsed_field(value): parsed_value(*(row[column] for column in part_columns(value)))
        for value in VALUES
    }
    return IndicatorView(
        **printed,
        span=(row["span_start"] or 0, row["span_end"] or 0),
        **parsed,
        field_spans=field_spans(row.get("field_spans")),
        id=row["id"],
        position=row["position"],
        source_order=row["source_order"],
    )


def flag_json(flag: Flag) -> dict[str, Any]:
    """Return a flag as stored in `flag_details`: its code, message, template and parameters."""
    stored: dict[str, Any] = {
        "code": flag.code, "message": flag.message, "template": flag.template,
        "params": dict(flag.params),
    }
    if flag.span is not None:
        stored["span"] = list(flag.span)
    return stored


def stored_flags(codes: Sequence[str], details: Sequence[Any]) -> tuple[Flag, ...]:
    """Return a project's flags from its `flags` codes and `flag_details` (text or JSON objects).

    Databases written before flags were stored as objects hold one message text per code.
    """
    flags = []
    for index, code in enumerate(codes):
        detail = details[index] if index < len(details) else ""
        if isinstance(detail, Mapping):
            flags.append(_flag_from_json(code, detail))
        else:
            flags.append(Flag(code, str(detail) if detail != code else ""))
    return tuple(flags)


def _flag_from_json(code: str, detail: Mapping[str, Any]) -> Flag:
    """Return one stored flag object as the parser's record."""
    span = detail.get("span")
    stored_params = dict(detail.get("params", {}))
    params = tuple((str(name), str(value)) for name, value in stored_params.items())
    return Flag(
        code,
        str(detail.get("message", "")),
        (int(span[0]), int(span[1])) if span else None,
        str(detail.get("template", "")),
        params,
    )


def alternatives(value: Iterable[Sequence[Any]] | None) -> tuple[NameCandidate, ...]:
    """Return stored `[name, score, spans]` alternatives as the parser's records."""
    found = []
    for item in value or ():
        item_spans = spans(item[2]) if len(item) > 2 else ()
        found.append(NameCandidate(str(item[0]), float(item[1]), item_spans))
    return tuple(found)


def aware(moment: datetime | None) -> datetime | None:
    """Return a stored time with its time zone (times are stored in UTC, some without zone)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def project_detail(
    row: Row,
    indicators: Sequence[IndicatorView],
    document: Row,
    neighbours: tuple[Neighbour | None, Neighbour | None] = (None, None),
) -> ProjectDetail:
    """Return a stored project as the parser's record plus its review state and neighbours."""
    return ProjectDetail(
        unit=row["unit"],
        name=row["name"],
        name_spans=spans(row["name_spans"]),
        target=row["target"],
        target_spans=spans(row["target_spans"]),
        indicators=tuple(indicators),
        block=(row["block_start"], row["block_end"]),
        order=row["position"],
        confidence=row["confidence"],
        flags=stored_flags(row["flags"], row["flag_details"]),
        alternatives=alternatives(row["alternatives"]),
        id=row["id"],
        key=row["key"],
        document_id=row["document_id"],
        document_file=document["file_name"],
        department=document["department"],
        status=Status(row["status"]),
        note=row["note"],
        version=row["version"],
        updated_by=row["updated_by"] or "",
        verified_by=row.get("verified_by"),
        verified_at=aware(row.get("verified_at")),
        previous=neighbours[0],
        following=neighbours[1],
        before_reparse=next(
            (detail["previous"] for detail in row["flag_details"]
             if isinstance(detail, Mapping) and isinstance(detail.get("previous"), Mapping)),
            None,
        ),
    )
