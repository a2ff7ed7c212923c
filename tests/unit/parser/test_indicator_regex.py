"""The indicator regular expressions give the fields that searching and stripping give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parser.indicators import _BODY, _START, _starts

_PERIOD_KEY = re.compile(r"实施周期指标值\s*[:：]")
_ANNUAL_KEY = re.compile(r"[；;]\s*年度指标值\s*[:：]")
_RAW_START = re.compile(
    r"(?P<seq>\d+)\s*、\s*(?P<level1_code>\d+)\s*-(?P<level1>[^；;。]*)[；;]"
    r"\s*(?P<level2_code>\d+)\s*-(?P<level2>[^；;。]*)[；;]"
)
_TOKENS = st.sampled_from(
    [
        "实施周期指标值",
        "年度指标值",
        ":",
        "：",
        "；",
        ";",
        "。",
        " ",
        "　",
        "\t",
        "名",
        "≥9",
        "1",
        "、",
        "-",
    ]
)
_TEXTS = st.lists(_TOKENS, max_size=16).map("".join)
_FILLER = st.lists(st.sampled_from(["名", "≥9", "；", ";", "。", " ", "　", "\t", ":"]), max_size=6)
# Bodies shaped like the real ones (`<name>；实施周期指标值:<v>；年度指标值:<v>。`), with the filler
# and the punctuation around each part varying, so every trimming rule gets exercised.
_BODIES = st.tuples(_FILLER, _TOKENS, _FILLER, _TOKENS, _FILLER, _TOKENS, _FILLER).map(
    lambda p: (
        "".join(p[0])
        + f"{p[1]}实施周期指标值："
        + "".join(p[2])
        + f"{p[3]}年度指标值:"
        + "".join(p[4])
        + p[5]
        + "".join(p[6])
    )
)


def _trimmed(text: str, start: int, end: int) -> tuple[str, int]:
    """Return text[start:end] stripped and where the stripped text starts (the plain way)."""
    raw = text[start:end]
    return raw.strip(), start + len(raw) - len(raw.lstrip())


def _reference_body(text: str) -> list[tuple[str, int]] | None:
    """Find the keys with `search`, cut one `；`/`。`, then strip: the reading `_BODY` replaced."""
    period = _PERIOD_KEY.search(text)
    annual = _ANNUAL_KEY.search(text, period.end()) if period else None
    if period is None or annual is None:
        return None
    name_end = len(text[: period.start()].rstrip())
    if name_end and text[name_end - 1] in "；;":
        name_end -= 1
    annual_end = len(text.rstrip())
    if annual_end > annual.end() and text[annual_end - 1] == "。":
        annual_end -= 1
    annual_end = max(annual_end, annual.end())
    cuts = [(0, name_end), (period.end(), annual.start()), (annual.end(), annual_end)]
    return [_trimmed(text, start, end) for start, end in cuts]


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _BODIES))
def test_body_groups_are_the_searched_and_stripped_fields(text: str) -> None:
    """Each body group is the field the searches delimit, stripped, and starts where it does."""
    match = _BODY.match(text)
    expected = _reference_body(text)
    if expected is None:
        assert match is None
        return
    assert match is not None
    got = [(match.group(i), match.start(i)) for i in (1, 2, 3)]
    assert [value for value, _ in got] == [value for value, _ in expected]
    assert [start for value, start in got if value] == [start for value, start in expected if value]


@settings(max_examples=200, deadline=None)
@given(_TEXTS, _TEXTS)
def test_head_levels_are_the_stripped_raw_levels(level1: str, level2: str) -> None:
    """The head matches where the untrimmed head matches, its level groups trimmed in place."""
    text = f"1、1-{level1}；11-{level2}；"
    raw = _RAW_START.match(text)
    match = _START.match(text)
    assert (match is None) == (raw is None)
    if match is None or raw is None:
        return
    assert match.span() == raw.span()
    for group in ("level1", "level2"):
        value, start = _trimmed(text, *raw.span(group))
        assert match.group(group) == value
        if value:
            assert match.start(group) == start


def _reference_heads(text: str) -> list[tuple[int, int]]:
    """Keep the untrimmed heads whose text before them ends in `。` or is blank (the plain way)."""
    heads = []
    for match in _RAW_START.finditer(text):
        before = text[: match.start()].rstrip()
        if not before or before.endswith("。"):
            heads.append(match.span())
    return heads


_CELL_TOKENS = st.sampled_from(
    ["1、1-产出；11-数量；", "2、", "12", "。", " ", "\t", "名", "；", "-"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CELL_TOKENS, max_size=14).map("".join))
def test_heads_are_those_after_a_full_stop(text: str) -> None:
    """Heads found with the `。` in the pattern are the heads the plain look-back keeps."""
    found = [(head.start(1), head.end()) for head in _starts(text)]
    assert found == _reference_heads(text)
