"""The list view saved on quitting comes back whole; anything saved that no longer fits is left
out, never refused."""

from __future__ import annotations

import json

import pytest

from store.views import ListFilter, ListQuery, Order
from tui.review.saved_view import restored, saved_text

BASE = ListQuery(document_id=7)


def test_filters_and_order_come_back_but_not_the_search_or_the_document() -> None:
    query = ListQuery(
        status=ListFilter.FLAGGED, document_id=3, units=frozenset({"广州市无线电监测站", "甲"}),
        documents=frozenset({1, 2}), flags=frozenset({"name_uncertain"}),
        confidence=(0.5, 0.8), reviewer="审核员甲", text="经费", order=Order.CONFIDENCE,
    )
    back = restored(BASE, saved_text(query))
    assert back == ListQuery(
        status=ListFilter.FLAGGED, document_id=7, units=query.units, documents=query.documents,
        flags=query.flags, confidence=(0.5, 0.8), reviewer="审核员甲", order=Order.CONFIDENCE,
    )


def test_the_status_saved_alone_by_older_versions_still_applies() -> None:
    assert restored(BASE, None, "needs review") == ListQuery(
        document_id=7, status=ListFilter.NEEDS_REVIEW
    )


@pytest.mark.parametrize("text", [
    "", "not json", "[1, 2]", "null",
    json.dumps({"status": "gone", "order": 3, "units": "甲", "documents": ["1", True, 2.0],
                "flags": [None, ""], "confidence": [0.9, 0.1], "reviewer": ["x"]}),
    json.dumps({"confidence": [True, 1.0]}),
])
def test_saved_values_that_do_not_fit_are_left_out(text: str) -> None:
    assert restored(BASE, text, "no such status") == BASE
