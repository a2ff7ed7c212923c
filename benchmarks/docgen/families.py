"""Layout families: column widths other layout engines use, so accuracy is measured on them too.

Most documents keep the `standard` widths drawn by `Layout.draw`. The others narrow or widen the
target and name columns, or make the target column exactly as wide as (or narrower than) a
unit's name, as in the layouts where `广州市工业和信息化产业发展中心` fills a 30-cell line. A
document's family and its widths come from their own random stream, so a `standard` document is
byte for byte what it was before families existed.
"""

from __future__ import annotations

import random
from dataclasses import replace

from docgen.content import TruthDocument
from docgen.layout import Layout, cell_width

STANDARD = "standard"
FAMILIES = (STANDARD, "narrow_target", "wide_columns", "narrow_name", "units_as_wide",
            "units_wider")
_WEIGHTS = (70, 6, 6, 6, 6, 6)
_UNIT_FAMILIES = ("units_as_wide", "units_wider")


def draw_family(seed: int, index: int, document: TruthDocument) -> tuple[str, random.Random]:
    """Return a document's family and the random stream its widths are drawn from."""
    rng = random.Random(f"{seed}:{index}:layout-family")
    family = rng.choices(FAMILIES, weights=_WEIGHTS)[0]
    if family in _UNIT_FAMILIES and len(document.units) < 2:
        family = "narrow_target"  # no unit line is printed, so none can be as wide as a target
    return family, rng


def _width(text: str) -> int:
    """Return a line's width in cells."""
    return sum(map(cell_width, text))


def apply_family(family: str, layout: Layout, document: TruthDocument,
                 rng: random.Random) -> Layout:
    """Return the layout with the family's column widths (the standard one unchanged)."""
    if family == STANDARD:
        return layout
    if family == "narrow_target":
        target = rng.randint(24, 32)
        return replace(layout, target_width=target, name_width=rng.randint(14, target - 8))
    if family == "wide_columns":
        return replace(layout, target_width=rng.randint(52, 72), name_width=rng.randint(30, 40))
    if family == "narrow_name":
        return replace(layout, name_width=rng.randint(10, 16))
    widest = max(_width(unit) for unit, _projects in document.units[1:])
    target = widest if family == "units_as_wide" else widest - rng.randint(2, 6)
    return replace(layout, target_width=target,
                   name_width=min(layout.name_width, target - 8))
