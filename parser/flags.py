"""The kinds of flag the parser gives: which ask a reviewer to look, which follow from a project's
data alone (and are recomputed after a correction), and how they lower a project's confidence.

Most imported projects carry some flag, mostly `name_displaced` (the name was printed away from
its block, which the parser resolved) and `values_differ` (period and annual values differ, which
is normal). A mark shown for those says nothing, so lists mark only the flags needing attention;
detail views still list every flag.

`content_flags` and `confidence` are what `parse` uses for every project, and what the store
calls after a reviewer's correction, so the two agree by construction: a project's flags are its
source flags (how it was printed and read, kept as parsed) followed by its content flags.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from operator import attrgetter

from parser.indicators import LEVEL1_NAMES, LEVEL2_NAMES, STANDARD_LEVELS
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
"""A project's flags that follow from its name, target and indicators alone (`content_flags`)."""

SOURCE_FLAGS = frozenset({"name_ambiguous", "name_displaced", "unparsed_text", "truncated"})
"""A project's flags about how it was printed and read; a correction cannot tell them again."""

STRUCTURAL_FLAGS = frozenset(
    {
        "unparsed_text",
        "level_code_mismatch",
        "indicator_sequence_gap",
        "missing_target",
        "missing_indicators",
        "truncated",
    }
)
"""Problems with a project's structure; each makes its name less certain (`confidence`)."""

STRUCTURAL_PENALTY = 0.8
"""Each structural problem lowers the name's confidence by a fifth."""

_QUOTE = 40


def needs_attention(codes: Iterable[str]) -> bool:
    """Tell whether any flag asks for a reviewer; an unknown code counts, so it is never hidden."""
    return any(code not in INFORMATIONAL_FLAGS for code in codes)


def confidence(name_confidence: float, codes: Iterable[str]) -> float:
    """Return a project's confidence: its name's, × 0.8 for each structural problem, 4 decimals."""
    return round(name_confidence * _penalty(codes), 4)


def name_confidence(project_confidence: float, codes: Iterable[str]) -> float:
    """Return the name's own confidence from a project's confidence and flags (the inverse)."""
    return min(1.0, project_confidence / _penalty(codes))


def _penalty(codes: Iterable[str]) -> float:
    """Return the factor a project's structural problems put on its name's confidence."""
    return STRUCTURAL_PENALTY ** len([code for code in codes if code in STRUCTURAL_FLAGS])


def content_flags(name: str, target: str, indicators: Sequence[Indicator]) -> tuple[Flag, ...]:
    """Return the flags a project's data alone gives, in this order: a missing name, target or
    indicator list; each indicator whose level codes disagree; where numbering first breaks
    (a skip, or a restart as after merging `1 2 3` with `1 2 3`); values that differ."""
    flags = []
    if not name:
        flags.append(_MISSING_NAME)
    if not target:
        flags.append(_MISSING_TARGET)
    if not indicators:
        flags.append(_no_indicators(target))
    gap, differing = None, []
    for expected, indicator in enumerate(indicators, start=1):  # one pass: a project has many
        if _levels_of(indicator) not in STANDARD_LEVELS and _levels_disagree(indicator):
            flags.append(_level_flag(indicator))
        if gap is None and indicator.seq != expected:
            gap = _sequence_gap(indicator.seq, expected)
        if indicator.period_value != indicator.annual_value:
            differing.append(str(indicator.seq))
    if gap is not None:
        flags.append(gap)
    if differing:
        flags.append(_values_differ(", ".join(differing)))
    return tuple(flags)


_levels_of = attrgetter("level1_code", "level1", "level2_code", "level2")

_MISSING_NAME = Flag.of("missing_name", N_("no printed name was left for this block"))
_MISSING_TARGET = Flag.of(
    "missing_target", N_("no target paragraph was found before the indicators")
)


@lru_cache(maxsize=256)
def _values_differ(listed: str) -> Flag:
    """Flag the indicators whose values differ; frozen, so one flag serves every such project."""
    template = N_("period and annual values differ in indicator(s) {indicators}")
    return Flag.of("values_differ", template, indicators=listed)


def _no_indicators(target: str) -> Flag:
    """Flag a block without indicators, quoting its text: a stray line or a cut-off project."""
    if not target:
        return Flag.of("missing_indicators", N_("no indicator list was found after the target"))
    quoted = target if len(target) <= _QUOTE else target[:_QUOTE] + "…"
    template = N_("no indicator list follows the text “{text}” (stray text, or a project cut "
                  "short?)")
    return Flag.of("missing_indicators", template, text=quoted)


def _levels_disagree(indicator: Indicator) -> bool:
    """Tell whether an indicator's level-2 code lies outside its level 1, or a code's name is
    not the standard one."""
    return (
        not indicator.level2_code.startswith(indicator.level1_code)
        or LEVEL1_NAMES.get(indicator.level1_code, indicator.level1) != indicator.level1
        or LEVEL2_NAMES.get(indicator.level2_code, indicator.level2) != indicator.level2
    )


def _level_flag(indicator: Indicator) -> Flag:
    """Flag an indicator whose level codes disagree with each other or with their names."""
    template = N_("indicator {seq}: level codes {level1_code}-{level1} / {level2_code}-{level2} "
                  "disagree")
    return Flag.of("level_code_mismatch", template, seq=indicator.seq,
                   level1_code=indicator.level1_code, level1=indicator.level1,
                   level2_code=indicator.level2_code, level2=indicator.level2)


def _sequence_gap(seq: int, expected: int) -> Flag:
    """Flag where the printed numbering first skips, or starts again (as two merged lists do)."""
    if seq == 1:
        template = N_("indicator numbered {seq} where {expected} was expected (the printed "
                      "numbering starts again at 1)")
    else:
        template = N_("indicator numbered {seq} where {expected} was expected")
    return Flag.of("indicator_sequence_gap", template, seq=seq, expected=expected)
