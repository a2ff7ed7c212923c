"""Tests read English unless they choose a language, whatever the machine's locale says.

Tests that touch the store run on SQLite and, with GZREVIEW_TEST_POSTGRES set, on PostgreSQL
too (tests/databases.py; docs/testing.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

from store.i18n import LANGUAGE_ENV, set_language
from tests.databases import (
    POSTGRES_ENV,
    SKIP_REASON,
    Databases,
    PostgresDatabases,
    PostgresServer,
    SqliteDatabases,
    Templates,
    import_sample,
)

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pytest_configure(config: pytest.Config) -> None:
    """Pin English for gzreview runs started by tests too (subprocesses inherit the variable)."""
    os.environ[LANGUAGE_ENV] = "en"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without a test server, leave the PostgreSQL half out (said once, in the summary); with
    one, run the layout tests there at one terminal size."""
    if os.environ.get(POSTGRES_ENV):
        other_sizes = [item for item in items if _another_terminal_size_on_postgres(item)]
        if other_sizes:
            config.hook.pytest_deselected(items=other_sizes)
            items[:] = [item for item in items if not _another_terminal_size_on_postgres(item)]
        return
    left_out = [item for item in items if item.get_closest_marker("postgres")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]


def _another_terminal_size_on_postgres(item: pytest.Item) -> bool:
    """Tell whether a test is the PostgreSQL run of a layout test at a size other than 160×45:
    the layout does not depend on the back end, so one size there proves the data path (and
    keeps the doubled suite within CI's ten minutes)."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    return params.get("backend") == "postgresql" and params.get("size", (160, 45)) != (160, 45)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say in one line how to run the PostgreSQL half when it was left out."""
    if not os.environ.get(POSTGRES_ENV):
        terminalreporter.write_line(f"Not run: the {SKIP_REASON}.")


@pytest.fixture(autouse=True)
def english_interface() -> Iterator[None]:
    """Start and leave every test with the English interface (the language is process-wide)."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The back end a store-touching test runs on; PostgreSQL only when a server is named."""
    name: str = request.param
    if name == "postgresql" and not os.environ.get(POSTGRES_ENV):
        pytest.skip(SKIP_REASON)  # not reached: such tests are deselected without a server
    return name


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """This worker's connection to the test server (made on first use only)."""
    server = PostgresServer(os.environ[POSTGRES_ENV])
    yield server
    server.close()


@pytest.fixture
def databases(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Databases]:
    """New databases for this test on its back end, removed after it (SQLite files in a folder
    of their own, so tests that check what else their tmp_path holds find no database there)."""
    if backend == "sqlite":
        yield SqliteDatabases(tmp_path_factory.mktemp("databases"))
        return
    made = PostgresDatabases(request.getfixturevalue("postgres_server"))
    yield made
    made.drop_all()


@pytest.fixture
def fresh_postgres(postgres_server: PostgresServer) -> Iterator[str]:
    """A new PostgreSQL database with no tables yet (first opens, upgrades), dropped after."""
    url = postgres_server.create_blank()
    yield url
    postgres_server.drop_later(url)


@pytest.fixture
def database_url(databases: Databases) -> str:
    """One new, empty database for this test: a SQLite file path or a PostgreSQL URL."""
    return databases.new("store")


@pytest.fixture(scope="session")
def templates(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Templates:
    """Databases built once per run and back end, copied for each test that needs one."""

    def server() -> PostgresServer:
        found: PostgresServer = request.getfixturevalue("postgres_server")
        return found

    return Templates(tmp_path_factory.mktemp("templates"), server)


@pytest.fixture
def new_sample(databases: Databases, templates: Templates) -> Callable[[], str]:
    """Make fresh databases holding an import of the sample (copies of one template per run)."""
    return lambda: templates.copy(databases, "sample", import_sample)


@pytest.fixture
def sample_url(new_sample: Callable[[], str]) -> str:
    """A fresh database holding an import of the sample."""
    return new_sample()
