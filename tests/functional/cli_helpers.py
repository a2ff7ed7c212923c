"""Helpers for CLI tests of the store commands: run `gzreview` on a temporary database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "000_a843d2df25de4824.txt"


@dataclass
class Cli:
    """Runs gzreview commands against one temporary database as reviewer `tester`."""

    db: str | Path

    def __call__(self, *args: str, input: str | None = None) -> Result:
        """Run `gzreview ARGS…` with --db set through the environment."""
        runner = CliRunner()
        env = {"GZREVIEW_DB": str(self.db), "GZREVIEW_REVIEWER": "tester"}
        return runner.invoke(main, list(args), env=env, input=input, catch_exceptions=False)


def sample_cli(db: str | Path) -> Cli:
    """The CLI on a new database at `db` holding a fresh import of the sample."""
    cli = Cli(db)
    result = cli("import", str(SAMPLE))
    assert result.exit_code == 0, result.output
    return cli


def variant_of_sample(folder: Path, name: str, suffix: str) -> Path:
    """Write a copy of the sample with extra trailing text, so its content hash differs."""
    path = folder / name
    path.write_text(SAMPLE.read_text(encoding="utf-8") + suffix, encoding="utf-8")
    return path
