"""One-line header: document, review progress, active filter and database path."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from store.i18n import _, ngettext
from store.labels import filter_label
from tui.widgets.text_cells import printable


def header_text(
    document: str, verified: int, total: int, list_filter: str, database: str, issues: int = 0,
    own: int = 0, narrowing: str = "",
) -> Text:
    """Compose the header line without markup (file names may hold brackets); `list_filter` is
    the filter's identifier, shown by its name in the active language.

    `own`: how many of the verified projects this reviewer verified (shown from 1 on);
    `narrowing`: the list's other filters in words (`tui.review.filters.filters_text`).
    """
    text = Text()
    text.append(" gzreview ", style="bold reverse")
    text.append("  ")
    text.append(printable(document) or "-", style="bold")
    if issues:
        marker = ngettext("{count} document issue (D)", "{count} document issues (D)", issues)
        text.append("  ⚠ " + marker.format(count=issues), style="bold red")
    progress = _("{verified}/{total} verified").format(verified=verified, total=total)
    text.append("   " + progress, style="green")
    if own:
        text.append(_(" ({count} by you)").format(count=own), style="green")
    text.append("   " + _("filter:") + " ", style="dim")
    text.append(filter_label(list_filter), style="bold")
    if narrowing:
        text.append("  " + narrowing, style="bold yellow")
    text.append("   " + _("db:") + " ", style="dim")
    text.append(printable(database))
    return text


class ReviewHeader(Static):
    """Shows what the reviewer is looking at and how far the review has come."""

    _shown: tuple[str, int, int, str, str, int, int, str] | None = None

    def show(
        self,
        document: str,
        verified: int,
        total: int,
        list_filter: str,
        database: str,
        issues: int = 0,
        own: int = 0,
        narrowing: str = "",
    ) -> None:
        """Redraw with new values; `issues`: the shown document's findings, 0 hides the marker;
        `own`: the projects verified by this reviewer.

        Unchanged values (most key presses) cost nothing: no new text, no repaint.
        """
        values = (document, verified, total, list_filter, database, issues, own, narrowing)
        if values == self._shown:
            return
        self._shown = values
        self.update(header_text(*values), layout=False)
