"""`printable` shows every control and invisible character, one for one; JSON lines escape them."""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.text_safety import INVISIBLE_LETTERS, UNSAFE_CHARACTERS, json_line
from tui.widgets.text_cells import HIDDEN_MARK, data_text, fit_cells, printable

ESCAPES = "\x1b]0;PWNED\x07\x1b[2J"
ALL_CHARACTERS = st.characters(codec=None, exclude_categories=())


def unsafe_by_unicode(character: str) -> bool:
    """What must never be printed as it is, by Unicode category (the definition, slowly)."""
    return unicodedata.category(character) in {"Cc", "Cf", "Cs", "Zl", "Zp"}


def test_the_unsafe_set_is_every_control_format_and_surrogate_character() -> None:
    missing = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if unsafe_by_unicode(chr(code)) and not UNSAFE_CHARACTERS.match(chr(code))
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (ESCAPES, "␛]0;PWNED␇␛[2J"),
        ("a\nb\rc", "a␤b␍c"),
        ("x\x7f\x00", "x␡␀"),
        ("tab\there", "tab here"),
        ("\u3164\u115f", HIDDEN_MARK * 2),
        ("\u202etxt.exe\u200b\x9b", f"{HIDDEN_MARK}txt.exe{HIDDEN_MARK}{HIDDEN_MARK}"),
        ("\U000e0041\ufeff\u2028", HIDDEN_MARK * 3),
        ("全角　空格 和 ordinary spaces", "全角　空格 和 ordinary spaces"),
    ],
)
def test_unsafe_characters_are_shown_visibly(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_multiline_keeps_line_breaks_and_nothing_else() -> None:
    shown = printable(f"第一行{ESCAPES}\n第二行\r", multiline=True)
    assert shown == "第一行␛]0;PWNED␇␛[2J\n第二行␍"


@given(st.text(ALL_CHARACTERS))
def test_one_character_stays_one_and_nothing_unsafe_is_left(text: str) -> None:
    shown = printable(text)
    assert len(shown) == len(text)
    assert not any(unsafe_by_unicode(character) for character in shown)
    kept = [
        (before, after)
        for before, after in zip(text, shown, strict=True)
        if not unsafe_by_unicode(before) and before not in INVISIBLE_LETTERS
    ]
    assert all(after == before for before, after in kept)
    assert printable(shown) == shown


@given(st.text(ALL_CHARACTERS))
def test_multiline_keeps_the_offsets_of_every_line(text: str) -> None:
    shown = printable(text, multiline=True)
    assert [len(line) for line in shown.split("\n")] == [len(line) for line in text.split("\n")]


@given(st.text(ALL_CHARACTERS), st.integers(min_value=0, max_value=40))
def test_fitted_cells_are_printable(text: str, width: int) -> None:
    assert not any(unsafe_by_unicode(character) for character in fit_cells(text, width))


def test_data_text_is_never_markup() -> None:
    assert data_text("[@click=app.quit]Q[/] [b]x[/b]").plain == "[@click=app.quit]Q[/] [b]x[/b]"


@given(st.recursive(st.text(ALL_CHARACTERS), lambda inner: st.lists(inner, max_size=3)))
def test_json_lines_decode_to_the_same_value_and_hold_nothing_unsafe(value: object) -> None:
    line = json_line(value)
    assert json.loads(line) == value
    assert not any(unsafe_by_unicode(character) for character in line)
    assert "\n" not in line


def test_json_lines_keep_chinese_readable() -> None:
    assert json_line({"name": "购置经费"}) == '{"name": "购置经费"}'
