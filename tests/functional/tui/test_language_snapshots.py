"""Layout pinned at 160×45 in Chinese (and a dialog in English too), on synthetic documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from textual.pilot import Pilot

from store.i18n import set_language
from store.repository import Repository
from tests.functional.tui.conftest import SIZE, settle
from tests.functional.tui.test_snapshots import sample_app

SCREENS = {
    "review": ("j", "v"),
    "help": ("question_mark",),
    "field_editor": ("e",),
    "merge_question": ("m",),
}
"""What each snapshot shows, by the keys that lead there."""


def run_keys(keys: Sequence[str]) -> Any:
    """A `run_before` that waits for the first paint, presses `keys` and waits again."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_chinese_layout(
    screen: str, snap_compare: Any, synthetic_file: str, opened: list[Repository]
) -> None:
    set_language("zh")
    app = sample_app(synthetic_file, opened)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_keys(SCREENS[screen]))


def test_english_field_editor(
    snap_compare: Any, synthetic_file: str, opened: list[Repository]
) -> None:
    app = sample_app(synthetic_file, opened)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_keys(SCREENS["field_editor"]))
