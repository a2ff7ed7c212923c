"""Every command of the review screen, declared once: its keys, its words and what it runs.

The footer, the help screen and the command palette all read the bindings made from this table,
and a key runs the command's handler through the screen's one `run` action, so a command cannot
have a key without a handler or a handler without words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.binding import Binding, BindingType

from store.i18n import N_
from tui.review import correcting, filtering, moving, reviewing
from tui.review.view import ReviewView

Handler = Callable[[ReviewView], None]


@dataclass(frozen=True)
class Command:
    """One command: its id, keys, footer label, one-line help and handler."""

    id: str
    keys: str
    label: str
    help: str
    run: Handler
    show: bool = True
    key_display: str | None = None
    group: str | None = None
    """Commands with the same group share one footer entry, named by the group."""

    def binding(self) -> Binding:
        """Return the key binding running this command; its words stay `N_` templates, translated
        where they are shown (`tui.binding_words`), so they follow the language at run time."""
        return Binding(
            self.keys,
            f"run('{self.id}')",
            self.label,
            show=self.show,
            tooltip=self.help,
            id=self.id,
            key_display=self.key_display,
            group=Binding.Group(self.group) if self.group else None,
        )


PROJECT = N_("Project")
INDICATOR = N_("Indicator")
MOVE_INDICATOR = N_("Move indicator")


COMMANDS: tuple[Command, ...] = (
    Command("next_project", "down,j", N_("Next"), N_("Select the next project in the list"),
            moving.next_project, key_display="↓/j", group=PROJECT),
    Command("previous_project", "up,k", N_("Previous"), N_("Select the previous project"),
            moving.previous_project, key_display="↑/k", group=PROJECT),
    Command("next_needing_review", "n", N_("Next to review"),
            N_("Jump to the next unreviewed or flagged project"), moving.next_needing_review),
    Command("verify", "v", N_("Verify"),
            N_("Mark verified and jump to the next project that needs review"), reviewing.verify),
    Command("flag", "f", N_("Flag"), N_("Flag the project with a note saying what is wrong"),
            reviewing.flag),
    Command("reopen", "U", N_("Reopen"),
            N_("Put the project back to unreviewed (unlocks a verified project)"),
            reviewing.reopen, show=False),
    Command("cycle_filter", "F", N_("Filter"),
            N_("Cycle the status filter: all / needs review / flagged / verified (other "
               "filters stay)"),
            moving.cycle_filter),
    Command("search", "slash", N_("Search"), N_("Fuzzy search over project names and targets"),
            moving.search, key_display="/"),
    Command("undo", "u", N_("Undo"), N_("Undo your last action (kept in the log as undone)"),
            partial(reviewing.step_history, undo=True)),
    Command("redo", "ctrl+r", N_("Redo"), N_("Redo your last undone action"),
            partial(reviewing.step_history, undo=False)),
    Command("toggle_raw", "t", N_("Raw text"), N_("Show or hide the raw text pane"),
            moving.toggle_raw),
    Command("page_down", "pagedown", N_("Page down"), N_("Move a screenful down the list"),
            moving.page_down, show=False),
    Command("page_up", "pageup", N_("Page up"), N_("Move a screenful up the list"),
            moving.page_up, show=False),
    Command("first_project", "home", N_("First"), N_("Select the first project"),
            moving.first_project, show=False),
    Command("last_project", "end", N_("Last"), N_("Select the last project"),
            moving.last_project, show=False),
    Command("rename", "r", N_("Rename"),
            N_("Pick a name; one held by another project of the unit is swapped"),
            correcting.rename),
    Command("swap", "x", N_("Swap"), N_("Swap the name with the previous (↑) or next (↓) project"),
            correcting.swap),
    Command("merge", "m", N_("Merge"), N_("Merge the next project into this one (asks first)"),
            correcting.merge),
    Command("split", "s", N_("Split"),
            N_("Split at an indicator or in the target; then name the new project"),
            correcting.split),
    Command("move_indicator_previous", "less_than_sign", N_("Indicator to previous"),
            N_("Move the selected indicator to the previous project"),
            partial(correcting.move_indicator, direction=-1), key_display="<",
            group=MOVE_INDICATOR),
    Command("move_indicator_next", "greater_than_sign", N_("Indicator to next"),
            N_("Move the selected indicator to the next project"),
            partial(correcting.move_indicator, direction=1), key_display=">",
            group=MOVE_INDICATOR),
    Command("select_indicator_previous", "left_square_bracket", N_("Previous indicator"),
            N_("Select the previous indicator"),
            partial(correcting.select_indicator, step=-1), key_display="[", group=INDICATOR),
    Command("select_indicator_next", "right_square_bracket", N_("Next indicator"),
            N_("Select the next indicator"),
            partial(correcting.select_indicator, step=1), key_display="]", group=INDICATOR),
    Command("edit_field", "e", N_("Edit"),
            N_("Edit a field of the project or of the selected indicator"),
            correcting.edit_field),
    Command("search_list", "backslash", N_("Narrow"),
            N_("Narrow the list as you type (names, targets, indicators, raw text); Enter keeps "
               "it, Escape clears it"),
            filtering.search_list, key_display="\\"),
    Command("facets", "g", N_("Facets"),
            N_("Counts per status, flag, unit, document, confidence and reviewer; Enter filters "
               "the list to a value"),
            filtering.facets),
    Command("clear_filters", "c", N_("Clear filters"),
            N_("List every project again: no facet, search or status filter"),
            filtering.clear_filters),
    Command("toggle_order", "o", N_("Order"),
            N_("Order the list least sure first (by confidence), or as printed again"),
            filtering.toggle_order),
    Command("bulk_verify", "V", N_("Verify list"),
            N_("Verify every unreviewed project the list shows, after a question stating the "
               "count; one u undoes it all"),
            filtering.bulk_verify),
    Command("value_facets", "G", N_("Value forms"),
            N_("How the listed projects' indicator values are written (units of measure, "
               "comparisons), with counts"),
            filtering.value_facets),
    Command("history", "h", N_("History"), N_("The edit log; Enter jumps to the project"),
            moving.history),
    Command("document_issues", "D", N_("Document issues"),
            N_("What the parser found outside any project (cut-off end, stray name, unread "
               "text); Enter shows it in the raw text"),
            moving.document_issues),
    Command("help", "question_mark", N_("Help"), N_("List every key"), moving.help,
            key_display="?"),
    Command("quit", "q", N_("Quit"), N_("Save the position and quit"), moving.quit),
)

BY_ID = {command.id: command for command in COMMANDS}


def review_bindings() -> list[BindingType]:
    """Return the key bindings of every command, in the table's order."""
    return [command.binding() for command in COMMANDS]
