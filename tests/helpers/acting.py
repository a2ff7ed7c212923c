"""Acting as a reviewer in tests: an operation performed on a fresh view of its project."""

from __future__ import annotations

from store.operations import (
    EditIndicatorField,
    EditProjectField,
    FlagWithNote,
    IndicatorRef,
    MergeWithNext,
    Note,
    Operation,
    Rename,
    Reopen,
    SplitTarget,
    Verify,
    Versions,
)
from store.repository import Repository
from store.views import Performed


def fresh_view(repository: Repository, operation: Operation) -> dict[str, int]:
    """Return the versions a reviewer who just opened the operation's project has seen.

    That is the project and its unit neighbours and, for a rename, the project holding the name
    (as the rename picker shows it).
    """
    detail = repository.project(repository.project_id_of(operation.project))
    seen = dict(detail.versions)
    if isinstance(operation, Rename):
        holder = repository.name_pool(detail.id).holder_of(operation.new_name)
        if holder is not None:
            seen[holder.key] = holder.version
    return seen


def act(
    repository: Repository, operation: Operation, based_on: Versions | None = None
) -> Performed:
    """Perform `operation` based on `based_on`, or on a fresh view of its project."""
    seen = fresh_view(repository, operation) if based_on is None else based_on
    return repository.perform(operation, seen)


def key_of(repository: Repository, project_id: int) -> str:
    """Return a project's stable key."""
    return repository.project(project_id).key


def _by_id(
    repository: Repository, operation: Operation, version: int | None
) -> Performed:
    """Perform on a fresh view, with the project's own version as the caller gives it."""
    seen = fresh_view(repository, operation)
    if version is not None:
        seen[operation.project] = version
    return repository.perform(operation, seen)


def verify(repository: Repository, project_id: int, version: int | None = None) -> Performed:
    """Verify a project by id, based on `version` (default: as it is now)."""
    return _by_id(repository, Verify(key_of(repository, project_id)), version)


def flag(
    repository: Repository, project_id: int, note: str, version: int | None = None
) -> Performed:
    """Flag a project by id with a note."""
    return _by_id(repository, FlagWithNote(key_of(repository, project_id), note), version)


def reopen(repository: Repository, project_id: int, version: int | None = None) -> Performed:
    """Put a project back to unreviewed by id."""
    return _by_id(repository, Reopen(key_of(repository, project_id)), version)


def set_note(
    repository: Repository, project_id: int, note: str, version: int | None = None
) -> Performed:
    """Replace a project's note by id."""
    return _by_id(repository, Note(key_of(repository, project_id), note), version)


def rename(
    repository: Repository, project_id: int, name: str, version: int | None = None
) -> Performed:
    """Rename a project by id (swapping with the holder of the name, as the picker would)."""
    return _by_id(repository, Rename(key_of(repository, project_id), name), version)


def merge_with_next(
    repository: Repository, project_id: int, version: int | None = None
) -> Performed:
    """Merge the next project of the unit into this one, by id."""
    return _by_id(repository, MergeWithNext(key_of(repository, project_id)), version)


def split_target(
    repository: Repository, project_id: int, offset: int, name: str, version: int | None = None
) -> Performed:
    """Split a project's target at `offset` into a new project named `name`, by id."""
    return _by_id(repository, SplitTarget(key_of(repository, project_id), offset, name), version)


def edit_field(
    repository: Repository, project_id: int, field: str, value: str, version: int | None = None
) -> Performed:
    """Replace a project field by id."""
    operation = EditProjectField(key_of(repository, project_id), field, value)
    return _by_id(repository, operation, version)


def edit_indicator(
    repository: Repository, project_id: int, indicator_id: int, field: str, value: str | int
) -> Performed:
    """Replace a field of one of the project's indicators (named by id) as it is now."""
    detail = repository.project(project_id)
    indicator = next(item for item in detail.indicators if item.id == indicator_id)
    reference = IndicatorRef(span_start=indicator.span[0])
    operation = EditIndicatorField(detail.key, reference, field, value)
    return repository.perform(operation, detail.versions)
