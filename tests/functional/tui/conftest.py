"""Fixtures for the app tests: throwaway databases with the sample or synthetic documents."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from store.repository import Repository
from tests.functional.tui.synthetic import import_synthetic, synthetic_document
from tui.app import ReviewApp
from tui.screens.review_screen import ReviewScreen

SIZE = (160, 45)
UNITS = ["广州市工业和信息化局", "广州市无线电监测站"]


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample imported once; tests copy it."""
    path = tmp_path_factory.mktemp("template") / "sample.db"
    with Repository.open(path, "importer") as repository:
        repository.ensure_sample()
    return path


@pytest.fixture
def sample_db(sample_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the sample database for one test."""
    path = tmp_path / "review.db"
    shutil.copy(sample_template, path)
    return path


@pytest.fixture
def synthetic_db(tmp_path: Path) -> Path:
    """Two synthetic documents (34 projects each) whose spans and names are known exactly."""
    path = tmp_path / "synthetic.db"
    documents = [
        synthetic_document("a.txt", UNITS, 17),
        synthetic_document("b.txt", UNITS, 17, name_after_block=True),
    ]
    import_synthetic(path, documents)
    return path


@pytest.fixture
def opened() -> Iterator[list[Repository]]:
    """Repositories opened by a test, closed after it."""
    opened: list[Repository] = []
    yield opened
    for repository in opened:
        repository.close()


def make_app(path: Path, opened: list[Repository], reviewer: str = "tester") -> ReviewApp:
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


def read(path: Path, reviewer: str = "tester") -> Repository:
    """A separate repository to check what the app stored (ui state is kept per reviewer)."""
    return Repository.open(path, reviewer)
