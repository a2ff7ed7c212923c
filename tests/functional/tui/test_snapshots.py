"""Layout pinned at 160×45 on synthetic documents, which do not change when the parser improves."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from store.repository import Repository
from tests.functional.tui.conftest import SIZE, make_app, settle


def sample_app(path: str, opened: list[Repository]) -> Any:
    """The app with a fixed database label so the header does not vary between runs."""
    app = make_app(path, opened)
    app.store.database_label = "review.db"
    return app


class TestReviewLayout:
    """The main screen and the help screen."""

    def test_review_screen_after_moving_and_verifying(
        self, snap_compare: Any, synthetic_file: str, opened: list[Repository]
    ) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("j", "v")
            await settle(pilot)

        app = sample_app(synthetic_file, opened)
        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)

    def test_help_screen(
        self, snap_compare: Any, synthetic_file: str, opened: list[Repository]
    ) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("question_mark")
            await pilot.pause()

        app = sample_app(synthetic_file, opened)
        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
