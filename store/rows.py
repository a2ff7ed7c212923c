"""The table rows of a parsed document, built apart from the database so workers can make them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import JSON

from parser import Document, Indicator, Project
from parser.records import INDICATOR_FIELDS, VALUES, parsed_field, project_key
from store.db import EncodedJson
from store.models import INDICATORS, POSITION_STEP, PROJECTS
from store.records import flag_json, parsed_columns, stored_field_spans

Row = tuple[Any, ...]
"""A table row's values in its columns' order, JSON columns as encoded text (quick to pickle)."""


_JSON_COLUMNS = frozenset(
    column.name
    for table in (PROJECTS, INDICATORS)
    for column in table.columns
    if isinstance(column.type, JSON)
)


def packed(row: dict[str, Any]) -> Row:
    """Return a row's values with its JSON columns encoded, as `bulk_insert` would encode them."""
    return tuple(
        json.dumps(value) if name in _JSON_COLUMNS and value is not None else value
        for name, value in row.items()
    )


def unpacked(columns: tuple[str, ...], rows: Iterable[Row]) -> list[dict[str, Any]]:
    """Return packed rows as the mappings `bulk_insert` takes, their JSON marked as encoded."""
    json_columns = [name for name in columns if name in _JSON_COLUMNS]
    mappings = []
    for row in rows:
        mapping = dict(zip(columns, row, strict=True))
        for name in json_columns:
            if mapping[name] is not None:
                mapping[name] = EncodedJson(mapping[name])
        mappings.append(mapping)
    return mappings


def noise_spans(document: Document) -> list[list[int]]:
    """Return the text no project field claims (headers, units, left-over names, noise), sorted."""
    spans = [*document.noise, *(unit.span for unit in document.units), *document.unclaimed]
    spans += [span for name in document.unassigned_names for span in name.spans]
    return [list(span) for span in sorted(spans)]


def project_row(document_id: int, digest: str, position: int, project: Project) -> dict[str, Any]:
    """Return the projects-table row of a freshly parsed project."""
    return {
        "document_id": document_id,
        "key": project_key(digest, project.block),
        "unit": project.unit,
        "name": project.name,
        "target": project.target,
        "position": position * POSITION_STEP,
        "status": "unreviewed",
        "confidence": project.confidence,
        "flags": list(project.flag_codes),
        "flag_details": [flag_json(flag) for flag in project.flags],
        "alternatives": [(item.name, item.score, item.spans) for item in project.alternatives],
        "name_spans": project.name_spans,  # tuples are JSON arrays; copying them only costs time
        "target_spans": project.target_spans,
        "block_start": project.block[0],
        "block_end": project.block[1],
        "note": "",
        "version": 1,
        "updated_by": "",
        "updated_at": None,
    }


def indicator_row(
    project_id: int, position: int, source_order: int, item: Indicator
) -> dict[str, Any]:
    """Return the indicators-table row of one parsed indicator."""
    return {
        "project_id": project_id,
        "position": position,
        "source_order": source_order,
        **{name: getattr(item, name) for name in INDICATOR_FIELDS},
        **{
            name: cell
            for value in VALUES
            for name, cell in parsed_columns(value, getattr(item, parsed_field(value))).items()
        },
        "span_start": item.span[0],
        "span_end": item.span[1],
        "field_spans": stored_field_spans(item.field_spans),
    }
