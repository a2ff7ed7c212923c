"""An operation's arguments as JSON carries them, checked: whole numbers in range, bounded text,
indicators named by their place in the source."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from parser import Indicator
from store.errors import RefusedError
from store.i18n import _

MAX_TEXT = 10_000
"""Longest name, note or field value accepted (a target paragraph is well under this)."""
MAX_NUMBER = 1_000_000_000
"""Largest offset, sequence number or source position accepted: beyond any real document."""


def malformed(reason: str) -> RefusedError:
    """Return the refusal of an operation whose arguments are wrong."""
    return RefusedError(_("the operation is malformed: {reason}").format(reason=reason))


def whole_number(value: object, name: str, minimum: int = 1, maximum: int = MAX_NUMBER) -> int:
    """Return `value` if it is a whole number in range, else refuse naming the argument."""
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        raise malformed(
            _("{name} must be a whole number from {minimum} to {maximum}, not {value}").format(
                name=name, minimum=minimum, maximum=maximum, value=shown(value)
            )
        )
    return value


def bounded_text(value: object, name: str) -> str:
    """Return `value` if it is text of a sane length, else refuse naming the argument."""
    if not isinstance(value, str):
        wrong = shown(value)
        raise malformed(_("{name} must be text, not {value}").format(name=name, value=wrong))
    if len(value) > MAX_TEXT:
        raise malformed(
            _("{name} is longer than {limit} characters").format(name=name, limit=MAX_TEXT)
        )
    return value


def shown(value: object) -> str:
    """Return a short rendering of a wrong value for a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


@dataclass(frozen=True)
class IndicatorRef:
    """An indicator named by where it starts in the source (or, without a span, its order)."""

    span_start: int | None = None
    source_order: int | None = None

    def __post_init__(self) -> None:
        if (self.span_start is None) == (self.source_order is None):
            raise malformed(_("an indicator is named by span_start or source_order"))
        for value in (self.span_start, self.source_order):
            if value is not None:
                whole_number(value, "indicator", minimum=0)

    @classmethod
    def from_json(cls, data: object) -> Self:
        """Return the reference written as `{"span_start": 154}` (or `{"source_order": 3}`)."""
        if not isinstance(data, Mapping) or set(data) - {"span_start", "source_order"}:
            raise malformed(_("an indicator is written as {{\"span_start\": N}}"))
        return cls(data.get("span_start"), data.get("source_order"))

    @classmethod
    def of(cls, indicator: Indicator) -> Self:
        """Return the reference to a stored indicator (every imported one has a span)."""
        return cls(span_start=indicator.span[0])

    def to_json(self) -> dict[str, int]:
        """Return the reference as written in an operation."""
        if self.span_start is not None:
            return {"span_start": self.span_start}
        assert self.source_order is not None
        return {"source_order": self.source_order}
