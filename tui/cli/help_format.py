"""Click's help layout measured in terminal cells, so Chinese help wraps and aligns like English.

Click measures and wraps help by characters; a Chinese sentence then runs twice past the width
and its usage line is indented wrongly. This formatter keeps click's layout (usage, paragraphs,
two-column option and command lists) and measures every piece in cells.
"""

from __future__ import annotations

from collections.abc import Iterable

import click

from store.i18n import _
from tui.cli.cells import cell_width, pad, wrap
from tui.cli.click_messages import click_text

COLUMN_MAX = 30
"""Widest first column (options, commands) before its text moves to the next line."""

class CellHelpFormatter(click.HelpFormatter):
    """A click help formatter that measures and wraps text in terminal cells."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """Write `Usage: prog args`, wrapping the arguments under themselves."""
        if prefix is None:
            label = click_text("Usage:")
            prefix = label if cell_width(label[-1]) == 2 else label + " "
        head = " " * self.current_indent + prefix + prog
        width = self.width - cell_width(head) - 1
        if not args or width < 20:
            self.write(f"{head} {args}".rstrip() + "\n")
            return
        lines = wrap(args, width)
        indent = " " * (cell_width(head) + 1)
        self.write(f"{head} {lines[0]}\n")
        self.write("".join(f"{indent}{line}\n" for line in lines[1:]))

    def write_heading(self, heading: str) -> None:
        """Write a section heading followed by the language's colon."""
        text = _("{heading}:").format(heading=heading)
        self.write(" " * self.current_indent + text + "\n")

    def write_text(self, text: str) -> None:
        """Write paragraphs wrapped to the width at the current indentation."""
        indent = " " * self.current_indent
        width = max(self.width - self.current_indent, 20)
        paragraphs = [wrap(paragraph, width) for paragraph in text.split("\n\n")]
        self.write("\n\n".join("\n".join(indent + line for line in lines) for lines in paragraphs))
        self.write("\n")

    def write_dl(
        self,
        rows: Iterable[tuple[str, str]],
        col_max: int = COLUMN_MAX,
        col_spacing: int = 2,
    ) -> None:
        """Write a two-column list (options, commands), the second column wrapped in cells."""
        rows = list(rows)
        first_width = min(max((cell_width(row[0]) for row in rows), default=0), col_max)
        indent = " " * self.current_indent
        hanging = " " * (self.current_indent + first_width + col_spacing)
        text_width = max(self.width - self.current_indent - first_width - col_spacing, 10)
        for first, second in rows:
            lines = wrap(second, text_width) if second else []
            if not lines:
                self.write(f"{indent}{first}\n")
                continue
            if cell_width(first) > first_width:
                self.write(f"{indent}{first}\n{hanging}{lines[0]}\n")
            else:
                gap = " " * col_spacing
                self.write(f"{indent}{pad(first, first_width)}{gap}{lines[0]}\n")
            self.write("".join(f"{hanging}{line}\n" for line in lines[1:]))

