"""One-line header: document, review progress, active filters and database path.

In a narrow terminal the parts a reviewer needs least go first (the app's name, the database,
the own count, the document issues marker, the document's name), so the progress and the filters
stay readable; a part is left out whole, never cut in the middle.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from store.i18n import _, ngettext
from store.labels import filter_label
from tui.widgets.text_cells import printable


@dataclass(frozen=True)
class HeaderValues:
    """What the header shows; `list_filter` is the status filter's identifier, `own` how many of
    the verified projects this reviewer verified (shown from 1 on), `narrowing` the list's other
    filters in words (`tui.review.filters.filters_text`), `issues` the document's findings."""

    document: str
    verified: int
    total: int
    list_filter: str
    database: str
    issues: int = 0
    own: int = 0
    narrowing: str = ""


LEFT_OUT_FIRST = ("name", "database", "own", "issues", "document")
"""The parts left out, in this order, while the line is too narrow; the progress and the filters
always stay."""


Part = tuple[str, int, Text]
"""One part of the header: its name (see LEFT_OUT_FIRST), how many cells of gap its text starts
with, and the text."""


def header_parts(values: HeaderValues) -> list[Part]:
    """The header's parts in the order they are shown; none holds markup (file names may hold
    brackets)."""
    parts: list[Part] = [("name", 0, Text(" gzreview ", style="bold reverse"))]
    parts.append(("document", 2, Text.assemble("  ", (printable(values.document) or "-", "bold"))))
    if values.issues:
        marker = ngettext(
            "{count} document issue (D)", "{count} document issues (D)", values.issues
        )
        parts.append(("issues", 2, Text("  ⚠ " + marker.format(count=values.issues),
                                        style="bold red")))
    progress = _("{verified}/{total} verified").format(verified=values.verified, total=values.total)
    parts.append(("progress", 3, Text("   " + progress, style="green")))
    if values.own:
        parts.append(("own", 0, Text(_(" ({count} by you)").format(count=values.own),
                                     style="green")))
    shown_filter = Text.assemble(
        ("   " + _("filter:") + " ", "dim"), (filter_label(values.list_filter), "bold")
    )
    if values.narrowing:
        shown_filter.append("  " + values.narrowing, style="bold yellow")
    parts.append(("filter", 3, shown_filter))
    database = Text.assemble(("   " + _("db:") + " ", "dim"), printable(values.database))
    parts.append(("database", 3, database))
    return parts


def header_text(values: HeaderValues, width: int | None = None) -> Text:
    """Compose the header line, leaving out whole parts (see LEFT_OUT_FIRST) until it fits
    `width` cells; what still does not fit is cut at the end."""
    parts = header_parts(values)
    for name in LEFT_OUT_FIRST:
        if width is None or _joined(parts).cell_len <= width:
            break
        parts = [part for part in parts if part[0] != name]
    return _joined(parts)


def _joined(parts: list[Part]) -> Text:
    """The parts in one line; one that does not start with the app's name starts with one space
    instead of its first part's gap."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for index, (name, gap, part) in enumerate(parts):
        if index == 0 and name != "name":
            text.append(" ")
            part = part[gap:]
        text.append_text(part)
    return text


class ReviewHeader(Static):
    """Shows what the reviewer is looking at and how far the review has come."""

    _shown: HeaderValues | None = None

    def show(self, values: HeaderValues) -> None:
        """Redraw with new values; unchanged values (most key presses) cost nothing."""
        if values == self._shown:
            return
        self._shown = values
        self.refresh()

    def render(self) -> Text:
        """The header for the width the widget has now (a resize draws it again)."""
        if self._shown is None:
            return Text()
        return header_text(self._shown, self.size.width or None)
