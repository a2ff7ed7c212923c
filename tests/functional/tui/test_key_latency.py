"""Key latency is counted from the key event's arrival, once per key, by the screen it moves."""

from __future__ import annotations

import gc

from textual._time import get_time

from store.repository import Repository
from tests.functional.tui.conftest import SIZE, make_app, review_screen, settle
from tui.latency import KeyLatency


def test_a_key_time_is_taken_once() -> None:
    latency = KeyLatency()
    assert latency.take_key_time() is None
    latency.key_arrived(get_time() - 0.05)
    key_at = latency.take_key_time()
    assert key_at is not None and latency.take_key_time() is None
    latency.record_since(key_at)
    assert len(latency.samples_ms) == 1 and latency.samples_ms[0] >= 50


async def test_each_move_key_records_one_latency_and_the_first_view_none(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        assert list(screen.key_latencies_ms) == []  # loading moved the cursor; no key did
        await pilot.press("down", "down", "up")
        await settle(pilot)
        assert len(screen.key_latencies_ms) == 3
        assert all(0 < sample < 5000 for sample in screen.key_latencies_ms)


async def test_the_collector_paused_for_start_up_is_back_on_once_a_project_shows(
    synthetic_file: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_file, opened)
    gc.disable()  # as `gzreview review` does before it loads the app
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.ready_at is not None
            assert gc.isenabled()
    finally:
        gc.enable()
