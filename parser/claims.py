"""Who claims which characters of a document, so nothing printed is silently lost."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from parser.model import Document, Span


def subtract(pieces: Iterable[Span], holes: Sequence[Span]) -> tuple[Span, ...]:
    """Return `pieces` with every part inside a hole removed (holes need not be sorted)."""
    spans = tuple(pieces)
    if not holes and all(start < end for start, end in spans):
        return spans  # the usual case, nothing to cut: the very spans, no copies
    result: list[Span] = []
    ordered = sorted(holes)
    for start, end in spans:
        cursor = start
        for hole_start, hole_end in ordered:
            if hole_end <= cursor or hole_start >= end:
                continue
            if hole_start > cursor:
                result.append((cursor, hole_start))
            cursor = max(cursor, hole_end)
        if cursor < end:
            result.append((cursor, end))
    return tuple(result)


def unclaimed_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Return spans sorted and without empty ones."""
    return tuple(sorted(span for span in spans if span[1] > span[0]))


def claims(document: Document) -> list[tuple[str, Span]]:
    """Return every claimed span with its claimant: project, name, unit, noise or unclaimed."""
    owned: list[tuple[str, Span]] = []
    for project in document.projects:
        label = f"project {project.order + 1}"
        owned.extend((label, span) for span in project.cell_spans)
        owned.extend((f"{label} name", span) for span in project.name_spans)
    for name in document.unassigned_names:
        owned.extend(("unassigned name", span) for span in name.spans)
    owned.extend(("unit", unit.span) for unit in document.units)
    owned.extend(("noise", span) for span in document.noise)
    owned.extend(("unclaimed", span) for span in document.unclaimed)
    return sorted(owned, key=lambda item: item[1])
