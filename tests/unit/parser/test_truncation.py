"""A document cut off at any point is flagged `truncated`, precisely, unless the cut is clean."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from parser import Document, ParseError, parse

SAMPLE = next((Path(__file__).resolve().parents[3] / "data").glob("*.txt"))
CUTS = 400
SEED = 20261126


def doc(*lines: str) -> str:
    """Join visual lines the way the extraction prints them (a blank line after each)."""
    return "\n\n".join(["部门名称：广州市测试局", *lines]) + "\n"


IND_1 = "1、1-产出指标；11-数量指标；巡检次数；实施周期指标值:12次；年度指标值:12次。"
IND_2 = "2、2-效益指标；22-社会效益；巡检覆盖率；实施周期指标值:100%；年度指标值:100%。"
WHOLE = doc("    巡检项目", "通过开展巡检工作。", IND_1, IND_2)


def truncated(document: Document) -> list[str]:
    """Return the messages of the document's `truncated` findings."""
    return [flag.message for flag in document.flags if flag.code == "truncated"]


def test_a_whole_document_is_not_truncated() -> None:
    assert truncated(parse(WHOLE)) == []
    assert truncated(parse(SAMPLE.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (WHOLE[: WHOLE.index("年度指标值:100%")] + "\n", "indicator 2"),  # no annual value
        (WHOLE[: WHOLE.rindex("。")] + "\n", "closing 。"),  # value without its 。
        (WHOLE[: WHOLE.rindex("2、2-效益")] + "2、2-效\n", "closing 。"),  # head cut short
        (WHOLE + "\n    档案项目\n\n通过开展档案工作。\n", "no indicator list"),  # target only
        (doc("    巡检项目", "通过开展巡检工作。", IND_1, "    档案项目"), "档案项目"),
        (WHOLE + "\n    档案项", "“档案项” and no block"),  # a name cut inside its line
        (doc("通过开展巡检工作。", IND_1, "    巡检项目-"), "broken off"),  # name printed after
    ],
)
def test_each_unfinished_ending_is_flagged(text: str, quoted: str) -> None:
    document = parse(text)
    messages = truncated(document)
    assert len(messages) == 1 and quoted in messages[0]
    flag = next(flag for flag in document.flags if flag.code == "truncated")
    assert flag.span is not None and text[flag.span[0] : flag.span[1]].strip()


def test_the_unfinished_last_project_carries_the_flag() -> None:
    document = parse(WHOLE[: WHOLE.rindex("。")] + "\n")
    assert "truncated" in document.projects[-1].flag_codes
    assert document.projects[-1].confidence < parse(WHOLE).projects[-1].confidence


def test_a_name_broken_at_a_full_line_is_flagged() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    cut = text[: text.rindex("2024年信息化运行维护项目")]  # the last name's first line only
    assert any("broken off" in message for message in truncated(parse(cut)))


def _clean_ends(document: Document) -> set[int]:
    """Return where whole items end: a cut there loses whole items and cannot be told apart."""
    ends = {unit.span[1] for unit in document.units} | {span[1] for span in document.noise}
    for project in document.projects:
        ends.add(project.block[1])
        ends.update(indicator.span[1] for indicator in project.indicators)
        if project.name_spans:
            ends.add(project.name_spans[-1][1])
    return ends


def test_every_cut_inside_an_item_is_flagged_truncated() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    clean = _clean_ends(parse(text))
    rng = random.Random(SEED)
    inside = missed = 0
    for cut in sorted(rng.randrange(1, len(text.rstrip())) for _ in range(CUTS)):
        kept = text[:cut]
        if len(kept.rstrip()) in clean:
            continue  # the text ends exactly after a whole name, indicator, block or header
        inside += 1
        try:
            document = parse(kept)
        except ParseError:
            continue  # cut before the first indicator: refused as "no table", never imported
        if not truncated(document):
            missed += 1
            print(f"cut at {cut} not flagged: …{kept[-40:]!r}")
    assert inside > CUTS * 0.9
    assert missed == 0
