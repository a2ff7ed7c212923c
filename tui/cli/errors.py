"""One exception type for mistakes a user can make, shown as one sentence with exit status 2."""

from __future__ import annotations

import click

from tui.widgets.text_cells import printable


class UserError(click.ClickException):
    """A clear, actionable message (what, where, what to do); the command exits with status 2."""

    exit_code = 2

    def format_message(self) -> str:
        """Return the message alone, control characters shown; click prefixes it with 'Error: '."""
        return printable(self.message)
