"""The record contract is declared once: columns and tables follow the parser's fields (#16.1)."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from decimal import Decimal

from parser import Flag, Indicator, ParsedValue, Project, parse
from parser.records import (
    INDICATOR_FIELDS,
    VALUE_PARTS,
    VALUES,
    Entry,
    Review,
    parsed_entry,
    part_columns,
    record,
    stored_indicator,
    stored_project,
)
from store.export.tables import (
    INDICATOR_COLUMNS,
    INDICATOR_NAME,
    PROJECT_COLUMNS,
    indicator_cells,
    project_cells,
)
from store.models import INDICATORS, PROJECTS
from tests.functional.cli_helpers import SAMPLE


def test_the_record_indicator_fields_are_the_printed_fields_of_the_parser() -> None:
    names = [item.name for item in fields(Indicator)]
    assert tuple(names[: names.index("span")]) == INDICATOR_FIELDS
    assert VALUES == ("period", "annual") and VALUE_PARTS == ("op", "number", "unit")


def test_every_record_key_is_a_project_column_and_back() -> None:
    document = parse(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    keys = set(record(parsed_entry(document, document.projects[0])))
    columns = {column.name for column in PROJECT_COLUMNS}
    assert keys - {"spans", "indicators"} == columns - {"block_start", "block_end"}


def test_indicator_columns_follow_the_parser_fields_with_their_parts() -> None:
    expected = ["project_key", "position"]
    for field in INDICATOR_FIELDS:
        expected.append(INDICATOR_NAME if field == "name" else field)
        if field.endswith("_value"):
            expected.extend(part_columns(field.removesuffix("_value")))
    assert [column.name for column in INDICATOR_COLUMNS] == expected


def test_the_tables_hold_every_exported_field() -> None:
    stored = set(INDICATORS.c.keys())
    assert set(INDICATOR_FIELDS) <= stored
    assert {name for value in VALUES for name in part_columns(value)} <= stored
    assert {"verified_by", "verified_at", "note", "status"} <= set(PROJECTS.c.keys())


def test_table_cells_and_the_record_say_the_same() -> None:
    document = parse(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    moment = datetime(2026, 12, 6, 8, 30, tzinfo=UTC)
    entry = parsed_entry(document, document.projects[0])
    entry = Entry(entry.key, entry.document, entry.department, entry.project,
                  Review("verified", "王小明", moment, "核对过"))
    built = record(entry)
    cells = dict(zip((column.name for column in PROJECT_COLUMNS), project_cells(entry),
                     strict=True))
    for key in ("key", "document", "department", "unit", "name", "target", "status",
                "confidence", "verified_by", "verified_at", "note"):
        assert cells[key] == built[key], key
    assert built["verified_at"] == "2026-12-06T08:30:00+00:00"
    assert [cells["block_start"], cells["block_end"]] == built["spans"]["block"]
    place = next(index for index, item in enumerate(entry.project.indicators)
                 if item.period_parsed is not None)
    indicator = entry.project.indicators[place]
    row = dict(zip((column.name for column in INDICATOR_COLUMNS),
                   indicator_cells(entry.key, place + 1, indicator), strict=True))
    as_recorded = built["indicators"][place]
    assert row["indicator_name"] == as_recorded["name"]
    assert row["period_value"] == as_recorded["period_value"]
    assert float(row["period_number"]) == as_recorded["period_parsed"]["number"]
    assert row["position"] == place + 1 and row["project_key"] == entry.key


def test_indicators_read_back_equal_the_constructed_ones() -> None:
    value = ParsedValue("≥", Decimal("9.5"), "万片")
    printed = (3, "1", "产出指标", "11", "数量指标", "月产能", "≥9.5万片", "≥9.5万片")
    built = Indicator(*printed, (0, 0), value, None)
    read = stored_indicator(printed, (ParsedValue("≥", Decimal("9.5"), "万片"), None))
    assert read == built and hash(read) == hash(built) and repr(read) == repr(built)


def test_projects_read_back_equal_the_constructed_ones() -> None:
    document = parse(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    parsed = document.projects[0]
    built = Project(
        parsed.unit, parsed.name, parsed.name_spans, parsed.target, (), parsed.indicators,
        parsed.block, parsed.order, parsed.confidence, tuple(Flag(f) for f in parsed.flag_codes),
    )
    read = stored_project(
        parsed.unit, parsed.name, parsed.name_spans, parsed.target, parsed.indicators,
        parsed.block, parsed.order, parsed.confidence, parsed.flag_codes,
    )
    assert read == built and repr(read) == repr(built) and read.flag_codes == parsed.flag_codes
