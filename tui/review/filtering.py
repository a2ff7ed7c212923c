"""Commands that narrow or order the list, and the one that verifies all it shows.

Facet values (`g`), the search as you type (`\\`), the order (`o`) and clearing (`c`) all change
the screen's one list query; `F` cycles its status the same way, keeping the other filters.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from store.i18n import _
from store.operations import BulkVerify
from store.views import Order, ProjectSummary, Status
from tui.review.filters import FacetChoice, cleared, toggled
from tui.review.view import ReviewView

if TYPE_CHECKING:
    from store.repository import Repository


def facets(view: ReviewView) -> None:
    """Open the counts of the listed projects' values; Enter on one filters the list to it."""
    from tui.screens.facet_screen import FacetScreen


    def chosen(choice: FacetChoice | None) -> None:
        if choice is None:
            return
        if choice.facet == "document" and not choice.active:
            document = choice.value.partition(":")[0]
            if document.isdigit():
                view.document_names[int(document)] = choice.label
        view.show_query(toggled(view.list_query, choice))

    view.ask(FacetScreen(view.store, view.list_query), chosen)


def value_facets(view: ReviewView) -> None:
    """Open the counts of how the listed projects' indicator values are written."""
    from tui.screens.value_facet_screen import ValueFacetScreen

    view.ask(ValueFacetScreen(view.store, view.list_query), lambda _result: None)


def search_list(view: ReviewView) -> None:
    """Narrow the list as the reviewer types; Enter keeps it, Escape clears it."""
    view.search_list()


def clear_filters(view: ReviewView) -> None:
    """Show every project again (the order stays)."""
    if view.list_query == cleared(view.list_query):
        view.say(_("The list is not filtered."), _("Filters"))
        return
    view.show_query(cleared(view.list_query))


def toggle_order(view: ReviewView) -> None:
    """Order the list least sure first and start at the top, or as printed again (keeping the
    selected project)."""
    order = Order.SOURCE if view.list_query.order is Order.CONFIDENCE else Order.CONFIDENCE
    view.show_query(replace(view.list_query, order=order), keep_place=order is Order.SOURCE)


def is_flagged(row: ProjectSummary) -> bool:
    """Whether a bulk verify leaves the project out unless flagged ones are included."""
    return row.status is Status.FLAGGED or row.needs_attention


def bulk_verify(view: ReviewView) -> None:
    """Count what the list shows that is not verified, ask, then verify it as one action."""
    from tui.screens.bulk_verify_screen import BulkVerifyScreen

    query = view.list_query

    def verifiable(repository: Repository) -> list[ProjectSummary]:
        return repository.verifiable(query, include_flagged=True)

    def ask(rows: list[ProjectSummary]) -> None:
        if not rows:
            view.say(_("Nothing to verify: every listed project is verified."),
                     _("Verify the list"))
            return
        flagged = sum(1 for row in rows if is_flagged(row))
        view.ask(BulkVerifyScreen(len(rows) - flagged, flagged), partial(verify, rows))

    def verify(rows: list[ProjectSummary], include_flagged: bool | None) -> None:
        if include_flagged is None:
            return
        chosen = [row for row in rows if include_flagged or not is_flagged(row)]
        if chosen:
            selected = view.rows.ids[view.cursor] if 0 <= view.cursor < len(view.rows) else None
            versions = {row.key: row.version for row in chosen}
            view.perform(partial(BulkVerify, tuple(row.key for row in chosen)), versions, selected)

    if query.text:  # a text search reads every listed project's raw text: it takes a moment
        view.say(_("Counting the listed projects to verify…"), _("Verify the list"))
    view.fetch(verifiable, ask)
