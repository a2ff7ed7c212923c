"""Typed parser errors, so callers can tell a user exactly where the input went wrong."""

from __future__ import annotations

from collections.abc import Mapping

from parser.text import N_

WHERE = N_("{message} (line {line}, column {column})")
"""How an error's sentence and its place are put together."""


class ParseError(ValueError):
    """Raised when input is not a performance-target table; carries a 1-based line and column.

    `template` and `params` (name, value pairs) let a user interface translate the sentence;
    `message` is the English one, `template.format(**dict(params))`.
    """

    def __init__(
        self,
        template: str,
        params: Mapping[str, object] | None = None,
        *,
        line: int = 0,
        column: int = 0,
    ) -> None:
        """Keep the sentence's template, its values and the position apart."""
        self.template = template
        self.params = tuple((key, str(value)) for key, value in (params or {}).items())
        self.message = template.format(**dict(self.params)) if self.params else template
        self.line = line
        self.column = column
        shown = WHERE.format(message=self.message, line=line, column=column)
        super().__init__(shown if line else self.message)

    @classmethod
    def at(
        cls, text: str, offset: int, template: str, params: Mapping[str, object] | None = None
    ) -> ParseError:
        """Return the error for a place in the text given as a character offset."""
        line, column = position_of(text, offset)
        return cls(template, params, line=line, column=column)


def position_of(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of a character offset, for error messages."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
