"""Document findings are stored, upgraded into old databases, and known names follow verifies."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store import db
from store.errors import VerifiedLockedError
from store.repository import Repository
from tests.helpers.acting import rename, reopen, verify
from tests.unit.store.conftest import import_document, make_document

SAMPLE = next((Path(__file__).resolve().parents[3] / "data").glob("*.txt"))
STRAY = "    巡检项目\n\n通过开展巡检工作。\n\n" + (
    "1、1-产出指标；11-数量指标；巡检次数；实施周期指标值:12次；年度指标值:12次。\n\n"
)


def _write(folder: Path, name: str, text: str) -> Path:
    """Write a text file to import."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _truncated_sample(folder: Path) -> tuple[Path, str]:
    """Write the sample cut inside the last project's third indicator; return path and text."""
    text = SAMPLE.read_text(encoding="utf-8")
    cut = text[: text.rindex("3、1-产出指标；13-时效指标") + 12]
    return _write(folder, "cut.txt", cut), cut


def test_import_keeps_the_truncation_with_its_line(repo: Repository, tmp_path: Path) -> None:
    path, text = _truncated_sample(tmp_path)
    report = repo.import_file(path)
    assert report.outcome == "imported" and report.document_id is not None
    stored = repo.document_findings(report.document_id)
    assert stored == list(report.findings)
    (finding,) = stored
    assert finding.code == "truncated" and "without its closing 。" in finding.message
    assert finding.line == text.count("\n", 0, finding.span[0]) + 1
    assert text[finding.span[0] : finding.span[1]].rstrip().endswith("3、1-产出指标；13-")
    last = repo.project(repo.project_ids()[-1])
    assert "truncated" in last.flag_codes


def test_stray_names_and_unread_text_are_findings(repo: Repository, tmp_path: Path) -> None:
    second = STRAY.replace("巡检", "档案")
    text = "部门名称：广州市测试局\n\n" + STRAY + "    孤立的名称\n\n" + second
    report = repo.import_file(_write(tmp_path, "stray.txt", text))
    (name_line,) = [number for number, line in enumerate(text.split("\n"), 1) if "孤立" in line]
    assert [(item.code, item.line) for item in report.findings] == [("unassigned_name", name_line)]
    broken = "1、1产出指标；数量；实施周期指标值:1次；年度指标值:1次。"
    text = "部门名称：广州市测试局\n\n" + STRAY + "    档案项目\n\n通过开展档案工作。\n\n" + broken
    report = repo.import_file(_write(tmp_path, "unread.txt", text + "\n"))
    broken_line = text.split("\n").index(broken) + 1
    assert [(item.code, item.line) for item in report.findings] == [("unclaimed_text", broken_line)]
    assert len(repo.document_findings()) == 2


def test_a_whole_document_has_no_findings(repo: Repository) -> None:
    report = repo.import_file(SAMPLE)
    assert report.findings == () and repo.document_findings() == []


def test_a_schema_2_database_is_upgraded_with_findings(tmp_path: Path) -> None:
    """SQLite only: a version-2 SQLite file, made by hand, upgrades in place when opened."""
    path = tmp_path / "old.db"
    cut, _ = _truncated_sample(tmp_path)
    with Repository.open(path, "alice") as repo:
        repo.import_file(cut)
        repo.add_known_names([("导入的名称", "")])
    with sqlite3.connect(path) as connection:  # what version 2 looked like
        connection.execute("ALTER TABLE documents DROP COLUMN findings")
        connection.execute(
            "INSERT INTO known_names (name, unit, source) VALUES ('旧', '', 'verified')"
        )
        connection.execute("UPDATE meta SET value='2' WHERE key='schema_version'")
    with Repository.open(path, "alice") as repo:
        assert [item.code for item in repo.document_findings()] == ["truncated"]
        assert repo.known_names() == ["导入的名称"]  # "旧" came from no verified project
    with sqlite3.connect(path) as connection:
        version = connection.execute("SELECT value FROM meta WHERE key='schema_version'")
        assert version.fetchone()[0] == str(db.SCHEMA_VERSION) == "5"


def test_known_names_follow_verify_undo_redo_and_rename(repo: Repository) -> None:
    import_document(repo, make_document())
    first = repo.project_ids()[0]
    assert repo.known_names() == []
    verify(repo, first, 1)
    assert repo.known_names() == ["项目0"] and repo.known_names("某单位") == ["项目0"]
    assert repo.known_names("别的单位") == []
    repo.undo()
    assert repo.known_names() == []
    repo.redo()
    assert repo.known_names() == ["项目0"]
    with pytest.raises(VerifiedLockedError, match="reopen it"):
        rename(repo, first, "改过的名称")
    reopen(repo, first)
    assert repo.known_names() == []
    rename(repo, first, "改过的名称")
    verify(repo, first)
    assert repo.known_names() == ["改过的名称"]
    repo.undo()
    assert repo.known_names() == []


def test_rename_picker_offers_names_of_verified_projects(repo: Repository) -> None:
    import_document(repo, make_document("a.txt"))
    import_document(repo, make_document("b.txt", projects=1))
    other = repo.project_ids()[3]
    rename(repo, other, "别处核实的名称", 1)
    verify(repo, other, repo.project(other).version)
    choices = repo.name_pool(repo.project_ids()[0]).choices("", 50)
    assert ("别处核实的名称", "known") in {(choice.name, choice.source) for choice in choices}
    repo.undo()
    choices = repo.name_pool(repo.project_ids()[0]).choices("", 50)
    assert "别处核实的名称" not in {choice.name for choice in choices}
