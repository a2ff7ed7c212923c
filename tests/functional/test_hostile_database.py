"""A damaged, mistyped or unsupported database: one sentence on how to go on, never a traceback."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.functional.cli_helpers import SAMPLE, Cli
from tui.cli import main


def damaged_copy(tmp_path: Path) -> Path:
    """A database with the sample imported, then random bytes written over its middle."""
    path = tmp_path / "damaged.db"
    assert Cli(path)("import", str(SAMPLE)).exit_code == 0
    size = path.stat().st_size
    noise = random.Random(7).randbytes(size // 2)
    with path.open("r+b") as handle:
        handle.seek(size // 4)
        handle.write(noise)
    connection = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):  # the damage is real
        connection.execute("SELECT * FROM indicators").fetchall()
    connection.close()
    return path


@pytest.mark.parametrize(
    "args",
    [("stats",), ("export", "--all"), ("export", "--all", "--format", "csv", "-o", "x.csv"),
     ("known", "list")],
)
def test_a_damaged_database_is_one_sentence_on_recovery(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    path = damaged_copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = Cli(path)(*args)
    assert result.exit_code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert "the database file is damaged" in line
    assert f"sqlite3 {path} 'PRAGMA integrity_check'" in line
    assert "backup copy" in line and "last good export" in line
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize(
    ("url", "reason"),
    [("foo://nowhere", "Can't load plugin"),
     ("postgresql+pg8000://reviewer:secret@localhost/budget", "No module named"),
     ("://", "Could not parse")],
)
def test_an_unsupported_url_or_missing_driver_is_one_sentence(url: str, reason: str) -> None:
    result = Cli(Path("unused"))("stats", "--db", url)
    assert result.exit_code == 2
    assert reason in result.stderr and "give a file path, or a URL" in result.stderr
    assert "secret" not in result.output and "Traceback" not in result.output


def test_an_empty_gzreview_db_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["stats"], env={"GZREVIEW_DB": ""})
    assert result.exit_code == 2
    assert "GZREVIEW_DB is set but empty" in result.stderr
    given = Cli(tmp_path / "x.db")("stats", "--db", " ")
    assert given.exit_code == 2 and "--db is empty" in given.stderr
    assert list(tmp_path.iterdir()) == []


def test_review_of_a_mistyped_database_creates_nothing(tmp_path: Path) -> None:
    result = Cli(tmp_path / "sub" / "typo.db")("review")
    assert result.exit_code == 2
    assert "typo.db: no such database file" in result.stderr
    url = Cli(tmp_path / "x.db")("review", "--db", f"sqlite:///{tmp_path / 'typo2.db'}")
    assert url.exit_code == 2 and "typo2.db: no such database file" in url.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_file_cut_inside_a_character_is_imported_and_flagged(tmp_path: Path) -> None:
    data = SAMPLE.read_bytes()
    cut = data.rindex("提升".encode()) + 1  # inside 提
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:cut])
    cli = Cli(tmp_path / "review.db")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    assert "truncated" in result.stdout
    assert "neither UTF-8 nor GB18030" not in result.output


def test_a_nul_byte_after_the_first_8_kb_is_refused_with_its_line(tmp_path: Path) -> None:
    data = SAMPLE.read_bytes()
    at = data.index(b"\n", 20_000) + 1
    path = tmp_path / "nul.txt"
    path.write_bytes(data[:at] + b"\x00" + data[at:])
    result = Cli(tmp_path / "review.db")("import", str(path))
    assert result.exit_code == 1
    line = data[:at].count(b"\n") + 1
    assert "holds a NUL byte, so it is damaged or not text" in result.stderr
    assert f"(line {line}, column 1)" in result.stderr
