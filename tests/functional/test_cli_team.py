"""`gzreview claims`, `claims release` and `stats --by-reviewer` on a sample database."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from store.repository import Repository
from tests.databases import Databases
from tests.functional.cli_helpers import Cli, sample_cli, variant_of_sample
from tests.helpers.acting import flag, rename, verify

SAMPLE_FILE = "000_a843d2df25de4824.txt"


@pytest.fixture
def cli(databases: Databases, tmp_path: Path) -> Cli:
    return sample_cli(databases.new("team"))


def _claim(cli: Cli, reviewer: str, document_id: int = 1) -> None:
    with Repository.open(cli.db, reviewer) as repository:
        repository.take_claim(document_id)


def _claimants(cli: Cli) -> list[tuple[int, str]]:
    with Repository.open(cli.db, "check") as repository:
        return [(claim.document_id, claim.reviewer) for claim in repository.claims()]


def test_claims_lists_document_reviewer_since_and_last_active(cli: Cli) -> None:
    assert "No document is claimed" in cli("claims").stdout
    _claim(cli, "alice")
    lines = cli("claims").stdout.splitlines()
    assert lines[0].split() == ["document", "reviewer", "since", "last", "active"]
    cells = lines[1].split()
    assert cells[:2] == [SAMPLE_FILE, "alice"]
    since = datetime.fromisoformat(" ".join(cells[2:4]))
    assert abs(since - datetime.now()) < timedelta(minutes=2)  # local time, to the minute
    assert cells[2:4] == cells[4:6]


def test_release_by_reviewer_and_by_document(cli: Cli, tmp_path: Path) -> None:
    assert cli("import", str(variant_of_sample(tmp_path, "b.txt", "\n尾"))).exit_code == 0
    _claim(cli, "alice", 1)
    _claim(cli, "bob", 2)
    result = cli("claims", "release", "--reviewer", "bob")
    assert result.stdout.strip() == "Released 1 claim."
    assert _claimants(cli) == [(1, "alice")]
    assert cli("claims", "release", "--document", "b.txt").stdout.strip() == "Released 0 claims."
    assert cli("claims", "release", "--document", SAMPLE_FILE).stdout.strip() == (
        "Released 1 claim."
    )
    assert _claimants(cli) == []


def test_release_without_options_frees_every_claim(cli: Cli) -> None:
    _claim(cli, "alice")
    assert cli("claims", "release").stdout.strip() == "Released 1 claim."
    assert _claimants(cli) == []


def test_release_of_an_unknown_document_is_one_sentence(cli: Cli) -> None:
    _claim(cli, "alice")
    result = cli("claims", "release", "--document", "nope.txt")
    assert result.exit_code == 2
    assert "No document 'nope.txt'" in result.stderr and "gzreview stats" in result.stderr
    assert _claimants(cli) == [(1, "alice")]


def _review(cli: Cli) -> None:
    """Alice verifies two projects and renames one; Bob flags one."""
    with Repository.open(cli.db, "alice") as alice, Repository.open(cli.db, "bob") as bob:
        first, second, third, fourth = alice.project_ids()[:4]
        verify(alice, first)
        verify(alice, second)
        rename(alice, third, "新的名称")
        flag(bob, fourth, "名称不对")


def test_stats_by_reviewer_counts_days_and_totals(cli: Cli) -> None:
    _review(cli)
    lines = [line.split() for line in cli("stats", "--by-reviewer").stdout.splitlines()]
    today = date.today().isoformat()
    assert lines[1] == ["reviewer", "day", "verified", "flagged", "corrections"]
    assert lines[2:] == [
        ["alice", today, "2", "0", "1"],
        ["alice", "total", "2", "0", "1"],
        ["bob", today, "0", "1", "0"],
        ["bob", "total", "0", "1", "0"],
        ["everyone", "total", "2", "1", "1"],
    ]


def test_stats_by_reviewer_and_document(cli: Cli) -> None:
    _review(cli)
    lines = [line.split() for line in cli("stats", "--by-reviewer", "--by-document").stdout
             .splitlines()]
    assert lines[1] == ["reviewer", "day", "document", "verified", "flagged", "corrections"]
    assert lines[2][2:] == [SAMPLE_FILE, "2", "0", "1"]


def test_stats_by_reviewer_before_any_review(cli: Cli) -> None:
    assert "Nobody has verified" in cli("stats", "--by-reviewer").stdout


def test_by_document_alone_is_refused_with_a_hint(cli: Cli) -> None:
    result = cli("stats", "--by-document")
    assert result.exit_code == 2 and "add --by-reviewer" in result.stderr
