"""Which parser flags ask a reviewer to look and which only inform: the one place that says so.

Most imported projects carry some flag, mostly `name_displaced` (the name was printed away from
its block, which the parser resolved) and `values_differ` (period and annual values differ, which
is normal). A mark shown for those says nothing, so lists mark only the flags needing attention;
detail views still list every flag.
"""

from __future__ import annotations

from collections.abc import Iterable

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
