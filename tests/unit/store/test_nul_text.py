"""Text holding NUL is refused alike on SQLite and PostgreSQL (which cannot store it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store.errors import RefusedError
from store.operations import FlagWithNote, Rename
from store.repository import Repository
from tests.unit.store.conftest import import_document, make_document


@pytest.fixture
def store(database_url: str) -> Iterator[Repository]:
    """Yield a repository with one document, on a SQLite file or a new PostgreSQL database."""
    with Repository.open(database_url, "alice") as repository:
        import_document(repository, make_document(projects=2))
        yield repository


def test_a_note_or_name_with_nul_is_refused_and_nothing_changes(store: Repository) -> None:
    project = store.project(store.project_ids()[0])
    for operation in (FlagWithNote(project.key, "a\x7fb\x00c"), Rename(project.key, "名\x00称")):
        with pytest.raises(RefusedError, match=r"NUL character \(\\x00\)"):
            store.perform(operation, project.versions)
    assert store.project(project.id).version == project.version
    assert store.history() == []
    store.perform(FlagWithNote(project.key, "a\x7fb\x1bc"), project.versions)  # other controls
    assert store.project(project.id).note == "a\x7fb\x1bc"
