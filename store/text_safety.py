"""Which characters of a document, note or name must never reach a terminal as they are.

Text comes from outside (PDF converters, colleagues' files, replayed logs). Control characters
can drive a terminal (ESC sequences set its title, clear it, forge lines), and invisible format
characters (bidi overrides, zero-width marks) can make text read differently from what it holds.
The app and the CLI show each of them as one visible character (`tui.widgets.text_cells`); JSON
output writes them as `\\uXXXX` escapes, which JSON readers turn back into the same text.
"""

from __future__ import annotations

import json
import re
from typing import Any

FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
"""Unicode's format characters (Cf) and line/paragraph separators (Zl, Zp): invisible, and
some reorder or split the text around them. A test checks this against `unicodedata`."""

INVISIBLE_LETTERS = "\u034f\u115f\u1160\u3164\uffa0"
"""Characters that are letters or marks to Unicode yet print as nothing (fillers, a joiner)."""



def unsafe_characters(allowed: str = "") -> re.Pattern[str]:
    """Return a pattern of the unsafe characters, except the C0 controls in `allowed`.

    Unsafe: control characters (C0, DEL, C1), lone surrogates (no terminal can encode them),
    format characters and invisible letters.
    """
    controls = "".join(re.escape(chr(code)) for code in range(0x20) if chr(code) not in allowed)
    return re.compile(
        f"[{controls}\x7f-\x9f\ud800-\udfff{FORMAT_CHARACTERS}{INVISIBLE_LETTERS}]"
    )


UNSAFE_CHARACTERS = unsafe_characters()


def _json_escape(match: re.Match[str]) -> str:
    """Return a character as JSON `\\uXXXX` escapes (a surrogate pair above the BMP)."""
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_line(value: Any) -> str:
    """Return `value` as one line of JSON, Chinese kept readable, unsafe characters escaped.

    `json.dumps` already escapes C0 controls; DEL, C1, format characters and the rest are
    escaped here, so the line is safe on a terminal and decodes to exactly the same value.
    """
    text = json.dumps(value, ensure_ascii=False)
    return UNSAFE_CHARACTERS.sub(_json_escape, text)
