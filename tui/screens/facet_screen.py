"""The `g` screen: counts per status, parser flag, unit, document, confidence band and reviewer
over the listed projects; Enter on a value narrows the list to it (again: takes it away)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from store.i18n import N_, _
from store.views import ListQuery
from tui.review.filters import FACET_TITLES, FacetChoice, facet_choices
from tui.screens.facet_list import FacetListScreen, count_line, count_width
from tui.screens.value_facet_screen import ValueFacetScreen
from tui.workers import StoreAccess

if TYPE_CHECKING:
    from store.repository import Repository

Sections = Sequence[tuple[str, list[tuple[FacetChoice, Text]]]]


class FacetScreen(FacetListScreen[FacetChoice, FacetChoice]):
    """Returns the chosen facet value, or None when closed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FacetListScreen.BINDINGS,
        Binding("G", "values", N_("Value forms"),
                tooltip=N_("How indicator values are written, with counts"), id="facets-values"),
    ]

    def __init__(self, store: StoreAccess, query: ListQuery) -> None:
        """Count the values of the projects `query` lists."""
        super().__init__(store, _("Facets of the listed projects (Enter filters to a value)"))
        self.list_query = query

    def counting(self) -> Callable[[Repository], Sections]:
        """The facets of the list, as sections of choices."""
        query = self.list_query

        def count(repository: Repository) -> Sections:
            choices = facet_choices(repository.facets(query), query)
            width = count_width(choice.count for choice in choices)
            return [
                (
                    FACET_TITLES[facet].text(),
                    [(choice, count_line(choice.count, choice.label, choice.active, width))
                     for choice in choices if choice.facet == facet],
                )
                for facet in FACET_TITLES
            ]

        return count

    def hint(self) -> str:
        """The keys under the list."""
        return _("Enter filter to the value (again: remove it)  G value forms  Escape close")

    def choosable(self, row: FacetChoice) -> bool:
        """A value no listed project has filters to nothing; an active one can be taken away."""
        return row.count > 0 or row.active

    def choose(self, row: FacetChoice) -> None:
        """Close with the chosen value."""
        self.dismiss(row)

    def action_values(self) -> None:
        """Open the value forms of the same list."""
        self.app.push_screen(ValueFacetScreen(self.store, self.list_query))
