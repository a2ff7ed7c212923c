"""Help text wraps by terminal cells: no line too wide, nothing lost, no line starts with 。"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.cli.cells import cell_width, pad, wrap

TEXT = st.text(alphabet=st.sampled_from("ab Z-项目名称绩效，。（）、 ：[]"), max_size=120)


@given(TEXT, st.integers(min_value=4, max_value=40))
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_width(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


WORD = st.tuples(
    st.sampled_from(["项目", "名称", "ab", "（绩效）"]), st.sampled_from(["", "，", "。", " "])
)
SENTENCE = st.lists(WORD, max_size=30).map(lambda words: "".join(w + p for w, p in words))


@given(SENTENCE, st.integers(min_value=8, max_value=40))
def test_closing_punctuation_stays_with_the_text_before_it(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert not [line for line in lines[1:] if line[0] in "，。、：）" and len(line) > 1]


def test_chinese_wraps_between_characters_and_english_at_spaces() -> None:
    lines = ["导入文本文", "件，每个文", "档一个事", "务。"]
    assert wrap("导入文本文件，每个文档一个事务。", 10) == lines
    assert wrap("one transaction per document", 12) == ["one", "transaction", "per document"]
    assert pad("单位", 6) == "单位  " and pad("12", 4, right=True) == "  12"
