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
    """A problem the parser noticed: a stable code for machines and a sentence for reviewers.

    The sentence is English; `template` (marked with `N_`) and `params` let a user interface
    show it translated: `message == template.format(**dict(params))`. A flag built from a plain
    message has that message as its template and no params.
    """

    code: str
    message: str = ""
    span: Span | None = None
    """Where in the text the problem is, for findings a reviewer must be able to jump to."""
    template: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        """Take the message as the template of a flag built without one."""
        if not self.template:
            object.__setattr__(self, "template", self.message)

    @classmethod
    def of(cls, code: str, template: str, span: Span | None = None, **params: object) -> Flag:
        """Build a flag from an `N_`-marked template and the values of its named fields."""
        values = tuple([(name, str(value)) for name, value in params.items()])
        return cls(code, template.format(**params) if params else template, span, template, values)


@dataclass(frozen=True)
class NameCandidate:
    """A project name the assignment considered for a block, with how well it fitted (0..1)."""

    name: str
    score: float
    spans: tuple[Span, ...] = ()


PRINTED = {"printed": True}
"""Field metadata of a cell printed in the table: the fields the record contract carries."""


@dataclass(frozen=True)
class Indicator:
    """One numbered performance indicator, every field joined across line breaks as printed.

    The fields marked PRINTED are the record's indicator keys (`parser.records.INDICATOR_FIELDS`),
    in this order; each `*_parsed` field is the value of the `*_value` field read as a number.
    """

    seq: int = field(metadata=PRINTED)
    level1_code: str = field(metadata=PRINTED)
    level1: str = field(metadata=PRINTED)
    level2_code: str = field(metadata=PRINTED)
    level2: str = field(metadata=PRINTED)
    name: str = field(metadata=PRINTED)
    period_value: str = field(metadata=PRINTED)
    annual_value: str = field(metadata=PRINTED)
    span: Span
    period_parsed: ParsedValue | None = None
    annual_parsed: ParsedValue | None = None
    field_spans: tuple[FieldSpan, ...] = ()
    """(field, start, end) of every line piece of every non-empty field, in text order."""


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
