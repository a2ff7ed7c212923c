"""Find indicator heads where they may begin: at the start of a cell or right after a `。`."""

from __future__ import annotations

import re
from collections.abc import Iterator


def heads_after_stops(head: re.Pattern[str], text: str, start: int = 0) -> Iterator[re.Match[str]]:
    """Yield the matches of `head` at `text`'s start (when `start` is 0) and after each `。`.

    This finds what `re.finditer(r"(?:^|。)" + head.pattern, text, start)` finds, provided no
    match of `head` holds a `。` (so matches cannot overlap), but tries the pattern only where a
    head can begin instead of at every character; the `。` itself is not part of a match.
    """
    if start == 0:
        first = head.match(text)
        if first is not None:
            yield first
    stop = text.find("。", start)
    while stop != -1:
        found = head.match(text, stop + 1)
        if found is not None:
            yield found
        stop = text.find("。", stop + 1)
