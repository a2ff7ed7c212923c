"""Records and lines built on the parser's fast paths equal those their constructors build."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from parser._fast_records import new_indicator, new_parsed_value, new_project
from parser.lines import Kind, Line, split_lines
from parser.model import Flag, Indicator, NameCandidate, ParsedValue, Project

_TEXTS = st.text(st.sampled_from(list("产出x1 ")), max_size=6)
_SPANS = st.tuples(st.integers(0, 99), st.integers(0, 99))
_VALUES = st.one_of(st.none(), st.builds(ParsedValue, st.just("≥"), st.just(Decimal(9)), _TEXTS))


def test_fast_indicator_sets_exactly_the_declared_fields() -> None:
    """A field added to Indicator must be added to `new_indicator` too, or this fails."""
    made = new_indicator(1, "1", "a", "11", "b", "n", "p", "y", (0, 1), None, None, ())
    assert list(vars(made)) == [field.name for field in fields(Indicator)]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 99), _TEXTS, _TEXTS, _SPANS, _VALUES, _VALUES,
       st.lists(st.tuples(_TEXTS, st.integers(0, 99), st.integers(0, 99)), max_size=3))
def test_fast_indicator_equals_constructed(
    seq: int, code: str, text: str, span: tuple[int, int], period: ParsedValue | None,
    annual: ParsedValue | None, field_spans: list[tuple[str, int, int]],
) -> None:
    """Equality, hash and repr are those of an Indicator built by its own constructor."""
    values = (seq, code, text, code + "1", text, text, code, text, span, period, annual,
              tuple(field_spans))
    fast, plain = new_indicator(*values), Indicator(*values)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)


def test_fast_parsed_value_sets_exactly_the_declared_fields() -> None:
    """A field added to ParsedValue must be added to `new_parsed_value` too, or this fails."""
    made = new_parsed_value("≥", Decimal("9.5"), "万片")
    assert list(vars(made)) == [field.name for field in fields(ParsedValue)]
    plain = ParsedValue("≥", Decimal("9.5"), "万片")
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)


def test_split_lines_gives_real_lines() -> None:
    """Lines built without the generated constructor are Lines with working field names."""
    (line,) = split_lines("\n    某项目\n\n")
    assert type(line) is Line
    assert (line.number, line.span, line.kind, line.content) == (2, (5, 8), Kind.NAME, "某项目")
    assert line == Line(2, 5, 8, Kind.NAME, "某项目")


def test_fast_project_sets_exactly_the_declared_fields() -> None:
    """A field added to Project must be added to `new_project` too, or this fails."""
    made = new_project("u", "n", (), "t", (), (), (0, 1), 0, 1.0, (), (), ())
    assert list(vars(made)) == [field.name for field in fields(Project)]


@settings(max_examples=60, deadline=None)
@given(_TEXTS, _TEXTS, st.lists(_SPANS, max_size=3), st.integers(0, 9),
       st.floats(0, 1), st.lists(_TEXTS, max_size=2))
def test_fast_project_equals_constructed(
    unit: str, text: str, spans: list[tuple[int, int]], order: int, confidence: float,
    codes: list[str],
) -> None:
    """Equality, hash, repr and `flag_codes` are those of a Project built by its constructor."""
    indicator = new_indicator(1, "1", text, "11", text, text, text, text, (0, 1), None, None, ())
    values = (unit, text, tuple(spans), text, tuple(spans), (indicator,), (0, 9), order,
              confidence, tuple(Flag(code) for code in codes),
              (NameCandidate(text, confidence, tuple(spans)),), tuple(spans))
    fast, plain = new_project(*values), Project(*values)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert fast.flag_codes == plain.flag_codes
