"""The list's filters as the reviewer sees them: facet values they come from, and how they read.

A facet value chosen on the facet screen is added to the list query (values of one facet match
any of them, facets combine); choosing an active value again takes it away.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from store.i18n import N_, _
from store.labels import Label, filter_label, flag_label
from store.listing import CONFIDENCE_BANDS
from store.views import FacetValue, ListFilter, ListQuery, Order
from tui.widgets.text_cells import printable

FACET_TITLES: Mapping[str, Label] = {
    "status": Label(N_("Status")),
    "flag": Label(N_("Parser flag")),
    "unit": Label(N_("Unit")),
    "document": Label(N_("Document")),
    "confidence": Label(N_("Confidence")),
    "reviewer": Label(N_("Last changed by")),
}
"""The facets in the order the facet screen lists them, with their titles."""

BAND_WORDS = (N_("doubtful"), N_("unsure"), N_("fairly sure"), N_("sure"))
"""The confidence bands of `store.listing.CONFIDENCE_BANDS`, least sure first."""


@dataclass(frozen=True)
class FacetChoice:
    """One value of one facet, as the facet screen lists it: what it filters and how it reads."""

    facet: str
    value: str
    label: str
    count: int
    active: bool = False


def band_label(band: tuple[float, float]) -> str:
    """Return a confidence band as shown: its word and its bounds, `unsure 0.50-0.80`."""
    low, high = band
    word = BAND_WORDS[CONFIDENCE_BANDS.index(band)] if band in CONFIDENCE_BANDS else ""
    return f"{_(word)} {low:.2f}-{min(high, 1.0):.2f}".strip()


def facet_choices(
    facets: Mapping[str, list[FacetValue]], query: ListQuery
) -> list[FacetChoice]:
    """Return every facet value the store counted, as choices for the facet screen."""
    choices: list[FacetChoice] = []
    for facet in FACET_TITLES:
        values = facets.get(facet, [])
        if facet == "status":
            choices.extend(_status_choices(values, query))
        elif facet == "confidence":
            for band, counted in zip(CONFIDENCE_BANDS, values, strict=False):
                choices.append(FacetChoice(facet, repr(band), band_label(band), counted.count,
                                           query.confidence == band))
        else:
            choices.extend(
                FacetChoice(facet, item.value, _value_label(facet, item.value), item.count,
                            _is_active(query, facet, item.value))
                for item in values
                if item.value
            )
    return choices


def _status_choices(values: list[FacetValue], query: ListQuery) -> list[FacetChoice]:
    """The status facet as the `F` filters: needs review (unreviewed or flagged), flagged,
    verified."""
    counts = {item.value: item.count for item in values}
    listed = {
        ListFilter.NEEDS_REVIEW: counts.get("unreviewed", 0) + counts.get("flagged", 0),
        ListFilter.FLAGGED: counts.get("flagged", 0),
        ListFilter.VERIFIED: counts.get("verified", 0),
    }
    return [
        FacetChoice("status", status.value, filter_label(status), count, query.status is status)
        for status, count in listed.items()
    ]


def _value_label(facet: str, value: str) -> str:
    """A facet value as shown: a flag by its name, a document by its file name."""
    if facet == "flag":
        return flag_label(value)
    if facet == "document":
        return printable(value.partition(":")[2] or value)
    return printable(value)


def _is_active(query: ListQuery, facet: str, value: str) -> bool:
    """Whether the list is filtered to this value already."""
    if facet == "flag":
        return value in query.flags
    if facet == "unit":
        return value in query.units
    if facet == "document":
        return _document_id(value) in query.documents
    return facet == "reviewer" and query.reviewer == value


def _document_id(value: str) -> int | None:
    """The document id of a document facet value (`id:file name`)."""
    number = value.partition(":")[0]
    return int(number) if number.isdigit() else None


def toggled(query: ListQuery, choice: FacetChoice) -> ListQuery:
    """Return the query with the chosen value added, or taken away when it was active."""
    facet, value = choice.facet, choice.value
    if facet == "status":
        status = ListFilter.ALL if choice.active else ListFilter(value)
        return replace(query, status=status)
    if facet == "flag":
        return replace(query, flags=query.flags ^ {value})
    if facet == "unit":
        return replace(query, units=query.units ^ {value})
    if facet == "document":
        document = _document_id(value)
        return query if document is None else replace(query, documents=query.documents ^ {document})
    if facet == "confidence":
        band = next((band for band in CONFIDENCE_BANDS if repr(band) == value), None)
        return replace(query, confidence=None if choice.active else band)
    if facet == "reviewer":
        return replace(query, reviewer=None if choice.active else value)
    return query


def cleared(query: ListQuery) -> ListQuery:
    """Return the whole list (of the screen's document), keeping only the order."""
    return ListQuery(document_id=query.document_id, order=query.order)


def filters_text(query: ListQuery, document_names: Mapping[int, str] | None = None) -> str:
    """Return what narrows the list beyond its status, and its order when not as printed, in
    words (`unit: X  flag: Y  search: Z`); empty when nothing does."""
    names = document_names or {}
    parts: list[str] = []
    if query.units:
        parts.append(_("unit: {values}").format(values=_joined(query.units)))
    if query.documents:
        shown = (names.get(document, f"#{document}") for document in query.documents)
        parts.append(_("document: {values}").format(values=_joined(shown)))
    if query.flags:
        parts.append(_("flag: {values}").format(values=_joined(flag_label(c) for c in query.flags)))
    if query.confidence is not None:
        parts.append(_("confidence: {band}").format(band=band_label(query.confidence)))
    if query.reviewer:
        parts.append(_("changed by: {name}").format(name=printable(query.reviewer)))
    if query.text:
        parts.append(_("search: {text}").format(text=printable(query.text)))
    if query.order is Order.CONFIDENCE:
        parts.append(_("least sure first"))
    return "  ".join(parts)


def _joined(values: Iterable[str]) -> str:
    """Values of one facet, sorted, joined by a slash (any of them matches)."""
    return "/".join(sorted(printable(value) for value in values))
