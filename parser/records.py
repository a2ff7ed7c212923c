"""The JSON record contract of docs/DESIGN.md, built in one place so `parse` and `export` agree."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from parser.model import Document, Indicator, ParsedValue, Project, Span

INDICATOR_FIELDS = (
    "seq",
    "level1_code",
    "level1",
    "level2_code",
    "level2",
    "name",
    "period_value",
    "annual_value",
)


def content_hash(text: str) -> str:
    """Return the SHA-256 of a document's text, which identifies it across imports."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def project_key(document_hash: str, block: Span) -> str:
    """Return the stable key of a project: its document's hash and where its source block starts."""
    return f"{document_hash[:16]}:{block[0]}"


def json_number(number: Decimal) -> int | float:
    """Return a Decimal as the JSON number a reader expects (an int when it is whole)."""
    return int(number) if number == number.to_integral_value() else float(number)


def parsed_value_record(value: ParsedValue | None) -> dict[str, Any] | None:
    """Return `{op, number, unit}` for a parsed value, or None for a qualitative one."""
    if value is None:
        return None
    return {"op": value.op, "number": json_number(value.number), "unit": value.unit}


def indicator_record(indicator: Indicator) -> dict[str, Any]:
    """Return the contract's dict for one indicator, plus the parsed values."""
    record: dict[str, Any] = {name: getattr(indicator, name) for name in INDICATOR_FIELDS}
    record["period_parsed"] = parsed_value_record(indicator.period_parsed)
    record["annual_parsed"] = parsed_value_record(indicator.annual_parsed)
    return record


def build_record(
    *,
    key: str,
    document: str,
    department: str,
    unit: str,
    name: str,
    target: str,
    status: str,
    confidence: float,
    flags: Iterable[str],
    name_spans: Sequence[Span],
    block: Span,
    indicators: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """Return one project record with the contract's keys in the contract's order."""
    return {
        "document": document,
        "department": department,
        "unit": unit,
        "name": name,
        "target": target,
        "status": status,
        "confidence": round(float(confidence), 4),
        "flags": list(flags),
        "spans": {"name": [list(span) for span in name_spans], "block": list(block)},
        "indicators": [dict(indicator) for indicator in indicators],
        "key": key,
    }


def project_record(
    document: Document, project: Project, status: str = "unreviewed"
) -> dict[str, Any]:
    """Return the record of a freshly parsed project, as `gzreview parse` prints it."""
    return build_record(
        key=project_key(content_hash(document.text), project.block),
        document=document.source,
        department=document.department,
        unit=project.unit,
        name=project.name,
        target=project.target,
        status=status,
        confidence=project.confidence,
        flags=project.flag_codes,
        name_spans=project.name_spans,
        block=project.block,
        indicators=[indicator_record(indicator) for indicator in project.indicators],
    )
