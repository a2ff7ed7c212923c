"""The list's filters in words and as facet choices: what a choice adds, takes away and says."""

from __future__ import annotations

from store.listing import CONFIDENCE_BANDS
from store.views import FacetValue, ListFilter, ListQuery, Order
from tui.review.filters import (
    FacetChoice,
    band_label,
    cleared,
    facet_choices,
    filters_text,
    toggled,
)


def test_a_value_chosen_twice_is_added_then_taken_away_and_facets_combine() -> None:
    unit = FacetChoice("unit", "广州市[b]局[/b]", "广州市[b]局[/b]", 3)
    flag = FacetChoice("flag", "name_ambiguous", "name_ambiguous", 2)
    query = toggled(toggled(ListQuery(), unit), flag)
    assert query.units == {"广州市[b]局[/b]"} and query.flags == {"name_ambiguous"}
    again = toggled(query, FacetChoice("unit", unit.value, unit.label, 3, active=True))
    assert again.units == frozenset() and again.flags == query.flags


def test_the_status_facet_counts_as_the_f_filters_do() -> None:
    counts = [FacetValue("unreviewed", 5), FacetValue("flagged", 2), FacetValue("verified", 7)]
    choices = facet_choices({"status": counts}, ListQuery(status=ListFilter.FLAGGED))
    assert [(c.value, c.count, c.active) for c in choices] == [
        ("needs review", 7, False), ("flagged", 2, True), ("verified", 7, False)]


def test_a_band_and_a_document_filter_to_their_values() -> None:
    bands = [FacetValue(f"{low}", 1) for low, _high in CONFIDENCE_BANDS]
    documents = [FacetValue("12:a.txt", 4)]
    choices = facet_choices({"confidence": bands, "document": documents}, ListQuery())
    band = next(c for c in choices if c.facet == "confidence")
    document = next(c for c in choices if c.facet == "document")
    query = toggled(toggled(ListQuery(), band), document)
    assert query.confidence == CONFIDENCE_BANDS[0] and query.documents == {12}
    assert document.label == "a.txt" and band.label == band_label(CONFIDENCE_BANDS[0])


def test_the_words_name_every_filter_and_clearing_keeps_only_the_order() -> None:
    query = ListQuery(units=frozenset({"乙", "甲"}), documents=frozenset({3}), text="经费\x1b",
                      order=Order.CONFIDENCE, reviewer="alice", status=ListFilter.FLAGGED)
    words = filters_text(query, {3: "b.txt"})
    for part in ("unit: 乙/甲", "document: b.txt", "changed by: alice", "least sure first",
                 "search: 经费"):
        assert part in words
    assert "\x1b" not in words
    assert filters_text(ListQuery()) == ""
    assert cleared(query) == ListQuery(order=Order.CONFIDENCE)
