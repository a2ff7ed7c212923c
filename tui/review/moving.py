"""Commands that change what is shown, not what is stored: moving, filtering, searching, panes."""

from __future__ import annotations

from dataclasses import replace

from store.i18n import _
from store.views import DocumentFinding, ListFilter
from tui.paging import next_needing_review as next_index_needing_review
from tui.review.view import ReviewView

FILTER_ORDER = list(ListFilter)


def next_project(view: ReviewView) -> None:
    """Select the next project."""
    view.move_to(view.cursor + 1)


def previous_project(view: ReviewView) -> None:
    """Select the previous project."""
    view.move_to(view.cursor - 1)


def page_down(view: ReviewView) -> None:
    """Move a screenful down."""
    view.move_to(view.cursor + view.page_height)


def page_up(view: ReviewView) -> None:
    """Move a screenful up."""
    view.move_to(view.cursor - view.page_height)


def first_project(view: ReviewView) -> None:
    """Select the first project."""
    view.move_to(0)


def last_project(view: ReviewView) -> None:
    """Select the last project."""
    view.move_to(len(view.rows) - 1)


def next_needing_review(view: ReviewView) -> None:
    """Jump to the next unreviewed or flagged project, wrapping around, past others' documents."""
    ids, held = view.rows.ids, view.held_by_others
    index = next_index_needing_review(ids, view.cursor, view.needs_review, held=held)
    if index is not None:
        view.move_to(index)
    elif next_index_needing_review(ids, view.cursor, view.needs_review) is not None:
        view.say(_("The projects left to review in this list are in documents other reviewers "
                   "have open; move there with the arrow keys if you mean to."),
                 _("Left to others"))
    else:
        view.say(_("No project in this list needs review."), _("All reviewed"))


def cycle_filter(view: ReviewView) -> None:
    """Show the next status filter (all, needs review, flagged, verified), keeping the others."""
    position = FILTER_ORDER.index(view.list_query.status)
    status = FILTER_ORDER[(position + 1) % len(FILTER_ORDER)]
    view.show_query(replace(view.list_query, status=status))


def search(view: ReviewView) -> None:
    """Search names and targets; the chosen project is selected (in the full list if needed)."""
    from tui.screens.search_screen import SearchScreen

    view.ask(SearchScreen(view.store, view.list_query.document_id), view.jump_to_project)


def toggle_raw(view: ReviewView) -> None:
    """Show or hide the raw text pane; the choice then holds whatever the terminal's width."""
    view.raw.display = view.raw_choice = not view.raw.display


def history(view: ReviewView) -> None:
    """Open the edit log; Enter jumps to the project an entry touched."""
    from tui.screens.history_screen import HistoryScreen

    view.ask(HistoryScreen(view.store), view.jump_to_key)


def document_issues(view: ReviewView) -> None:
    """Open the list of the shown document's findings; Enter shows one in the raw text."""
    from tui.screens.document_issues import DocumentIssuesScreen, finding_label

    detail = view.selected_detail()
    if detail is None:
        return

    def show(finding: DocumentFinding | None) -> None:
        if finding is not None:
            view.raw.display = view.raw_choice = True
            view.raw.show_span(finding.span, finding_label(finding))

    view.ask(DocumentIssuesScreen(detail.document_file, view.shown_findings()), show)


def help(view: ReviewView) -> None:
    """Open the list of every key."""
    from tui.screens.help_screen import HelpScreen

    view.ask(HelpScreen(view.key_bindings()), lambda _result: None)


def quit(view: ReviewView) -> None:
    """Save the position, then quit."""
    view.quit_review()
