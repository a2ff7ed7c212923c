"""Typed parser errors, so callers can tell a user exactly where the input went wrong."""

from __future__ import annotations


class ParseError(ValueError):
    """Raised when input is not a performance-target table; carries a 1-based line and column."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        """Keep the message and position apart so callers can format them."""
        self.message = message
        self.line = line
        self.column = column
        where = f" (line {line}, column {column})" if line else ""
        super().__init__(f"{message}{where}")


def position_of(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of a character offset, for error messages."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
