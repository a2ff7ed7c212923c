"""Text holding NUL is refused alike on SQLite and PostgreSQL (which cannot store it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store.errors import RefusedError
from store.operations import FlagWithNote, Rename
from store.repository import Repository
from tests.helpers.postgres import create_database, drop_database
from tests.unit.store.conftest import import_document, make_document


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    """Yield a repository with one document, on a SQLite file or a new PostgreSQL database."""
    if request.param == "sqlite":
        location, name = str(tmp_path / "store.db"), None
    else:
        name, location = create_database()
    try:
        with Repository.open(location, "alice") as repository:
            import_document(repository, make_document(projects=2))
            yield repository
    finally:
        if name is not None:
            drop_database(name)


def test_a_note_or_name_with_nul_is_refused_and_nothing_changes(store: Repository) -> None:
    project = store.project(store.project_ids()[0])
    for operation in (FlagWithNote(project.key, "a\x7fb\x00c"), Rename(project.key, "名\x00称")):
        with pytest.raises(RefusedError, match=r"NUL character \(\\x00\)"):
            store.perform(operation, project.versions)
    assert store.project(project.id).version == project.version
    assert store.history() == []
    store.perform(FlagWithNote(project.key, "a\x7fb\x1bc"), project.versions)  # other controls
    assert store.project(project.id).note == "a\x7fb\x1bc"
