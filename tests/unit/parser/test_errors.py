"""A ParseError says where the text stopped looking like a table, in words a UI can translate."""

from __future__ import annotations

import pytest

from parser import ParseError, parse


def test_text_without_a_table_is_refused_at_its_first_line_after_the_titles() -> None:
    text = "部门名称：某局\n\n项目支出绩效目标表\n\n    某项目\n\n随便写点\n"
    with pytest.raises(ParseError) as raised:
        parse(text)
    error = raised.value
    assert (error.line, error.column) == (5, 5)
    assert str(error).endswith("check that this is the right file (line 5, column 5)")
    assert error.message == error.template.format(**dict(error.params))
    assert "{example}" in error.template


def test_text_of_titles_alone_is_refused_at_its_end() -> None:
    with pytest.raises(ParseError) as raised:
        parse("项目支出绩效目标表\n绩效目标 绩效指标\n")
    assert (raised.value.line, raised.value.column) == (3, 1)


def test_a_plain_message_still_makes_an_error_without_a_place() -> None:
    error = ParseError("the file is binary, not text")
    assert (str(error), error.message, error.template, error.params) == (
        "the file is binary, not text", "the file is binary, not text",
        "the file is binary, not text", ())
    assert error.line == 0
