"""The store's invariants: the text claimed once, no indicator lost, indicators in source order.

A document's text is divided among its projects' fields (name, target and indicator spans, plus
the printed names of projects merged into them) and the document's noise spans kept at import
(page headers, title, unit headers, names no block took, unreadable text). Every non-blank
character must be claimed exactly once. `check_edit` runs inside every logged edit and refuses a
change whose projects claim other text, or other indicators, after it than before: since every
document starts valid at import, that keeps the whole document valid at a cost proportional to the
projects touched, not to the document. `document_problems` checks one document from scratch (for
tests, crash recovery and old databases).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from store.errors import InvariantError
from store.models import DOCUMENTS, INDICATORS, PROJECTS

Span = tuple[int, int]
Snapshot = Mapping[Any, Any]
"""A project row (or snapshot) with `indicators` where a snapshot carries them."""


def spans_of(value: Iterable[Sequence[int]] | None) -> list[Span]:
    """Return JSON span pairs as tuples, skipping empty ones."""
    return [(int(pair[0]), int(pair[1])) for pair in value or () if int(pair[1]) > int(pair[0])]


def absorbed_spans(absorbed_names: Iterable[Sequence[Any]] | None) -> list[Span]:
    """Return the spans of the printed names a project absorbed by merges (`[name, spans]`)."""
    return [span for item in absorbed_names or () for span in spans_of(item[1])]


def indicator_span(indicator: Mapping[Any, Any]) -> Span | None:
    """Return an indicator's source span, or None for one without a span."""
    start, end = indicator.get("span_start"), indicator.get("span_end")
    return None if start is None or end is None else (int(start), int(end))


def project_claims(project: Snapshot, indicators: Iterable[Mapping[Any, Any]]) -> list[Span]:
    """Return every span of text a project claims: name, target, indicators, absorbed names."""
    claims = spans_of(project["name_spans"]) + spans_of(project["target_spans"])
    claims += absorbed_spans(project.get("absorbed_names"))
    claims += [span for item in indicators if (span := indicator_span(item)) is not None]
    return claims


def coverage_steps(spans: Iterable[Span]) -> dict[int, int]:
    """Return where the number of spans covering a position changes, and by how much."""
    steps: Counter[int] = Counter()
    for start, end in spans:
        if end > start:
            steps[start] += 1
            steps[end] -= 1
    return {position: step for position, step in steps.items() if step}


def _indicator_identities(snapshot: Snapshot) -> Counter[tuple[int, int | None]]:
    """Return the indicators of a project by their place in the source (order and span start)."""
    return Counter(
        (int(item["source_order"]), item.get("span_start")) for item in snapshot["indicators"]
    )


def check_edit(before: Mapping[str, Snapshot | None], after: Mapping[str, Snapshot | None]) -> None:
    """Refuse an edit whose projects claim other text or indicators after it than before."""
    old = [snapshot for snapshot in before.values() if snapshot is not None]
    new = [snapshot for snapshot in after.values() if snapshot is not None]
    old_claims = [span for item in old for span in project_claims(item, item["indicators"])]
    new_claims = [span for item in new for span in project_claims(item, item["indicators"])]
    if coverage_steps(old_claims) != coverage_steps(new_claims):
        raise InvariantError(
            "this change would leave part of the document's text claimed by no project or by two; "
            "nothing was applied — report the steps that led here"
        )
    old_indicators = sum((_indicator_identities(item) for item in old), Counter())
    new_indicators = sum((_indicator_identities(item) for item in new), Counter())
    if old_indicators != new_indicators:
        raise InvariantError(
            "this change would lose or duplicate an indicator; nothing was applied — "
            "report the steps that led here"
        )
    for snapshot in new:
        problem = order_problem(str(snapshot["name"]), snapshot["indicators"])
        if problem:
            raise InvariantError(f"{problem}; nothing was applied")


def order_problem(name: str, indicators: Sequence[Mapping[Any, Any]]) -> str:
    """Return why a project's indicator positions are not 0..n-1 in source order, or ''."""
    ordered = sorted(indicators, key=lambda item: int(item["position"]))
    positions = [int(item["position"]) for item in ordered]
    if positions != list(range(len(ordered))):
        return f"the indicators of “{name}” are not numbered 0..{len(ordered) - 1} ({positions})"
    sources = [int(item["source_order"]) for item in ordered]
    if sources != sorted(sources):
        return f"the indicators of “{name}” are not in the order they are printed in"
    return ""


def outside(spans: Iterable[Span], holes: Sequence[Span]) -> list[Span]:
    """Return the parts of `spans` that no hole covers (holes sorted by start)."""
    parts: list[Span] = []
    for start, end in spans:
        cursor = start
        for hole_start, hole_end in holes:
            if hole_end <= cursor or hole_start >= end:
                continue
            if hole_start > cursor:
                parts.append((cursor, hole_start))
            cursor = max(cursor, hole_end)
        if cursor < end:
            parts.append((cursor, end))
    return parts


def text_problems(
    text: str, noise: Iterable[Span], claims: Iterable[Span], envelopes: Iterable[Span] = ()
) -> list[str]:
    """Return the stretches of non-blank text claimed by no field or noise, or claimed twice.

    `envelopes` are indicator spans: an indicator claims its whole span, which can enclose a page
    header printed inside it; that header is the document's noise, so an envelope claims only
    what lies outside the noise. Every other claim is a field's own piece and counts whole.
    """
    holes = sorted(noise)
    steps = coverage_steps([*holes, *claims, *outside(envelopes, holes)])
    problems: list[str] = []
    depth, cursor = 0, 0
    for position in sorted({0, len(text), *steps}):
        if position > cursor and depth != 1 and text[cursor:position].strip():
            what = "is claimed by nothing" if depth == 0 else f"is claimed {depth} times"
            excerpt = text[cursor:position].strip()[:20]
            problems.append(f"characters {cursor}–{position} (“{excerpt}”) {what}")
        depth += steps.get(position, 0)
        cursor = position
    return problems


def document_problems(connection: Connection, document_id: int) -> list[str]:
    """Check one document from scratch: text claimed once, indicators once and in order."""
    document = connection.execute(
        select(DOCUMENTS.c.file_name, DOCUMENTS.c.text, DOCUMENTS.c.noise_spans).where(
            DOCUMENTS.c.id == document_id
        )
    ).one()
    projects = connection.execute(
        select(PROJECTS).where(PROJECTS.c.document_id == document_id)
    ).mappings().all()
    indicators: dict[int, list[Mapping[Any, Any]]] = {row["id"]: [] for row in projects}
    for item in connection.execute(
        select(INDICATORS).where(INDICATORS.c.project_id.in_(list(indicators)))
    ).mappings():
        indicators[item["project_id"]].append(item)
    claims = [span for row in projects for span in project_claims(row, ())]
    envelopes = [span for items in indicators.values() for item in items
                 if (span := indicator_span(item)) is not None]
    problems = text_problems(document.text, spans_of(document.noise_spans), claims, envelopes)
    orders = Counter(item["source_order"] for items in indicators.values() for item in items)
    problems += [f"indicator {order} belongs to {count} projects" for order, count in
                 sorted(orders.items()) if count > 1]
    problems += [problem for row in projects if (problem := order_problem(
        row["name"], indicators[row["id"]]))]
    return [f"{document.file_name}: {problem}" for problem in problems]


def database_problems(connection: Connection) -> list[str]:
    """Check every document of the database from scratch; return one line per problem."""
    ids = connection.execute(select(DOCUMENTS.c.id).order_by(DOCUMENTS.c.id)).scalars().all()
    return [problem for found in ids for problem in document_problems(connection, found)]


def unclaimed_spans(text: str, claims: Iterable[Span]) -> list[Span]:
    """Return the stretches of non-blank text no claim covers: the noise of an older database."""
    steps = coverage_steps(claims)
    found: list[Span] = []
    depth, cursor = 0, 0
    for position in sorted({0, len(text), *steps}):
        if position > cursor and depth == 0 and text[cursor:position].strip():
            found.append((cursor, position))
        depth += steps.get(position, 0)
        cursor = position
    return found


def fill_noise_spans(connection: Connection) -> None:
    """Give documents of an older database, which kept no noise, the text no project claims."""
    for document in connection.execute(select(DOCUMENTS.c.id, DOCUMENTS.c.text)).all():
        projects = connection.execute(
            select(PROJECTS).where(PROJECTS.c.document_id == document.id)
        ).mappings().all()
        indicators = connection.execute(
            select(INDICATORS).where(INDICATORS.c.project_id.in_([row["id"] for row in projects]))
        ).mappings().all()
        claims = [span for row in projects for span in project_claims(row, ())]
        claims += [span for item in indicators if (span := indicator_span(item)) is not None]
        noise = [list(span) for span in unclaimed_spans(document.text, claims)]
        connection.execute(
            DOCUMENTS.update().where(DOCUMENTS.c.id == document.id).values(noise_spans=noise)
        )
