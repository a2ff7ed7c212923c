"""`gzreview import` and `gzreview stats` show each document's findings with their lines."""

from __future__ import annotations

import re
from pathlib import Path

from tests.databases import Databases
from tests.functional.cli_helpers import SAMPLE, Cli


def _cut_sample(folder: Path) -> tuple[Path, str]:
    """Write the sample cut off in the middle of a name line (no line break after it)."""
    text = SAMPLE.read_text(encoding="utf-8")
    cut = text[: text.index("自动驾驶混行试点示范运") + len("自动驾驶混行试点示范运")]
    path = folder / "cut.txt"
    path.write_text(cut, encoding="utf-8")
    return path, cut


def test_import_prints_the_findings_of_a_cut_file(databases: Databases, tmp_path: Path) -> None:
    cli = Cli(databases.new("g"))
    path, text = _cut_sample(tmp_path)
    result = cli("import", str(path), str(SAMPLE))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    cut_at = next(i for i, line in enumerate(lines) if line.startswith(f"imported {path}"))
    expected = text.count("\n") + 1
    assert lines[cut_at + 1].startswith(f"  line {expected}: truncated: ")
    assert "自动驾驶混行试点示范运" in lines[cut_at + 1]
    sample_at = next(i for i, line in enumerate(lines) if line.startswith(f"imported {SAMPLE}"))
    assert not lines[sample_at + 1].startswith("  line")  # the whole sample has none


def test_stats_lists_findings_per_document(databases: Databases, tmp_path: Path) -> None:
    cli = Cli(databases.new("g"))
    path, _ = _cut_sample(tmp_path)
    stray = tmp_path / "stray.txt"
    stray.write_text(
        "部门名称：广州市测试局\n\n    巡检项目\n\n通过开展巡检工作。\n\n"
        "1、1-产出指标；11-数量指标；巡检次数；实施周期指标值:12次；年度指标值:12次。\n\n"
        "    孤立的名称\n\n    档案项目\n\n通过开展档案工作。\n\n"
        "1、1-产出指标；11-数量指标；档案数；实施周期指标值:12份；年度指标值:12份。\n",
        encoding="utf-8",
    )
    assert cli("import", str(path), str(stray), str(SAMPLE)).exit_code == 0
    output = cli("stats").output
    section = output[output.index("Document findings") :]
    assert re.search(r"cut\.txt \(document 1\):\n  line \d+: truncated: ", section)
    assert "stray.txt (document 2):\n  line 9: unassigned_name: name “孤立的名称”" in section
    assert SAMPLE.name not in section


def test_stats_without_findings_has_no_findings_section(
    databases: Databases, tmp_path: Path
) -> None:
    cli = Cli(databases.new("g"))
    cli("import", str(SAMPLE))
    assert "Document findings" not in cli("stats").output


def test_parse_table_names_a_cut_off_end(databases: Databases, tmp_path: Path) -> None:
    path, _ = _cut_sample(tmp_path)
    output = Cli(databases.new("g"))("parse", "--format", "table", str(path)).output
    assert output.splitlines()[-1].startswith("   -  truncated: the document stops mid-line")
