"""Frozen records the parser produces; every text field keeps the spans it was read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

Span = tuple[int, int]
"""Half-open character range [start, end) in the document text as parsed."""

FieldSpan = tuple[str, int, int]
"""A field's name and one [start, end) piece of it: a field broken across lines has several."""


@dataclass(frozen=True)
class ParsedValue:
    """A value such as `≥9万片` read as comparison, number and unit (`≥`, 9, `万片`)."""

    op: str
    number: Decimal
    unit: str


@dataclass(frozen=True)
class Flag:
    """A problem the parser noticed: a stable code for machines and a sentence for reviewers."""

    code: str
    message: str = ""
    span: Span | None = None
    """Where in the text the problem is, for findings a reviewer must be able to jump to."""


@dataclass(frozen=True)
class NameCandidate:
    """A project name the assignment considered for a block, with how well it fitted (0..1)."""

    name: str
    score: float
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Indicator:
    """One numbered performance indicator, every field joined across line breaks as printed."""

    seq: int
    level1_code: str
    level1: str
    level2_code: str
    level2: str
    name: str
    period_value: str
    annual_value: str
    span: Span
    period_parsed: ParsedValue | None = None
    annual_parsed: ParsedValue | None = None
    field_spans: tuple[FieldSpan, ...] = ()
    """(field, start, end) of every line piece of every non-empty field, in text order."""


_new_object = object.__new__


def new_indicator(
    seq: int,
    level1_code: str,
    level1: str,
    level2_code: str,
    level2: str,
    name: str,
    period_value: str,
    annual_value: str,
    span: Span,
    period_parsed: ParsedValue | None,
    annual_parsed: ParsedValue | None,
    field_spans: tuple[FieldSpan, ...],
) -> Indicator:
    """Build an Indicator equal to `Indicator(...)` with these values, at a third of the cost.

    A frozen dataclass sets each field through `object.__setattr__`; writing the instance
    dictionary directly is what that amounts to, and a document has hundreds of indicators.
    """
    indicator: Indicator = _new_object(Indicator)
    values = indicator.__dict__
    values["seq"] = seq
    values["level1_code"] = level1_code
    values["level1"] = level1
    values["level2_code"] = level2_code
    values["level2"] = level2
    values["name"] = name
    values["period_value"] = period_value
    values["annual_value"] = annual_value
    values["span"] = span
    values["period_parsed"] = period_parsed
    values["annual_parsed"] = annual_parsed
    values["field_spans"] = field_spans
    return indicator


@dataclass(frozen=True)
class NameLine:
    """A project name as printed: its joined text and the spans of its line pieces."""

    text: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Project:
    """A project: its (assigned) name, unit, target paragraph and indicators, with provenance."""

    unit: str
    name: str
    name_spans: tuple[Span, ...]
    target: str
    target_spans: tuple[Span, ...]
    indicators: tuple[Indicator, ...]
    block: Span
    order: int
    confidence: float
    flags: tuple[Flag, ...] = ()
    alternatives: tuple[NameCandidate, ...] = ()
    cell_spans: tuple[Span, ...] = ()
    """The line pieces of its target and indicator cells that this project claims."""

    @property
    def flag_codes(self) -> tuple[str, ...]:
        """The flag codes alone, as the record contract lists them."""
        return tuple(flag.code for flag in self.flags)


def new_project(
    unit: str,
    name: str,
    name_spans: tuple[Span, ...],
    target: str,
    target_spans: tuple[Span, ...],
    indicators: tuple[Indicator, ...],
    block: Span,
    order: int,
    confidence: float,
    flags: tuple[Flag, ...],
    alternatives: tuple[NameCandidate, ...],
    cell_spans: tuple[Span, ...],
) -> Project:
    """Build a Project equal to `Project(...)` with these values, as `new_indicator` does."""
    project: Project = _new_object(Project)
    values = project.__dict__
    values["unit"] = unit
    values["name"] = name
    values["name_spans"] = name_spans
    values["target"] = target
    values["target_spans"] = target_spans
    values["indicators"] = indicators
    values["block"] = block
    values["order"] = order
    values["confidence"] = confidence
    values["flags"] = flags
    values["alternatives"] = alternatives
    values["cell_spans"] = cell_spans
    return project


@dataclass(frozen=True)
class Unit:
    """A 资金使用单位 header that groups the projects printed below it."""

    name: str
    span: Span


@dataclass(frozen=True)
class Document:
    """Everything read from one document, with every non-blank character accounted for."""

    source: str
    text: str
    department: str
    units: tuple[Unit, ...]
    projects: tuple[Project, ...]
    unassigned_names: tuple[NameLine, ...] = ()
    noise: tuple[Span, ...] = ()
    unclaimed: tuple[Span, ...] = ()
    flags: tuple[Flag, ...] = field(default=())
