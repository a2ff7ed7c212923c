"""Every key of the review screen in one list: footer, help screen and palette read it."""

from __future__ import annotations

from textual.binding import Binding, BindingType


def _key(
    keys: str,
    action: str,
    description: str,
    tooltip: str,
    show: bool = True,
    key_display: str | None = None,
) -> Binding:
    """A binding whose id is its action, so keymaps and the palette can name it."""
    return Binding(
        keys, action, description, show=show, tooltip=tooltip, id=action, key_display=key_display
    )


REVIEW_BINDINGS: list[BindingType] = [
    _key(
        "down,j", "next_project", "Next", "Select the next project in the list", key_display="↓/j"
    ),
    _key("up,k", "previous_project", "Previous", "Select the previous project", key_display="↑/k"),
    _key(
        "n",
        "next_needing_review",
        "Next to review",
        "Jump to the next unreviewed or flagged project",
    ),
    _key("v", "verify", "Verify", "Mark verified and jump to the next project that needs review"),
    _key("f", "flag", "Flag", "Flag the project with a note saying what is wrong"),
    _key("U", "mark_unreviewed", "Unreview", "Put the project back to unreviewed", show=False),
    _key("F", "cycle_filter", "Filter", "Cycle the list: all / needs review / flagged / verified"),
    _key(
        "slash", "search", "Search", "Fuzzy search over project names and targets", key_display="/"
    ),
    _key("u", "undo", "Undo", "Undo the last action (kept in the log as undone)"),
    _key("ctrl+r", "redo", "Redo", "Redo the last undone action"),
    _key("t", "toggle_raw", "Raw text", "Show or hide the raw text pane", show=False),
    _key("pagedown", "page_down", "Page down", "Move a screenful down the list", show=False),
    _key("pageup", "page_up", "Page up", "Move a screenful up the list", show=False),
    _key("home", "first_project", "First", "Select the first project", show=False),
    _key("end", "last_project", "Last", "Select the last project", show=False),
    _key(
        "r", "rename", "Rename", "Pick a name; one held by another project of the unit is swapped"
    ),
    _key("x", "swap", "Swap", "Swap the name with the previous (↑) or next (↓) project"),
    _key("m", "merge", "Merge", "Merge the next project into this one", show=False),
    _key(
        "s",
        "split",
        "Split",
        "Split at an indicator or in the target; then name the new project",
        show=False,
    ),
    _key(
        "less_than_sign",
        "move_indicator(-1)",
        "Indicator to previous",
        "Move the selected indicator to the previous project",
        show=False,
        key_display="<",
    ),
    _key(
        "greater_than_sign",
        "move_indicator(1)",
        "Indicator to next",
        "Move the selected indicator to the next project",
        show=False,
        key_display=">",
    ),
    _key(
        "left_square_bracket",
        "select_indicator(-1)",
        "Previous indicator",
        "Select the previous indicator",
        show=False,
        key_display="[",
    ),
    _key(
        "right_square_bracket",
        "select_indicator(1)",
        "Next indicator",
        "Select the next indicator",
        show=False,
        key_display="]",
    ),
    _key(
        "e",
        "edit_field",
        "Edit",
        "Edit a field of the project or of the selected indicator",
        show=False,
    ),
    _key("h", "history", "History", "The edit log; Enter jumps to the project", show=False),
    _key(
        "D",
        "document_issues",
        "Document issues",
        "What the parser found outside any project (cut-off end, stray name, unread text); "
        "Enter shows it in the raw text",
        show=False,
    ),
    _key("question_mark", "help", "Help", "List every key", key_display="?"),
    _key("q", "quit_review", "Quit", "Save the position and quit"),
]
