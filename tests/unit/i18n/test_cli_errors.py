"""Every error sentence of the command line, word for word, in English and in Chinese."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from store.repository import Repository
from tests.unit.i18n.cli_runs import run


@dataclass(frozen=True)
class Case:
    """One mistake: how to make it (args from a folder) and the sentence in each language."""

    args: Callable[[Path], list[str]]
    english: str
    chinese: str
    exit_code: int = 2


def _file(folder: Path, name: str, content: bytes) -> str:
    (folder / name).write_bytes(content)
    return str(folder / name)


CASES = {
    "export without --output": Case(
        lambda d: ["export", "--format", "csv", "--db", f"{d}/e.db"],
        "Error: --format csv writes a file: give it with --output PATH",
        "错误：--format csv 需要写入文件：请用 --output PATH 指定文件",
    ),
    "review a database that does not exist": Case(
        lambda d: ["review", "--db", f"{d}/typo.db"],
        "Error: {d}/typo.db: no such database file; check --db or GZREVIEW_DB, or import "
        "documents into it first with `gzreview import FILE… --db {d}/typo.db`",
        "错误：{d}/typo.db：数据库文件不存在；请检查 --db 或 GZREVIEW_DB，"
        "或先用 `gzreview import FILE… --db {d}/typo.db` 将文档导入其中",
    ),
    "review a document not imported": Case(
        lambda d: ["review", "--db", f"{d}/sample.db", "--document", "nope.txt"],
        "Error: No document 'nope.txt' in {d}/sample.db; `gzreview stats` lists the documents.",
        "错误：{d}/sample.db 中没有文档 'nope.txt'；`gzreview stats` 可列出所有文档。",
    ),
    "known names from a missing file": Case(
        lambda d: ["known", "import", f"{d}/missing.csv", "--db", f"{d}/k.db"],
        "Error: {d}/missing.csv: no such file or folder; check the path",
        "错误：{d}/missing.csv：文件或文件夹不存在；请检查路径",
    ),
    "known names not in a known encoding": Case(
        lambda d: ["known", "import", _file(d, "names.csv", b"\xff\xfe\xfa"), "--db", f"{d}/k.db"],
        "Error: {d}/names.csv: not UTF-8 or GB18030 text; save the list of names as UTF-8 text",
        "错误：{d}/names.csv：不是 UTF-8 或 GB18030 文本；请把名称列表另存为 UTF-8 文本",
    ),
    "known names file without names": Case(
        lambda d: ["known", "import", _file(d, "names.csv", b"name\n\n"), "--db", f"{d}/k.db"],
        "Error: {d}/names.csv: no names found; write one name a line, or a CSV with a name column",
        "错误：{d}/names.csv：没有找到名称；请每行写一个名称，或使用带 name 列的 CSV",
    ),
    "apply a missing file": Case(
        lambda d: ["apply", f"{d}/ops.jsonl", "--db", f"{d}/a.db"],
        "Error: {d}/ops.jsonl: no such file or folder; check the path",
        "错误：{d}/ops.jsonl：文件或文件夹不存在；请检查路径",
    ),
    "apply a file that is not UTF-8": Case(
        lambda d: ["apply", _file(d, "ops.jsonl", b"\xff\xfe\xfa"), "--db", f"{d}/a.db"],
        "Error: {d}/ops.jsonl: not UTF-8 text; pass a file written by `gzreview history --json`",
        "错误：{d}/ops.jsonl：不是 UTF-8 文本；请传入由 `gzreview history --json` 写出的文件",
    ),
    "apply a folder": Case(
        lambda d: ["apply", str(d)],
        "Error: Invalid value for 'OPERATIONS': File '{d}' is a directory.",
        "错误：'OPERATIONS' 的值无效：文件 '{d}' 是文件夹。",
    ),
    "import a folder without text files": Case(
        lambda d: ["import", str(d), "--db", f"{d}/i.db"],
        "failed: {d}: no *.txt file in this folder",
        "失败：{d}：此文件夹中没有 *.txt 文件",
        exit_code=1,
    ),
    "an option no command has": Case(
        lambda d: ["stats", "--bogus"],
        "Error: No such option '--bogus'.",
        "错误：没有选项 '--bogus'。",
    ),
    "a missing argument": Case(
        lambda d: ["parse"], "Error: Missing argument 'FILE'.", "错误：缺少参数 'FILE'."
    ),
    "a value not among the choices": Case(
        lambda d: ["export", "--format", "pdf"],
        "Error: Invalid value for '--format': 'pdf' is not one of 'jsonl', 'csv', 'xlsx', "
        "'datapackage'.",
        "错误：'--format' 的值无效：'pdf' 不是 'jsonl', 'csv', 'xlsx', 'datapackage' 之一。",
    ),
    "a number out of range": Case(
        lambda d: ["import", "--jobs", "0", str(d)],
        "Error: Invalid value for '--jobs' / '-j': 0 is not in the range x>=1.",
        "错误：'--jobs' / '-j' 的值无效：0 不在范围 x>=1 内。",
    ),
    "a command that does not exist": Case(
        lambda d: ["zzz"], "Error: No such command 'zzz'.", "错误：没有命令 'zzz'。"
    ),
}


@pytest.fixture(scope="module")
def sample_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the bundled sample, copied into each test's folder."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with Repository.open(path, "tester") as repository:
        repository.ensure_sample()
    return path


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", CASES)
def test_error_is_one_sentence_in_the_language(
    name: str, language: str, tmp_path: Path, sample_database: Path
) -> None:
    case = CASES[name]
    shutil.copy(sample_database, tmp_path / "sample.db")
    result = run(*case.args(tmp_path), language=language)
    sentence = case.english if language == "en" else case.chinese
    assert result.exit_code == case.exit_code, result.output
    assert sentence.format(d=tmp_path) == result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_unreadable_operations_file_says_why_in_the_language(
    language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    operations = tmp_path / "ops.jsonl"
    operations.write_text("", encoding="utf-8")

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("store.user_files.os.open", refuse)
    result = run("apply", str(operations), "--db", f"{tmp_path}/a.db", language=language)
    expected = {
        "en": f"Error: {operations}: cannot read the file (permission denied); check its "
        "permissions",
        "zh": f"错误：{operations}：无法读取文件（没有权限）；请检查其权限",
    }
    assert result.exit_code == 2 and result.stderr.strip() == expected[language]
