"""Recognise a document that stops mid-way (a file cut off), so the loss is flagged, not silent."""

from __future__ import annotations

from collections.abc import Sequence

from parser.lines import display_width
from parser.model import Flag, Indicator, NameLine, Span
from parser.text import N_

TRUNCATED = "truncated"
_NO_ANNUAL_VALUE = N_(
    "the document ends inside indicator {seq}, which stops at “{printed}” without its annual "
    "value; the file looks cut off"
)
_NO_CLOSING_STOP = N_(
    "the document ends inside indicator {seq}, which stops at “{printed}” without its closing "
    "。; the file looks cut off"
)


def _quote(text: str, limit: int = 30) -> str:
    """Return the end of a text, shortened from the left, as a reviewer would recognise it."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else "…" + flat[-limit:]


def _unfinished_indicator(text: str, indicators: Sequence[Indicator]) -> Flag | None:
    """Flag the last indicator when it stops before its closing `。` or lacks its annual value."""
    last = indicators[-1]
    printed = text[last.span[0] : last.span[1]].rstrip()
    if printed.endswith("。"):
        return None  # finished, even if malformed (that is `unparsed_text`, not a cut)
    template = _NO_ANNUAL_VALUE if not last.annual_value.strip() else _NO_CLOSING_STOP
    return Flag.of(TRUNCATED, template, last.span, seq=last.seq, printed=_quote(printed))


def truncation_flag(
    text: str,
    block: Span | None,
    target: str,
    indicators: Sequence[Indicator],
    trailing_names: Sequence[NameLine],
    unassigned: Sequence[NameLine],
    name_width: int,
    unread: bool = False,
) -> Flag | None:
    """Return a `truncated` flag when the document's end is unfinished, else None.

    `block` is the last block's extent, `target`/`indicators` what was read from it,
    `trailing_names` the names printed after it, `unassigned` those no block took, and
    `name_width` the widest line of a printed name (a name line that wide was wrapped) and
    `unread` whether the last block has an indicator cell that was not understood (malformed,
    which `unparsed_text` reports, rather than cut off).
    """
    if unassigned:
        name = unassigned[-1]
        template = N_("the document ends with the name “{name}” and no block after it; cut off?")
        return Flag.of(TRUNCATED, template, _extent(name), name=name.text)
    if trailing_names and _wrapped(text, trailing_names[-1], name_width):
        name = trailing_names[-1]
        template = N_("the document ends with the name “{name}” broken off at a line end; "
                      "cut off?")
        return Flag.of(TRUNCATED, template, _extent(name), name=name.text)
    if block is not None and not indicators and not unread:
        template = N_("the document ends with the text “{text}” and no indicator list; cut off?")
        return Flag.of(TRUNCATED, template, block, text=_quote(target))
    if block is not None and indicators:
        if (flag := _unfinished_indicator(text, indicators)) is not None:
            return flag
    elif block is not None and not text[block[0] : block[1]].rstrip().endswith("。"):
        printed = text[block[0] : block[1]]
        template = N_("the document ends inside text that was not understood (“{text}”); "
                      "cut off?")
        return Flag.of(TRUNCATED, template, block, text=_quote(printed))
    return _ends_mid_line(text)


def _extent(name: NameLine) -> Span:
    """Return the span from a name's first to its last printed piece."""
    return (name.spans[0][0], name.spans[-1][1])


_CONNECTORS = "-－–—~～（(《“、,，和及与暨"
"""Characters a name cannot end with: a line ending in one was continued below."""


def _wrapped(text: str, name: NameLine, name_width: int, slack: int = 1) -> bool:
    """Tell whether a name's last printed line was continued: as wide as wrapped ones, or open."""
    start, end = name.spans[-1]
    line = text[text.rfind("\n", 0, start) + 1 : end].strip()
    return line.endswith(tuple(_CONNECTORS)) or display_width(line) >= name_width - slack


def _ends_mid_line(text: str) -> Flag | None:
    """Flag text whose last line stops without a line break and without a closing `。`.

    Exported tables end their last line with a line break; a file cut at a random character
    does not, and its last line (a name, a header) would otherwise look complete.
    """
    body = text.rstrip(" \t\u3000")
    if not body.strip() or body.endswith("\n") or body.endswith("。"):
        return None
    start = body.rfind("\n") + 1
    line = body[start:].strip()
    if not line:
        return None
    template = N_("the document stops mid-line at “{line}” (no line break after it); cut off?")
    span = (start + body[start:].index(line[0]), len(body))
    return Flag.of(TRUNCATED, template, span, line=_quote(line))
