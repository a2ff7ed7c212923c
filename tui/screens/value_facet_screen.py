"""The `G` screen: how the listed projects' indicator values are written, with counts, to spot
inconsistent forms (`平米` vs `平方米`, `%` vs `％`, a number or words)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from store.i18n import N_, _
from store.labels import Label
from store.views import FacetValue, ListQuery
from tui.screens.facet_list import FacetListScreen, count_line, count_width
from tui.workers import StoreAccess

if TYPE_CHECKING:
    from store.repository import Repository

VALUE_FACET_TITLES: Mapping[str, Label] = {
    "unit of measure": Label(N_("Unit of measure")),
    "comparison": Label(N_("Comparison")),
    "form": Label(N_("Written as")),
}
"""The value facets of `store.listing.VALUE_FACETS`, with their titles."""
FORM_WORDS: Mapping[str, Label] = {
    "number": Label(N_("a number")),
    "words": Label(N_("words")),
}

Sections = Sequence[tuple[str, list[tuple[FacetValue, Text]]]]


def value_label(facet: str, value: str) -> str:
    """A value as shown: a form in words, a missing unit of measure as such."""
    if facet == "form" and value in FORM_WORDS:
        return FORM_WORDS[value].text()
    if facet == "unit of measure" and not value:
        return _("(no unit of measure)")
    return value


class ValueFacetScreen(FacetListScreen[FacetValue, None]):
    """Shows the counts; the store has no filter by value form, so Enter chooses nothing."""

    def __init__(self, store: StoreAccess, query: ListQuery) -> None:
        """Count the indicator values of the projects `query` lists."""
        super().__init__(store, _("How the listed projects' indicator values are written"))
        self.list_query = query

    def counting(self) -> Callable[[Repository], Sections]:
        """The value facets, as sections of counted values."""
        query = self.list_query

        def count(repository: Repository) -> Sections:
            facets = repository.value_facets(query)
            width = count_width(item.count for values in facets.values() for item in values)
            return [
                (title.text(),
                 [(item, count_line(item.count, value_label(facet, item.value), False, width))
                  for item in facets.get(facet, [])])
                for facet, title in VALUE_FACET_TITLES.items()
            ]

        return count

    def hint(self) -> str:
        """The keys under the list."""
        return _("Counts over period and annual values  Escape close")
