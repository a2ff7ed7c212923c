"""Chinese layout holds in terminals that draw ambiguous characters narrow and in those that draw
them wide: the interface's own text has none (data is shown as printed), labels are cut only
between characters, and the help's columns line up in cells in both languages."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from store.i18n import LOCALE_DIR, set_language
from tui.review.commands import review_bindings
from tui.screens.help_screen import columns_text, help_sections
from tui.widgets.fields_layout import STATUS_STYLES, title_pieces, value_title_cells, value_titles
from tui.widgets.project_list import STATUS_MARKS, UNIT_MARK
from tui.widgets.text_cells import CUT_MARK, fit_cells

KEY_ARROWS = frozenset("↑↓")
"""Key names are written as the keyboard shows them."""


def ambiguous(text: str) -> set[str]:
    """The East Asian ambiguous characters of `text` (one cell or two, by terminal setting)."""
    return {char for char in text if unicodedata.east_asian_width(char) == "A"} - KEY_ARROWS


def app_translations() -> dict[str, str]:
    """Every Chinese sentence the app can show: all but those of the command line alone."""
    with (LOCALE_DIR / "zh" / "LC_MESSAGES" / "gzreview.po").open("rb") as file:
        catalog = read_po(file)
    shown = {}
    for message in catalog:
        places = {Path(location).parts[:2] for location, _line in message.locations}
        if message.id and places - {("tui", "cli")}:
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            english = message.id if isinstance(message.id, str) else message.id[0]
            shown[str(english)] = "".join(str(form) for form in forms)
    return shown


def test_the_chinese_interface_writes_no_ambiguous_width_character() -> None:
    found = {english: sorted(ambiguous(chinese)) for english, chinese in app_translations().items()}
    assert {english: chars for english, chars in found.items() if chars} == {}, (
        "write 「」 for quotes, ，；： for separators and no …, — or → in the Chinese"
    )


def test_marks_drawn_before_aligned_columns_are_one_cell_everywhere() -> None:
    marks = [*STATUS_MARKS.values(), CUT_MARK, UNIT_MARK]
    marks += [mark for mark, _style in STATUS_STYLES.values()]
    assert not ambiguous("".join(marks))


@given(
    st.text(alphabet=st.sampled_from("项目名称ab “”（）1"), max_size=20),
    st.integers(min_value=1, max_value=12),
)
def test_a_cut_label_ends_between_characters_and_fills_its_cells(text: str, width: int) -> None:
    fitted = fit_cells(text, width)
    assert cell_len(fitted) == width
    kept = fitted.rstrip(" ").removesuffix(CUT_MARK)
    assert text.startswith(kept.rstrip(" ")) or text.startswith(kept)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("width", [60, 96, 140])
def test_help_columns_line_up_in_cells(language: str, width: int) -> None:
    set_language(language)
    sections = help_sections(review_bindings())
    titles = {title for title, _entries in sections}
    lines = [line for line in columns_text(sections, width).plain.splitlines() if line]
    entries = [line for line in lines if line not in titles]
    starts = {_explanation_cell(line) for line in entries}
    assert len(starts) == 1, (language, width, starts)
    assert all(cell_len(line) <= width for line in lines)


def _explanation_cell(line: str) -> int:
    """The cell where the explanation starts: after the last run of two or more spaces."""
    head = line.rstrip()
    cut = head.rfind("  ")
    while cut > 0 and head[cut - 1] == " ":
        cut -= 1
    gap_end = head.find(next(char for char in head[cut:] if char != " "), cut)
    return cell_len(head[:gap_end])


@pytest.mark.parametrize("cells", [6, 8, 10, 16])
def test_value_titles_break_only_where_the_translator_allows(cells: int) -> None:
    set_language("zh")
    for title in value_titles():
        pieces = title.split("\n")
        lines = title_pieces(title, max(cells, value_title_cells()))
        assert "".join(lines) == "".join(pieces)
        assert all(cell_len(line) <= max(cells, value_title_cells()) for line in lines)
        boundaries = {len("".join(pieces[:end])) for end in range(len(pieces) + 1)}
        ends = {len("".join(lines[:end])) for end in range(len(lines) + 1)}
        assert ends <= boundaries, (title, lines)
