"""Turn a file's bytes into normalised text, kept apart from parsing so the parser stays pure."""

from __future__ import annotations

from dataclasses import dataclass

from parser.errors import ParseError

_BOM = b"\xef\xbb\xbf"
# Control characters that never occur in extracted text; tab, LF and CR are allowed.
_BINARY_CONTROLS = frozenset(range(0, 32)) - {9, 10, 13}
_OTHER_BYTES = bytes(byte for byte in range(256) if byte not in _BINARY_CONTROLS)


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


def decode(data: bytes) -> Decoded:
    """Decode UTF-8 (with or without BOM) or GB18030 bytes, or raise a ParseError a user reads."""
    if _looks_binary(data):
        raise ParseError(
            "the file is binary, not text; export the table from the PDF as plain text first"
        )
    if data.startswith(_BOM):
        candidates = [("utf-8-sig", data)]
    else:
        candidates = [("utf-8", data), ("gb18030", data)]
    for encoding, payload in candidates:
        try:
            text = payload.decode("utf-8" if encoding == "utf-8-sig" else encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig":
            text = text[1:] if text.startswith("\ufeff") else text
        return Decoded(normalise_newlines(text), encoding)
    raise ParseError(
        "the file is neither UTF-8 nor GB18030 text; re-save it in one of those encodings"
    )
