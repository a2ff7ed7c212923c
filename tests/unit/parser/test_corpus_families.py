"""The accuracy corpus's layout families: new widths without disturbing the standard documents."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

BENCHMARKS = Path(__file__).resolve().parents[3] / "benchmarks"


@pytest.fixture(scope="module", autouse=True)
def _benchmarks_on_path() -> Iterator[None]:
    sys.path.insert(0, str(BENCHMARKS))
    yield
    sys.path.remove(str(BENCHMARKS))


def test_standard_documents_are_written_as_before_families_existed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Families come from their own random stream, so a standard document's bytes are those
    the generator wrote when every document was standard."""
    import make_corpus
    from docgen import families

    with_families = {index: make_corpus.generate(5, index) for index in range(40)}
    monkeypatch.setattr(families, "_WEIGHTS", (1, 0, 0, 0, 0, 0))
    standard = [index for index, (_, _, record) in with_families.items()
                if record["layout_family"] == "standard"]
    assert 0 < len(standard) < 40
    for index in standard:
        assert make_corpus.generate(5, index)[1] == with_families[index][1]


def test_unit_families_make_the_target_column_as_wide_as_a_unit_or_narrower() -> None:
    import make_corpus
    from docgen.families import _width

    seen = set()
    for index in range(300):
        _, _, record = make_corpus.generate(1, index)
        family = record["layout_family"]
        if family not in ("units_as_wide", "units_wider"):
            continue
        projects = cast(list[dict[str, str]], record["projects"])
        units = list(dict.fromkeys(project["unit"] for project in projects))[1:]
        widest = max(map(_width, units))
        width = cast(dict[str, int], record["layout"])["target_width"]
        assert width == widest if family == "units_as_wide" else width < widest
        seen.add(family)
    assert seen == {"units_as_wide", "units_wider"}
