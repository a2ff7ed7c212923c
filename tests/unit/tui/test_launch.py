"""The console script pauses garbage collection only while it starts, never for the whole run."""

from __future__ import annotations

import gc
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.cli.errors import UserError
from tui.cli.review_command import run_review

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def collector_on() -> Iterator[None]:
    """Start with the collector on and leave nothing frozen behind for the other tests."""
    gc.enable()
    yield
    gc.unfreeze()
    gc.enable()


def test_the_console_script_is_the_launcher() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"gzreview": "tui.launch:main"}


def test_a_command_runs_with_the_collector_on() -> None:
    probe = (
        "import gc, sys\n"
        "import tui.cli\n"
        "tui.cli.main.add_command(__import__('click').command('probe')("
        "lambda: print('collector', gc.isenabled(), 'frozen', gc.get_freeze_count() > 0)))\n"
        "from tui.launch import main\n"
        "sys.argv = ['gzreview', 'probe']\n"
        "main()\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert finished.returncode == 0, finished.stderr
    assert "collector True frozen True" in finished.stdout


def test_a_review_that_cannot_open_turns_the_collector_back_on(
    tmp_path: Path, collector_on: None
) -> None:
    with pytest.raises(UserError):
        run_review(str(tmp_path / "missing.db"), "tester", None, import_sample=False)
    assert gc.isenabled()
