"""`--db` and `--reviewer` resolve the same way everywhere: command, then `gzreview`, then env."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.functional.cli_helpers import SAMPLE
from tui.cli import main


def _run(args: list[str], env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, args, env=env or {}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_top_level_db_applies_to_the_command(tmp_path: Path) -> None:
    top, from_env = tmp_path / "top.db", tmp_path / "env.db"
    _run(["--db", str(top), "import", str(SAMPLE)], env={"GZREVIEW_DB": str(from_env)})
    assert f"Database: {top}" in _run(["--db", str(top), "stats"])
    assert not from_env.exists()


def test_command_db_wins_over_top_level_and_env(tmp_path: Path) -> None:
    top, own = tmp_path / "top.db", tmp_path / "own.db"
    _run(["--db", str(top), "import", "--db", str(own), str(SAMPLE)])
    assert own.exists() and not top.exists()


def test_top_level_reviewer_is_logged(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    env = {"GZREVIEW_REVIEWER": "from-env"}
    _run(["--db", db, "import", str(SAMPLE)], env=env)
    exported = _run(["--db", db, "export", "--all", "--format", "jsonl"])
    key = json.loads(exported.splitlines()[0])["key"]
    ops = tmp_path / "ops.jsonl"
    op = {"action": "verify", "op": {"verb": "verify", "project": key}}
    ops.write_text(json.dumps(op) + "\n", encoding="utf-8")
    _run(["--db", db, "--reviewer", "alice", "apply", str(ops)], env=env)
    history = _run(["--db", db, "history"], env=env)
    assert "alice" in history and "from-env" not in history.split("alice")[0]
