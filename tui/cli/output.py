"""Printing lines that hold data (names, notes, file names) without letting it drive the terminal.

Every CLI line built from stored or read text goes through `echo_line` (control characters shown
visibly, one line stays one line); JSON records go through `echo_json` (unsafe characters as
`\\uXXXX` escapes, so the line decodes to exactly the same value).
"""

from __future__ import annotations

from typing import Any

import click

from store.text_safety import json_line
from tui.widgets.text_cells import printable


def echo_line(text: str, *, err: bool = False) -> None:
    """Print one line; a newline or control character inside it is shown, never obeyed."""
    click.echo(printable(text), err=err)


def echo_json(value: Any) -> None:
    """Print a value as one JSON line that is safe on a terminal and exact in a file."""
    click.echo(json_line(value))
