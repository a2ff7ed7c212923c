"""Turn a file's bytes into normalised text, kept apart from parsing so the parser stays pure."""

from __future__ import annotations

from dataclasses import dataclass

from parser.errors import ParseError
from parser.text import N_

_BOM = b"\xef\xbb\xbf"
# Control characters that never occur in extracted text; tab, LF and CR are allowed.
_BINARY_CONTROLS = frozenset(range(0, 32)) - {9, 10, 13}
_OTHER_BYTES = bytes(byte for byte in range(256) if byte not in _BINARY_CONTROLS)


_CUT_REASONS = frozenset({"unexpected end of data", "incomplete multibyte sequence"})
"""How the UTF-8 and GB18030 decoders say the bytes stop inside a character."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text plus the encoding it was read with, so the store can record it."""

    text: str
    encoding: str


def normalise_newlines(text: str) -> str:
    """Convert CRLF and lone CR to LF so spans mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(data: bytes) -> bool:
    """Tell binary data by NUL bytes or many control characters in its first 8 KB."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _OTHER_BYTES))  # what is left are the controls
    return controls > max(4, len(sample) // 200)


def _refuse_binary(data: bytes) -> None:
    """Refuse bytes that are not text: a NUL anywhere, or many control characters early on."""
    if _looks_binary(data):
        raise ParseError(
            N_("the file is binary, not text; export the table from the PDF as plain text first")
        )
    nul = data.find(b"\x00", 8192)
    if nul >= 0:
        line_start = data.rfind(b"\n", 0, nul) + 1
        column = len(data[line_start:nul].decode("utf-8", "replace")) + 1
        raise ParseError(
            N_(
                "the file holds a NUL byte, so it is damaged or not text; export the table "
                "from the PDF as plain text again"
            ),
            line=data.count(b"\n", 0, nul) + 1,
            column=column,
        )


def _decoded_until_cut(data: bytes, encoding: str) -> str | None:
    """Decode bytes in an encoding, or None if they are not in it.

    Bytes that stop inside a character (a file cut off) are decoded up to the cut and end in
    U+FFFD, so the text shows where it stops and the parser flags the cut as `truncated`.
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if error.end < len(data) or error.reason not in _CUT_REASONS:  # invalid, not cut off
            return None
        try:
            return data[: error.start].decode(encoding) + "\ufffd"
        except UnicodeDecodeError:
            return None


def decode(data: bytes) -> Decoded:
    """Decode UTF-8 (with or without BOM) or GB18030 bytes, or raise a ParseError a user reads.

    A file cut inside its last character keeps the text before the cut (see `_decoded_until_cut`).
    """
    _refuse_binary(data)
    if data.startswith(_BOM):
        candidates = [("utf-8-sig", data[len(_BOM) :])]
    else:
        candidates = [("utf-8", data), ("gb18030", data)]
    for encoding, payload in candidates:
        text = _decoded_until_cut(payload, "utf-8" if encoding == "utf-8-sig" else encoding)
        if text is not None:
            return Decoded(normalise_newlines(text), encoding)
    raise ParseError(
        N_("the file is neither UTF-8 nor GB18030 text; re-save it in one of those encodings")
    )
