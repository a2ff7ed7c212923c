"""Fixtures for the app tests: throwaway databases with the sample or synthetic documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from store.repository import Repository
from tests.databases import Databases, Templates
from tests.functional.tui.synthetic import import_synthetic, synthetic_document
from tui.app import ReviewApp
from tui.screens.review_screen import ReviewScreen

SIZE = (160, 45)
UNITS = ["广州市工业和信息化局", "广州市无线电监测站"]


def _ensure_sample(database: str) -> None:
    """Import the bundled sample as the app's first start does."""
    with Repository.open(database, "importer") as repository:
        repository.ensure_sample()


def _import_two_synthetic(database: str) -> None:
    """Two synthetic documents (34 projects each) whose spans and names are known exactly."""
    documents = [
        synthetic_document("a.txt", UNITS, 17),
        synthetic_document("b.txt", UNITS, 17, name_after_block=True),
    ]
    import_synthetic(database, documents)


@pytest.fixture
def sample_db(databases: Databases, templates: Templates) -> str:
    """A fresh copy of the sample database for one test, on each back end."""
    return templates.copy(databases, "app_sample", _ensure_sample)


@pytest.fixture
def synthetic_db(databases: Databases, templates: Templates) -> str:
    """Two synthetic documents (34 projects each) whose spans and names are known exactly."""
    return templates.copy(databases, "synthetic", _import_two_synthetic)


@pytest.fixture
def synthetic_file(tmp_path: Path) -> str:
    """The synthetic documents in a SQLite file, for the screenshot tests: a screenshot is the
    same on either back end and its file is named after the test, so they run once."""
    path = str(tmp_path / "synthetic.db")
    _import_two_synthetic(path)
    return path


@pytest.fixture
def opened() -> Iterator[list[Repository]]:
    """Repositories opened by a test, closed after it."""
    opened: list[Repository] = []
    yield opened
    for repository in opened:
        repository.close()


def make_app(path: str | Path, opened: list[Repository], reviewer: str = "tester") -> ReviewApp:
    """An app over the database at `path`, with its repository registered for closing."""
    repository = Repository.open(path, reviewer)
    opened.append(repository)
    return ReviewApp(repository)


async def settle(pilot: Pilot[None]) -> None:
    """Wait until workers are done and their messages handled (repeated: results start work)."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def review_screen(app: ReviewApp) -> ReviewScreen:
    """The app's review screen (under any modal)."""
    screen = next(s for s in app.screen_stack if isinstance(s, ReviewScreen))
    return screen


def read(path: str | Path, reviewer: str = "tester") -> Repository:
    """A separate repository to check what the app stored (ui state is kept per reviewer)."""
    return Repository.open(path, reviewer)


async def quit_after(app: ReviewApp, *keys: str) -> int | None:
    """Run the app, press `keys`, then `q`; return the project selected when it quit."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        selected = review_screen(app).selected_id()
        await pilot.press("q")
    return selected
