"""The rename picker's candidates: names of the unit, the parser's alternatives, known names.

Before anything is typed, candidates are ranked by how well each name fits the project's target
and indicator names (`parser.fit_score`, 0..1); once the reviewer types, by rapidfuzz similarity
to the query through `store.name_search.NameIndex` (scaled to 0..1). Each candidate names the
project of the same document and unit that holds it now, so choosing it is seen to swap.
"""

from __future__ import annotations

from sqlalchemy import or_
from sqlmodel import Session, col, select

from parser import fit_score
from store.models import KnownNameRow, ProjectRow
from store.name_search import cached_index
from store.reshape import indicators_of
from store.views import NameChoice, Status

SUMMARY_CHARS = 24
"""How much of a holder's target its short summary shows."""


def _holder_summary(row: ProjectRow, current_id: int | None) -> str:
    """Return a short description of the project holding a name: which one, and what it is about."""
    if row.id == current_id:
        return "this project"
    target = row.target[:SUMMARY_CHARS] + ("…" if len(row.target) > SUMMARY_CHARS else "")
    return f"#{row.id} {target}" if target else f"#{row.id}"


def _sources(session: Session, row: ProjectRow) -> tuple[dict[str, str], list[ProjectRow]]:
    """Return every candidate name with where it comes from, and the unit's projects."""
    unit_rows = list(
        session.exec(
            select(ProjectRow)
            .where(ProjectRow.document_id == row.document_id, ProjectRow.unit == row.unit)
            .order_by(col(ProjectRow.position), col(ProjectRow.id))
        ).all()
    )
    names: dict[str, str] = {}
    for project in unit_rows:
        for name in [project.name, *(str(item[0]) for item in project.absorbed_names)]:
            names.setdefault(name, "unit")
    for item in row.alternatives:
        names.setdefault(str(item[0]), "parser")
    unit_column = col(KnownNameRow.unit)
    known = session.exec(
        select(KnownNameRow.name)
        .where(or_(unit_column == row.unit, unit_column == ""))
        .order_by(col(KnownNameRow.id))
    ).all()
    verified = session.exec(
        select(ProjectRow.name)
        .where(ProjectRow.unit == row.unit, ProjectRow.status == Status.VERIFIED.value)
        .order_by(col(ProjectRow.id))
    ).all()
    for name in [*known, *verified]:
        names.setdefault(name, "known")
    names.pop("", None)
    return names, unit_rows


def _holder(name: str, row: ProjectRow, unit_rows: list[ProjectRow]) -> ProjectRow | None:
    """Return the unit's project holding a name, this project first, else the nearest one."""
    holders = [project for project in unit_rows if project.name == name]
    if not holders:
        return None
    return min(holders, key=lambda project: (project.id != row.id,
                                             abs(project.position - row.position)))


def _ranked(row: ProjectRow, names: list[str], query: str, limit: int,
            session: Session) -> list[tuple[str, float]]:
    """Return (name, score 0..1) best first: by fit to the project, or by similarity to `query`."""
    if query.strip():
        return [(name, round(score / 100.0, 4)) for name, score in
                cached_index(names).top(query, limit)]
    indicator_names = [item.name for item in indicators_of(session, row.id)]
    scored = [(name, round(fit_score(name, row.target, indicator_names), 4)) for name in names]
    order = {name: index for index, name in enumerate(names)}
    scored.sort(key=lambda pair: (-pair[1], order[pair[0]]))
    return scored[:limit]


def name_candidates(session: Session, row: ProjectRow, query: str, limit: int) -> list[NameChoice]:
    """Return up to `limit` names for a project, ranked, each with the project holding it now."""
    names, unit_rows = _sources(session, row)
    choices = []
    for name, score in _ranked(row, list(names), query, max(0, limit), session):
        holder = _holder(name, row, unit_rows)
        choices.append(
            NameChoice(
                name=name,
                score=score,
                source=names[name],
                holder_project_id=None if holder is None else holder.id,
                holder_summary="" if holder is None else _holder_summary(holder, row.id),
            )
        )
    return choices
