"""Export headings in the reviewer's language (#14.3), and the progress bar of a long export."""

from __future__ import annotations

import csv
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from store.repository import Repository
from tests.functional.cli_helpers import sample_cli
from tests.helpers.acting import verify
from tests.unit.i18n.cli_runs import run

CHINESE_PROJECT_HEADERS = {
    "项目名称", "单位", "绩效目标", "状态", "核实人", "核实时间", "备注",
}
CHINESE_INDICATOR_HEADERS = {
    "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with its first project verified."""
    path = tmp_path_factory.mktemp("headers") / "review.db"
    sample_cli(path)
    with Repository.open(path, "王小明") as repository:
        verify(repository, repository.project_ids()[0])
    return path


def _export(db: Path, output: Path, *options: str, language: str = "en") -> Path:
    """Export every project under the locale of `language`; return the output."""
    result = run("export", "--all", "-o", str(output), *options, language=language,
                 env={"GZREVIEW_DB": str(db)})
    assert result.exit_code == 0, result.output
    return output


def _sheets(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Return every sheet's rows by sheet name."""
    book = load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_xlsx_under_the_chinese_interface_reads_as_the_app(db: Path, tmp_path: Path) -> None:
    sheets = _sheets(_export(db, tmp_path / "x.xlsx", "--format", "xlsx", language="zh"))
    assert list(sheets) == ["项目", "指标"]
    projects, indicators = sheets["项目"], sheets["指标"]
    assert set(projects[0]) >= CHINESE_PROJECT_HEADERS
    assert set(indicators[0]) >= CHINESE_INDICATOR_HEADERS
    assert not any(str(cell).isascii() for cell in projects[0] + indicators[0])
    status = projects[0].index("状态")
    assert [row[status] for row in projects[1:3]] == ["已核实", "未审核"]
    assert projects[1][projects[0].index("核实人")] == "王小明"


def test_xlsx_under_the_english_interface_has_the_stable_keys(db: Path, tmp_path: Path) -> None:
    sheets = _sheets(_export(db, tmp_path / "x.xlsx", "--format", "xlsx"))
    assert list(sheets) == ["projects", "indicators"]
    header = sheets["projects"][0]
    assert header[:7] == ("key", "document", "department", "unit", "name", "target", "status")
    assert {"verified_by", "verified_at", "note"} <= set(header)
    assert sheets["indicators"][0][7] == "indicator_name"
    assert [row[6] for row in sheets["projects"][1:3]] == ["verified", "unreviewed"]


@pytest.mark.parametrize(("asked", "interface"), [("en", "zh"), ("zh", "en")])
def test_headers_choose_the_language_whatever_the_interface(
    db: Path, tmp_path: Path, asked: str, interface: str
) -> None:
    output = tmp_path / "x.xlsx"
    sheets = _sheets(_export(db, output, "--format", "xlsx", "--headers", asked,
                             language=interface))
    assert list(sheets) == (["项目", "指标"] if asked == "zh" else ["projects", "indicators"])


def _csv_rows(path: Path) -> list[dict[str, str]]:
    """Return a CSV export's rows (UTF-8 with BOM) by header."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_keeps_the_stable_keys_under_the_chinese_interface(db: Path, tmp_path: Path) -> None:
    rows = _csv_rows(_export(db, tmp_path / "x.csv", "--format", "csv", language="zh"))
    assert rows[0]["status"] == "verified" and "name" in rows[0] and "indicator_name" in rows[0]


def test_csv_in_chinese_when_asked(db: Path, tmp_path: Path) -> None:
    rows = _csv_rows(_export(db, tmp_path / "x.csv", "--format", "csv", "--headers", "zh"))
    assert set(rows[0]) >= (CHINESE_PROJECT_HEADERS | CHINESE_INDICATOR_HEADERS)
    assert rows[0]["状态"] == "已核实" and rows[-1]["状态"] == "未审核"
    assert rows[0]["三级指标"] and rows[0]["项目名称"] != rows[0]["三级指标"]


@pytest.mark.parametrize("fmt", ["jsonl", "datapackage"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_headers_are_refused_for_the_machine_formats(
    db: Path, tmp_path: Path, fmt: str, language: str
) -> None:
    output = tmp_path / ("x.jsonl" if fmt == "jsonl" else "package")
    result = run("export", "--all", "--format", fmt, "--headers", "zh", "-o", str(output),
                 language=language, env={"GZREVIEW_DB": str(db)})
    assert result.exit_code == 2
    assert "--headers" in result.stderr and "Traceback" not in result.output
    assert ("只适用于" in result.stderr) == (language == "zh")
    assert list(tmp_path.iterdir()) == []


def test_no_progress_bar_when_stderr_is_not_a_terminal(db: Path, tmp_path: Path) -> None:
    result = run("export", "--all", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"),
                 env={"GZREVIEW_DB": str(db)})
    assert result.stderr.strip() == "Exported 34 projects (168 indicators) to " + str(
        tmp_path / "x.xlsx") + "."


@pytest.mark.parametrize(("language", "label"), [("en", "Exporting"), ("zh", "正在导出")])
def test_a_progress_bar_on_a_terminal_in_the_interface_language(
    db: Path, tmp_path: Path, language: str, label: str
) -> None:
    main, terminal = pty.openpty()
    environment = dict(os.environ, GZREVIEW_DB=str(db), GZREVIEW_LANG=language)
    command = [sys.executable, "-c", "from tui.cli import main; main()", "export", "--all",
               "--format", "xlsx", "-o", str(tmp_path / "x.xlsx")]
    with subprocess.Popen(command, stderr=terminal, stdout=subprocess.DEVNULL,
                          stdin=subprocess.DEVNULL, env=environment) as process:
        os.close(terminal)
        shown = b""
        while True:
            ready, _, _ = select.select([main], [], [], 60)
            try:
                chunk = os.read(main, 4096) if ready else b""
            except OSError:  # the terminal closed with the process
                chunk = b""
            if not chunk:
                break
            shown += chunk
        assert process.wait(timeout=60) == 0
    os.close(main)
    text = shown.decode("utf-8", "replace")
    assert label in text and "100%" in text
    assert (tmp_path / "x.xlsx").exists()
