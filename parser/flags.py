"""Which parser flags ask a reviewer to look and which only inform: the one place that says so.

Most imported projects carry some flag, mostly `name_displaced` (the name was printed away from
its block, which the parser resolved) and `values_differ` (period and annual values differ, which
is normal). A mark shown for those says nothing, so lists mark only the flags needing attention;
detail views still list every flag.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from parser.model import Flag, Indicator
from parser.text import N_

INFORMATIONAL_FLAGS = frozenset({"name_displaced", "values_differ"})
"""Facts about the source the parser handled; no reviewer decision is asked for."""

ATTENTION_FLAGS = frozenset(
    {
        "name_ambiguous",
        "missing_name",
        "missing_target",
        "missing_indicators",
        "unparsed_text",
        "level_code_mismatch",
        "indicator_sequence_gap",
        "truncated",
        "unassigned_name",
        "unassigned_names",
        "unclaimed_text",
    }
)
"""Problems a reviewer has to look at (names, structure, text nobody understood, a cut-off end)."""


def needs_attention(codes: Iterable[str]) -> bool:
    """Tell whether any flag asks for a reviewer; an unknown code counts, so it is never hidden."""
    return any(code not in INFORMATIONAL_FLAGS for code in codes)


STRUCTURAL_FLAGS = frozenset(
    {
        "unparsed_text",
        "level_code_mismatch",
        "indicator_sequence_gap",
        "missing_target",
        "missing_indicators",
    }
)
"""Problems with a block's structure, each of which makes its name less certain."""

CONTENT_FLAGS = frozenset(
    {
        "missing_name",
        "missing_target",
        "missing_indicators",
        "level_code_mismatch",
        "indicator_sequence_gap",
        "values_differ",
    }
)
"""Flags that follow from a project's fields alone, so they are recomputed after any change."""

STRUCTURAL_PENALTY = 0.8
"""Each structural problem lowers the name's confidence by a fifth."""


def confidence(name_confidence: float, codes: Iterable[str]) -> float:
    """Return a project's confidence: its name's, lowered for each structural problem."""
    penalty = STRUCTURAL_PENALTY ** sum(1 for code in codes if code in STRUCTURAL_FLAGS)
    return round(name_confidence * penalty, 4)


def name_confidence(project_confidence: float, codes: Iterable[str]) -> float:
    """Return the name's own confidence from a project's confidence and flags (the inverse)."""
    penalty = STRUCTURAL_PENALTY ** sum(1 for code in codes if code in STRUCTURAL_FLAGS)
    return min(1.0, project_confidence / penalty)


def content_flags(name: str, target: str, indicators: Sequence[Indicator]) -> tuple[Flag, ...]:
    """Return the flags a project's name, target and indicators call for, whoever produced them."""
    flags: list[Flag] = []
    if not name:
        flags.append(Flag("missing_name", N_("no printed name was left for this block")))
    if not target:
        flags.append(
            Flag("missing_target", N_("no target paragraph was found before the indicators"))
        )
    if not indicators:
        flags.append(Flag("missing_indicators", N_("no indicator list was found after the target")))
    flags.extend(_level_flags(indicators))
    flags.extend(_sequence_flags(indicators))
    differing = [str(item.seq) for item in indicators if item.period_value != item.annual_value]
    if differing:
        listed = ", ".join(differing)
        flags.append(
            Flag("values_differ", f"period and annual values differ in indicator(s) {listed}")
        )
    return tuple(flags)


def _level_flags(indicators: Sequence[Indicator]) -> list[Flag]:
    """Flag the first indicator whose level-2 code does not start with its level-1 code."""
    for item in indicators:
        if not item.level2_code.startswith(item.level1_code):
            codes = f"{item.level1_code}-{item.level1} / {item.level2_code}-{item.level2}"
            message = f"indicator {item.seq}: level codes {codes} disagree"
            return [Flag("level_code_mismatch", message)]
    return []


def _sequence_flags(indicators: Sequence[Indicator]) -> list[Flag]:
    """Flag where the printed numbering first skips or starts again."""
    for expected, item in enumerate(indicators, start=1):
        if item.seq == expected:
            continue
        if item.seq == 1:
            message = f"the printed numbering starts again at 1 after indicator {expected - 1}"
        else:
            message = f"indicator numbered {item.seq} where {expected} was expected"
        return [Flag("indicator_sequence_gap", message)]
    return []
