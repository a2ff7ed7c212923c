"""Bad input through `gzreview import`: refused with one clear sentence, or accepted and flagged.

The gallery in `tests/data/bad/` (see its README) holds one file per kind of bad input; paths that
cannot be committed (missing, unreadable, a pipe, 50 MB) are made at test time.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from store.importer import MAX_IMPORT_BYTES
from store.models import DOCUMENTS
from store.repository import Repository
from store.views import ListQuery, ProjectDetail
from tests.databases import select_rows
from tests.functional.cli_helpers import ROOT, SAMPLE, Cli
from tests.helpers.gzreview_process import (
    drop_file_override_capabilities,
    root_can_drop_capabilities,
    run_gzreview,
)

GALLERY = ROOT / "tests" / "data" / "bad"
STRAY_LINE = "注：本表数据仅供参考，以正式文件为准。"
MEMORY_TARGET_MB = 400


@pytest.fixture
def cli(database_url: str) -> Cli:
    return Cli(database_url)


def imported_files(db: str | Path) -> list[str]:
    """Return the file names of the documents in the database."""
    if "://" not in str(db) and not Path(db).exists():
        return []
    with Repository.open(db, "tester") as repository:
        return sorted(document.file_name for document in repository.documents())


def projects_of(db: str | Path, file_name: str) -> list[ProjectDetail]:
    """Return every stored project of one imported file, in source order."""
    with Repository.open(db, "tester") as repository:
        [document] = [d for d in repository.documents() if d.file_name == file_name]
        ids = repository.project_ids(ListQuery(document_id=document.id))
        return [repository.project(project_id) for project_id in ids]


def assert_refused(output: str, stderr: str, path: Path, *phrases: str) -> None:
    """One failure line names the file and says what is wrong and what to do; no traceback."""
    lines = [line for line in stderr.splitlines() if str(path) in line]
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"failed: {path}: ")
    for phrase in phrases:
        assert phrase in lines[0]
    assert "Traceback" not in output + stderr


def assert_only_sample_imported(stdout: str, db: str | Path) -> None:
    """The good file of the run went in; nothing of the refused one did."""
    assert "Imported 1 document: 34 projects, 168 indicators" in stdout
    assert "1 failed." in stdout
    assert imported_files(db) == [SAMPLE.name]


@pytest.mark.parametrize(
    ("name", "phrases"),
    [
        ("empty.txt", ["no text", "empty or only white space", "export the table"]),
        ("whitespace.txt", ["no text", "empty or only white space", "export the table"]),
        ("image.png", ["binary, not text", "export the table from the PDF as plain text"]),
        ("no_table.txt", ["no performance-target table was found", "check that this is"]),
    ],
)
def test_gallery_file_is_refused_and_good_file_imported(
    cli: Cli, name: str, phrases: list[str]
) -> None:
    path = GALLERY / name
    result = cli("import", str(path), str(SAMPLE))
    assert result.exit_code == 1
    assert_refused(result.output, result.stderr, path, *phrases)
    assert_only_sample_imported(result.stdout, cli.db)


def test_missing_path_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "budget.txt"
    result = cli("import", str(path), str(SAMPLE))
    assert result.exit_code == 1
    assert_refused(result.output, result.stderr, path, "no such file or folder", "check the path")
    assert_only_sample_imported(result.stdout, cli.db)


def test_dangling_symlink_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "link.txt"
    path.symlink_to(tmp_path / "deleted.txt")
    result = cli("import", str(path), str(SAMPLE))
    assert result.exit_code == 1
    assert_refused(result.output, result.stderr, path, "no such file or folder")
    assert_only_sample_imported(result.stdout, cli.db)


def test_a_pipe_is_refused_instead_of_hanging(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    done = run_gzreview(["import", str(path), str(SAMPLE)], tmp_path / "review.db", timeout=60)
    assert done.returncode == 1
    assert_refused(done.stdout, done.messages, path, "not a regular file", "save its content")
    assert_only_sample_imported(done.stdout, tmp_path / "review.db")


def test_unreadable_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() != 0:
        result = cli("import", str(path), str(SAMPLE))
        returncode, stdout, stderr = result.exit_code, result.stdout, result.stderr
    else:  # root reads any file: run the import without that privilege instead
        if not root_can_drop_capabilities():
            pytest.skip("running as root without CAP_SETPCAP: no way to make a file unreadable")
        done = run_gzreview(
            ["import", str(path), str(SAMPLE)], cli.db, preexec=drop_file_override_capabilities
        )
        returncode, stdout, stderr = done.returncode, done.stdout, done.messages
    assert returncode == 1
    assert_refused(stdout, stderr, path, "cannot read the file", "check its permissions")
    assert_only_sample_imported(stdout, cli.db)


def test_gb18030_file_is_imported_with_its_encoding(cli: Cli) -> None:
    path = GALLERY / "gb18030.txt"
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    [(encoding, text)] = select_rows(str(cli.db), select(DOCUMENTS.c.encoding, DOCUMENTS.c.text))
    assert encoding == "gb18030"
    assert text == path.read_bytes().decode("gb18030")
    names = {project.name for project in projects_of(cli.db, path.name)}
    assert "支持发展第8.6代TFT-LCD氧化物半导体显示器件生产项目" in names


def test_file_cut_mid_indicator_keeps_and_flags_the_partial_indicator(cli: Cli) -> None:
    result = cli("import", str(GALLERY / "truncated.txt"))
    assert result.exit_code == 0, result.output
    projects = projects_of(cli.db, "truncated.txt")
    [cut] = [p for p in projects if "unparsed_text" in p.flag_codes]
    assert [indicator.seq for indicator in cut.indicators] == [1, 2, 3, 4]
    assert cut.indicators[-1].name == "落户以来累计创造就业岗"
    assert any("indicator 4" in flag.message for flag in cut.flags)
    assert cut is projects[-1]


def test_numbering_that_skips_or_restarts_is_flagged_not_renumbered(cli: Cli) -> None:
    result = cli("import", str(GALLERY / "numbering.txt"))
    assert result.exit_code == 0, result.output
    flagged = {
        tuple(indicator.seq for indicator in project.indicators): [f.message for f in project.flags]
        for project in projects_of(cli.db, "numbering.txt")
        if "indicator_sequence_gap" in project.flag_codes
    }
    assert set(flagged) == {(1, 2, 5, 4, 5, 6), (1, 2, 3, 1, 5, 6)}
    assert any("numbered 5 where 3" in d for d in flagged[(1, 2, 5, 4, 5, 6)])
    assert any("numbered 1 where 4" in d for d in flagged[(1, 2, 3, 1, 5, 6)])


def test_stray_text_between_blocks_is_kept_and_named_in_a_flag(cli: Cli) -> None:
    result = cli("import", str(GALLERY / "stray_text.txt"))
    assert result.exit_code == 0, result.output
    projects = projects_of(cli.db, "stray_text.txt")
    holders = [p for p in projects if any(STRAY_LINE in f.message for f in p.flags)]
    assert len(holders) == 1
    assert holders[0].target == STRAY_LINE and "missing_indicators" in holders[0].flag_codes
    assert all(STRAY_LINE not in p.target for p in projects if p is not holders[0])


def write_large_file(path: Path, size: int) -> None:
    """Write at least `size` bytes of real table text (the sample, repeated with varying ends)."""
    sample = SAMPLE.read_bytes()
    with path.open("wb") as handle:
        for copy in range(size // len(sample) + 1):
            handle.write(sample + b"\n" * (copy % 7 + 1))


def test_a_50_mb_file_is_refused_within_the_memory_target(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    write_large_file(path, 50 * 1024 * 1024)
    assert path.stat().st_size > MAX_IMPORT_BYTES
    db = tmp_path / "review.db"
    done = run_gzreview(["import", str(path), str(SAMPLE)], db, timeout=120)
    assert done.returncode == 1
    assert_refused(done.stdout, done.messages, path, "MB, more than the", "split it")
    assert_only_sample_imported(done.stdout, db)
    assert done.peak_rss_mb < MEMORY_TARGET_MB


def test_a_folder_mixing_everything_reports_each_file_and_a_summary(
    cli: Cli, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "good").mkdir(parents=True)
    for item in GALLERY.iterdir():
        if item.suffix == ".txt":
            (inbox / item.name).write_bytes(item.read_bytes())
    (inbox / "scan.txt").write_bytes((GALLERY / "image.png").read_bytes())
    (inbox / "good" / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    missing = tmp_path / "missing.txt"
    result = cli("import", str(inbox), str(missing))
    assert result.exit_code == 1
    outcomes = {
        "failed": ["empty.txt", "whitespace.txt", "no_table.txt", "scan.txt", "missing.txt"],
        "imported": [
            "gb18030.txt", "truncated.txt", "numbering.txt", "stray_text.txt", SAMPLE.name
        ],
    }
    lines = result.stdout.splitlines() + result.stderr.splitlines()
    for outcome, names in outcomes.items():
        for name in names:
            [line] = [line for line in lines if f"/{name}" in line]
            assert line.startswith(outcome), line
    assert result.stdout.splitlines()[-1].startswith("Imported 5 documents:")
    assert result.stdout.splitlines()[-1].endswith("0 duplicates skipped; 5 failed.")
    assert imported_files(cli.db) == sorted(outcomes["imported"])
