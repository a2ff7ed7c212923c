"""`gzreview review` and a bare `gzreview`: what they open, import and refuse (app stubbed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.repository import Repository
from tests.functional.cli_helpers import Cli
from tui.app import ReviewApp


@pytest.fixture
def opened_apps(monkeypatch: pytest.MonkeyPatch) -> list[ReviewApp]:
    """Record the apps the command would run instead of taking over the terminal."""
    apps: list[ReviewApp] = []
    monkeypatch.setattr(ReviewApp, "run", lambda self, *args, **kwargs: apps.append(self))
    return apps


def test_bare_gzreview_imports_the_sample_into_an_empty_database_file_and_says_so(
    tmp_path: Path, opened_apps: list[ReviewApp]
) -> None:
    database_url = str(tmp_path / "new.db")
    result = Cli(database_url)()
    assert result.exit_code == 0, result.output
    assert "bundled sample" in result.output and "34 projects" in result.output
    assert len(opened_apps) == 1 and opened_apps[0].notice
    with Repository.open(database_url, "checker") as store:
        assert len(store.project_ids()) == 34
    again = Cli(database_url)()
    assert "bundled sample" not in again.output
    assert len(opened_apps) == 2 and not opened_apps[1].notice


@pytest.mark.postgres
def test_bare_gzreview_never_puts_the_sample_onto_a_shared_server(
    fresh_postgres: str, opened_apps: list[ReviewApp]
) -> None:
    server_database = fresh_postgres
    result = Cli(server_database)()
    assert result.exit_code == 2
    assert "gzreview import" in result.output and "never onto a shared server" in result.output
    assert opened_apps == []
    with Repository.open(server_database, "checker") as store:
        assert store.is_empty()


def test_review_refuses_an_empty_database(
    database_url: str, opened_apps: list[ReviewApp]
) -> None:
    result = Cli(database_url)("review")
    assert result.exit_code == 2
    assert "gzreview import" in result.output and opened_apps == []


def test_review_opens_one_document_by_name_or_refuses_an_unknown_one(
    sample_db: str, opened_apps: list[ReviewApp]
) -> None:
    cli = Cli(sample_db)
    assert cli("review", "--document", "000_a843d2df25de4824.txt").exit_code == 0
    assert opened_apps[0].document_id == 1
    result = cli("review", "--document", "missing.txt")
    assert result.exit_code == 2 and "gzreview stats" in result.output
    assert len(opened_apps) == 1
