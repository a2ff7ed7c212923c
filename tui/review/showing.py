"""What the review screen shows for the cursor: the selected project in every pane, in one frame.

Moving the cursor shows a cached project at once (the raw text, the fields and the header) and
otherwise asks a worker; the neighbours are read ahead after the paint, so the next key finds its
project cached.
"""

from __future__ import annotations

from time import perf_counter
from typing import TYPE_CHECKING

from store.views import DocumentFinding, ProjectDetail
from tui.messages import DetailLoaded
from tui.review.filters import filters_text
from tui.review.selection import Prefetcher
from tui.widgets.project_list import ProjectList
from tui.widgets.review_header import HeaderValues, ReviewHeader

if TYPE_CHECKING:
    from tui.screens.review_screen import ReviewScreen


class Showing:
    """Moves the cursor of one review screen and fills its panes from the selected project."""

    def __init__(self, screen: ReviewScreen) -> None:
        """Show for `screen`."""
        self.screen = screen

    def move_to(self, index: int) -> None:
        """Move the cursor and, when the project is cached, update every pane in the same frame."""
        screen = self.screen
        started = perf_counter()
        if not screen.rows.ids:
            screen.cursor = 0
            self.show_detail(None)
            return
        screen.cursor = min(max(index, 0), len(screen.rows) - 1)
        screen.query_one(ProjectList).move_cursor(screen.cursor)
        project_id = screen.rows.ids[screen.cursor]
        detail = screen.details.get(project_id)
        if detail is not None and detail.document_id in screen.texts:
            self.show_detail(detail)
        else:
            screen.background.detail(project_id, screen.texts.keys())
        # After the paint: a worker loading details competes for the GIL with the repaint.
        screen.call_after_refresh(self._prefetch_around)
        screen.position.moved(started)
        key_at = screen.key_latency.take_key_time()
        if key_at is not None:
            screen.call_after_refresh(screen.key_latency.record_since, key_at)

    def _prefetch_around(self) -> None:
        """Load the cursor's neighbours' details ahead of the next key press, a batch at a time."""
        screen = self.screen
        wanted = Prefetcher(screen.rows.ids, screen.details).wanted(screen.cursor)
        if wanted:
            screen.background.prefetch(wanted, screen.texts.keys())

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        """Cache a loaded project and show it if it is still the selected one."""
        self.cache_detail(message)
        if self.screen.selected_id() == message.detail.id:
            self.show_detail(message.detail)

    def cache_detail(self, message: DetailLoaded) -> None:
        """Keep a loaded project (and its document's text) for same-frame display."""
        if message.text is not None:
            self.screen.texts.put(message.detail.document_id, message.text)
        self.screen.details.put(message.detail.id, message.detail)

    def show_detail(self, detail: ProjectDetail | None) -> None:
        """Fill the raw pane, the fields pane and the header from one project."""
        screen = self.screen
        screen.detail = detail
        if detail is not None:
            text = screen.texts.get(detail.document_id)
            if text is not None:
                screen.raw.show_document(text)
                screen.raw.highlight(detail.block, detail.name_spans)
                self.mark_findings()
            if screen.on_first_project is not None:
                screen.call_after_refresh(screen.on_first_project)
                screen.on_first_project = None
        screen.fields.show(detail)
        self.show_header()

    def show_header(self) -> None:
        """Redraw the header line: document, progress, the list's filters, database."""
        screen = self.screen
        document = screen.detail.document_file if screen.detail else ""
        verified, total = screen.progress
        screen.query_one(ReviewHeader).show(HeaderValues(
            document, verified, total, str(screen.list_query.status),
            screen.store.database_label, len(self.shown_findings()), screen.own_verified,
            filters_text(screen.list_query, screen.document_names),
        ))

    def shown_findings(self) -> list[DocumentFinding]:
        """Return the findings of the shown project's document."""
        detail = self.screen.detail
        if detail is None:
            return []
        return [item for item in self.screen.findings if item.document_id == detail.document_id]

    def mark_findings(self) -> None:
        """Show the shown document's findings in the raw pane's finding style."""
        self.screen.raw.mark_findings([item.span for item in self.shown_findings()])
