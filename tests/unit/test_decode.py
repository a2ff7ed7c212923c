"""Decoding hostile bytes: NULs anywhere refused, a file cut inside a character kept and flagged."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parser import ParseError, decode, parse

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "000_a843d2df25de4824.txt"
TEXT = SAMPLE.read_text(encoding="utf-8")


def test_a_nul_after_the_first_8_kb_is_refused_with_its_place() -> None:
    data = TEXT.encode("utf-8")
    at = data.index("购置经费".encode(), 9000)
    damaged = data[:at] + b"\x00" + data[at:]
    with pytest.raises(ParseError, match="holds a NUL byte, so it is damaged") as caught:
        decode(damaged)
    before = damaged[:at].decode("utf-8")
    assert caught.value.line == before.count("\n") + 1
    assert caught.value.column == len(before) - before.rfind("\n")


def test_a_nul_in_the_first_8_kb_is_binary() -> None:
    with pytest.raises(ParseError, match="binary, not text"):
        decode(b"text\x00" + TEXT.encode("utf-8"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_file_cut_inside_its_last_character_is_decoded_and_flagged_truncated(
    encoding: str,
) -> None:
    data = TEXT.encode(encoding)
    whole = len(TEXT.encode(encoding).rstrip())
    cuts = [cut for cut in range(whole - 200, whole) if _inside_a_character(data, cut, encoding)]
    assert len(cuts) > 25
    for cut in cuts:
        decoded = decode(data[:cut])
        assert decoded.text.endswith("\ufffd")
        assert TEXT.startswith(decoded.text[:-1])
        assert decoded.encoding == encoding
        document = parse(decoded.text, source="cut.txt")
        assert "truncated" in {flag.code for flag in document.flags}, cut


def _inside_a_character(data: bytes, cut: int, encoding: str) -> bool:
    """Tell whether cutting `data` at `cut` splits a character."""
    try:
        data[:cut].decode("utf-8" if encoding == "utf-8-sig" else encoding)
    except UnicodeDecodeError:
        return True
    return False


def test_an_invalid_byte_before_the_end_is_still_refused() -> None:
    data = TEXT.encode("utf-8")
    with pytest.raises(ParseError, match="neither UTF-8 nor GB18030"):
        decode(data[:5000] + b"\xff\xfe" + data[5000:])


@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cc"]), min_size=1), st.data())
def test_any_cut_of_utf_8_text_decodes_to_a_prefix(text: str, data: st.DataObject) -> None:
    encoded = text.encode("utf-8")
    cut = data.draw(st.integers(min_value=1, max_value=len(encoded)))
    try:
        decoded = decode(encoded[:cut]).text
    except ParseError as error:  # only binary-looking input may be refused
        assert "binary" in str(error)
        return
    kept = decoded.removesuffix("\ufffd")
    assert text.removeprefix("\ufeff").startswith(kept)
