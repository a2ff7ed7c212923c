"""The list's filters and order as saved text, so reopening the app shows the list it left.

The search text is not kept: it is typed to find something now, and an old search would hide
projects without the reviewer having asked for it this time. A saved value that no longer fits
(an older form, a hand-edited database) is left out rather than refused: the rest still applies.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from store.views import ListFilter, ListQuery, Order


def saved_text(query: ListQuery) -> str:
    """Return the query's filters and order (not its search, nor its document) as JSON."""
    return json.dumps({
        "status": query.status.value,
        "units": sorted(query.units),
        "documents": sorted(query.documents),
        "flags": sorted(query.flags),
        "confidence": list(query.confidence) if query.confidence else None,
        "reviewer": query.reviewer,
        "order": query.order.value,
    }, ensure_ascii=False)


def restored(query: ListQuery, text: str | None, old_status: str | None = None) -> ListQuery:
    """Return `query` with the filters and order saved in `text`; `old_status` is the status
    filter alone, as versions before the whole view was kept saved it."""
    values = _loaded(text)
    status = values.get("status", old_status)
    if status in {member.value for member in ListFilter}:
        query = replace(query, status=ListFilter(status))
    if values.get("order") in {member.value for member in Order}:
        query = replace(query, order=Order(values["order"]))
    units = _strings(values.get("units"))
    flags = _strings(values.get("flags"))
    reviewer = values.get("reviewer")
    return replace(
        query,
        units=units,
        flags=flags,
        documents=_ids(values.get("documents")),
        confidence=_band(values.get("confidence")),
        reviewer=reviewer if isinstance(reviewer, str) and reviewer else None,
    )


def _loaded(text: str | None) -> dict[str, Any]:
    """Return the saved object, or an empty one for nothing saved or text that is not one."""
    if not text:
        return {}
    try:
        loaded = json.loads(text)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _strings(value: object) -> frozenset[str]:
    """Return the strings of a saved list (anything else saved there is left out)."""
    if not isinstance(value, list):
        return frozenset()
    return frozenset(item for item in value if isinstance(item, str) and item)


def _ids(value: object) -> frozenset[int]:
    """Return the document ids of a saved list (anything else saved there is left out)."""
    if not isinstance(value, list):
        return frozenset()
    return frozenset(item for item in value if type(item) is int)


def _band(value: object) -> tuple[float, float] | None:
    """Return a saved confidence band [low, high), or None if it is not one."""
    if not isinstance(value, list) or len(value) != 2:
        return None
    low, high = value
    numbers = all(isinstance(bound, int | float) and not isinstance(bound, bool)
                  for bound in (low, high))
    return (float(low), float(high)) if numbers and low < high else None
