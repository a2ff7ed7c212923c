"""Two gzreview commands at once on one PostgreSQL database, as two reviewers start them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.functional.cli_helpers import ROOT, SAMPLE

pytestmark = pytest.mark.postgres


def _at_once(url: str, *commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Start every `gzreview COMMAND --db URL` together; return each one's outcome in order."""
    environment = {**os.environ, "GZREVIEW_DB": url, "GZREVIEW_LANG": "en"}
    started = [
        subprocess.Popen(
            [sys.executable, "-c", "from tui.cli import main; main()", *command],
            cwd=ROOT, env=environment, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        for command in commands
    ]
    finished = []
    for process in started:
        stdout, stderr = process.communicate(timeout=120)
        finished.append(subprocess.CompletedProcess(process.args, process.returncode, stdout,
                                                    stderr))
    return finished


def test_two_imports_of_one_file_at_once_import_it_once(fresh_postgres: str) -> None:
    runs = _at_once(fresh_postgres, ["db", "upgrade"])
    assert runs[0].returncode == 0, runs[0].stderr
    runs = _at_once(fresh_postgres, ["import", str(SAMPLE)], ["import", str(SAMPLE)])
    for run in runs:
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    summaries = sorted(run.stdout.strip().splitlines()[-1] for run in runs)
    assert "1 duplicate skipped" in summaries[0] or "1 duplicate skipped" in summaries[1]
    assert any(line.startswith("Imported 1 document") for line in summaries), summaries


def test_first_commands_on_an_empty_database_do_not_race(fresh_postgres: str) -> None:
    runs = _at_once(fresh_postgres, ["stats"], ["stats"], ["import", str(SAMPLE)])
    for run in runs:
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr


def test_two_known_imports_at_once_add_each_name_once(fresh_postgres: str, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("".join(f"已知项目{n}\n" for n in range(300)), encoding="utf-8")
    assert _at_once(fresh_postgres, ["db", "upgrade"])[0].returncode == 0
    runs = _at_once(fresh_postgres, ["known", "import", str(names)],
                    ["known", "import", str(names)])
    for run in runs:
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    listed = _at_once(fresh_postgres, ["known", "list"])[0].stdout.splitlines()
    assert len([line for line in listed if line.startswith("已知项目")]) == 300
