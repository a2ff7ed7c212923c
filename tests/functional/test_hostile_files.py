"""Files a user names to `import`, `known import` and `apply`: the same checks, the same sentences.

A pipe must not hang them, a device must not be read until memory runs out, and an oversized or
malformed file is one sentence naming it, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store.user_files import (
    MB,
    NAME_LIST_MAX_BYTES,
    OPERATIONS_MAX_BYTES,
    UnreadableFileError,
    read_user_file,
)
from tests.functional.cli_helpers import SAMPLE, Cli
from tests.helpers.gzreview_process import run_gzreview

COMMANDS = {
    "import": ("import",),
    "known import": ("known", "import"),
    "apply": ("apply",),
}
"""Each command that reads a file a user names, as typed before the path."""


def reason_for(output: str, path: Path) -> str:
    """Return what a command said about `path`: the text after `PATH: ` on the line naming it."""
    [line] = [line for line in output.splitlines() if f"{path}: " in line]
    return line.split(f"{path}: ", 1)[1]


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """A database with the sample imported, so `apply` has projects to work on."""
    runner = Cli(tmp_path / "review.db")
    assert runner("import", str(SAMPLE)).exit_code == 0
    return runner


def test_a_pipe_is_refused_by_every_command_without_hanging(tmp_path: Path, cli: Cli) -> None:
    pipe = tmp_path / "names.fifo"
    os.mkfifo(pipe)
    reasons = set()
    for words in COMMANDS.values():
        done = run_gzreview([*words, str(pipe)], cli.db, timeout=60)
        assert done.returncode in (1, 2) and "Traceback" not in done.messages
        reasons.add(reason_for(done.messages, pipe))
    assert reasons == {
        "not a regular file (a pipe, device or socket); save its content to a file and give "
        "that file"
    }


@pytest.mark.parametrize("words", list(COMMANDS.values()), ids=list(COMMANDS))
def test_a_device_is_refused_before_it_is_read(words: tuple[str, ...], tmp_path: Path) -> None:
    done = run_gzreview([*words, "/dev/zero"], tmp_path / "review.db", timeout=60)
    assert done.returncode in (1, 2)
    assert reason_for(done.messages, Path("/dev/zero")).startswith("not a regular file")
    assert done.peak_rss_mb < 300


def test_a_missing_path_gets_the_same_sentence_everywhere(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "nowhere.txt"
    reasons = set()
    for words in COMMANDS.values():
        result = cli(*words, str(path))
        assert result.exit_code in (1, 2)
        reasons.add(reason_for(result.output, path))
    assert reasons == {"no such file or folder; check the path"}


def test_a_folder_is_refused_with_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="this is a folder; give the path of a file"):
        read_user_file(tmp_path, MB, ("a file", "split it"))


@pytest.mark.parametrize(
    ("words", "limit", "what"),
    [(("known", "import"), NAME_LIST_MAX_BYTES, "a list of names"),
     (("apply",), OPERATIONS_MAX_BYTES, "an operations file")],
)
def test_an_oversized_file_is_refused_before_it_is_read(
    cli: Cli, tmp_path: Path, words: tuple[str, ...], limit: int, what: str
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(limit + MB)  # sparse: costs no disk
    result = cli(*words, str(path))
    assert result.exit_code == 2
    assert f"more than the {limit / MB:.1f} MB gzreview reads as {what}" in result.stderr


def test_a_csv_field_over_128_kib_is_one_sentence(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("name,unit\n" + "长" * 140_000 + ",某单位\n", encoding="utf-8")
    result = cli("known", "import", str(path))
    assert result.exit_code == 2
    assert f"{path}: line 2 cannot be read as CSV (field larger than field limit" in result.stderr
    assert "Traceback" not in result.output


def test_a_first_line_over_128_kib_is_one_sentence(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_text('"' + "长" * 140_000 + "\n", encoding="utf-8")
    result = cli("known", "import", str(path))
    assert result.exit_code == 2 and "cannot be read as CSV" in result.stderr
