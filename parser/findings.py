"""A document's own findings, one per problem and each with its place, for reviewers to visit."""

from __future__ import annotations

from parser.model import Document, Flag
from parser.text import N_

_QUOTE = 40


def _quoted(text: str) -> str:
    """Return text on one line, shortened to what a list row can show."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _QUOTE else flat[:_QUOTE] + "…"


def document_findings(document: Document) -> tuple[Flag, ...]:
    """Return every document-level problem with its span, in text order.

    A name no block took and each piece of text nobody understood is one finding; a cut-off end
    (`truncated`) is one more. The summary flags (`unassigned_names`, `unclaimed_text`) are
    left out, since their pieces are listed one by one.
    """
    found = [flag for flag in document.flags if flag.span is not None]
    for name in document.unassigned_names:
        if name.spans:
            span = (name.spans[0][0], name.spans[-1][1])
            template = N_("name “{name}” was printed but given to no block")
            found.append(Flag.of("unassigned_name", template, span, name=_quoted(name.text)))
    for start, end in document.unclaimed:
        quoted = _quoted(document.text[start:end])
        found.append(Flag.of("unclaimed_text", N_("text not understood: “{text}”"), (start, end),
                             text=quoted))
    return tuple(sorted(found, key=lambda flag: (flag.span or (0, 0), flag.code)))


def line_number(text: str, position: int) -> int:
    """Return the 1-based line of a character position, as an editor shows it."""
    return text.count("\n", 0, position) + 1
