"""The rename picker reads its names once per session and ranks them in memory, as a scan would."""

from __future__ import annotations

from parser import fit_score
from store.candidates import KNOWN_SCORED
from store.name_search import score as similarity
from store.repository import Repository
from tests.functional.tui.conftest import SIZE, make_app, read, settle
from tui.screens.name_picker import NamePickerScreen

KNOWN = [f"{place}{topic}专项资金" for place in ("越秀", "海珠", "天河", "白云", "黄埔")
         for topic in ("产业扶持", "车辆购置", "完成任务", "信息化建设", "人才培训")]


def _full_scan_by_fit(repository: Repository, project_id: int) -> list[tuple[str, float]]:
    """The old way: every candidate name scored for fit, best first, ties in source order."""
    pool = repository.name_pool(project_id)
    detail = repository.project(project_id)
    indicator_names = [indicator.name for indicator in detail.indicators]
    scored = [(name, round(fit_score(name, detail.target, indicator_names), 4))
              for name in pool.sources]
    return sorted(scored, key=lambda pair: -pair[1])


def test_pool_ranks_as_a_full_scan_when_few_names_are_known(synthetic_db: str) -> None:
    with read(synthetic_db) as repository:
        repository.add_known_names((name, "") for name in KNOWN)
        assert len(KNOWN) < KNOWN_SCORED
        for project_id in repository.project_ids()[:6]:
            pool = repository.name_pool(project_id)
            assert pool.by_fit == _full_scan_by_fit(repository, project_id)
            typed = pool.choices("车辆购置", 5)
            expected = sorted(((name, round(similarity("车辆购置", name) / 100, 4))
                               for name in pool.sources), key=lambda pair: -pair[1])[:5]
            assert [(choice.name, choice.score) for choice in typed] == expected
            assert typed[0].source == "known" and typed[0].holder_project_id is None


def test_with_many_known_names_the_best_fits_are_those_of_a_full_scan(
    synthetic_db: str,
) -> None:
    many = [f"{name}{number}期" for number in range(30) for name in KNOWN] + ["完成任务0第一期"]
    with read(synthetic_db) as repository:
        repository.add_known_names((name, "") for name in many)
        assert len(many) > KNOWN_SCORED
        project_id = repository.project_ids()[0]
        pool = repository.name_pool(project_id)
        known = {name for name, source in pool.sources.items() if source == "known"}
        best = [pair for pair in pool.by_fit if pair[0] in known][:5]
        scan = [pair for pair in _full_scan_by_fit(repository, project_id) if pair[0] in known]
        assert best == scan[:5] and best[0] == ("完成任务0第一期", best[0][1]) and best[0][1] > 0


async def test_typing_while_names_load_ranks_what_is_typed_and_picks_a_known_name(
    synthetic_db: str, opened: list[Repository]
) -> None:
    with read(synthetic_db) as repository:
        repository.add_known_names((name, "") for name in KNOWN)
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r", *"天河人才")  # typed at once, before the names may have arrived
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, NamePickerScreen) and picker.pool is not None
        await pilot.press("down", "enter")  # the typed text comes first, as free text
        await settle(pilot)
    with read(synthetic_db) as repository:
        first = repository.project_ids()[0]
        assert repository.project(first).name == "天河人才培训专项资金"
