"""Regenerate the hostile-input gallery: `python tests/data/hostile/make_gallery.py`.

`strings.json` holds the hostile strings by kind; `hostile.txt` is the sample's first unit with
some of them printed where a document can carry them (department, names, a target, values).
`README.md` beside it says what gzreview must do with them; the safety tests use both.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[2] / "data" / "000_a843d2df25de4824.txt"
SECOND_UNIT = "广州市工业和信息化产业发展中心\n"

STRINGS: dict[str, dict[str, str]] = {
    "escapes": {
        "title_and_clear": "\x1b]0;PWNED\x07\x1b[2J",
        "colour": "\x1b[31mred\x1b[0m",
        "c1_csi": "\x9b2J\x9d0;PWNED\x9c",
        "bell_backspace": "ok\x07\x08\x08XX",
        "carriage_return": "safe\rFORGED",
        "forged_line": "note\n#99  2026-01-01 00:00:00  admin  verify “all”",
        "del_c0": "a\x7fb\x01c",  # DEL and a C0 control; NUL is refused in edits (test_nul_text)
    },
    "invisible": {
        "bidi_override": "\u202etxt.exe",
        "bidi_isolate": "\u2066abc\u2069",
        "zero_width": "购\u200b置\u200d经\u2060费\ufeff",
        "line_separator": "one\u2028two\u2029three",
        "tag_characters": "hidden\U000e0041\U000e0042",
        "hangul_filler": "\u3164\u115f",
    },
    "markup": {
        "closing_tag": "see [/]",
        "in_name": "a[/]b",
        "click_action": "[@click=app.quit]Q[/]",
        "bold": "[b]bold[/b]",
        "link": "[link=https://example.com]x[/link]",
        "rich_escape": "\\[b]x",
    },
    "formulas": {
        "equals": '=HYPERLINK("http://example.com","x")',
        "after_control": '\x01=HYPERLINK("http://example.com","x")',
        "full_width": "＝1+1",
        "small_form": "﹦1+1",
        "leading_spaces": "   =1+1",
        "leading_zero_width": "\u200b=1+1",
        "plus": "+86 1234",
        "minus": "-2+3",
        "full_width_minus": "－2+3",
        "at": "@SUM(A1:A9)",
        "tab": "\t=1+1",
        "carriage_return": "\r=1+1",
        "dde": "=cmd|' /C calc'!A0",
    },
    "numbers": {
        "overflow": "1e999",
        "twenty_digits": "99999999999999999999",
        "negative": "-5",
    },
}
"""Hostile strings by kind; each is one value a name, note, file name or cell may hold. Huge
inputs (a 140,000-character CSV field, 100,000 nested brackets) are made by the tests instead."""

HOSTILE_NAME = "工业工作经费\x1b]0;PWNED\x07\x1b[2J"
MARKUP_NAME = "综合工作经费[/]"
DEPARTMENT = '=HYPERLINK("http://example.com","部门")广州市工业和信息化局'
TARGET_START = "\x01=HYPERLINK(\"http://example.com\",\"x\")通过委托开展工业产业链"
REPLACEMENTS = (
    ("部门名称：广州市工业和信息化局", f"部门名称：{DEPARTMENT}"),
    ("    工业工作经费\n", f"    {HOSTILE_NAME}\n"),
    ("    综合工作经费\n", f"    {MARKUP_NAME}\n"),
    ("通过委托开展工业产业链", TARGET_START),
    ("实施周期指标值:≥1个；年度指标值:≥1个。4", "实施周期指标值:=1个；年度指标值:-1个。4"),
    ("形成研究报告", "形成研究报告\u202e告报\u200b"),
)
"""Where the hostile document differs from the sample's first unit."""


def hostile_document(text: str) -> str:
    """Return the sample's first unit with the hostile replacements made (each exactly once)."""
    text = text[: text.index(SECOND_UNIT)]
    for old, new in REPLACEMENTS:
        if text.count(old) != 1:
            raise ValueError(f"the sample's first unit no longer holds {old!r} exactly once")
        text = text.replace(old, new)
    return text


def write_gallery() -> None:
    """Write strings.json and hostile.txt next to this script."""
    strings = json.dumps(STRINGS, ensure_ascii=True, indent=1) + "\n"
    (HERE / "strings.json").write_text(strings, encoding="utf-8")
    document = hostile_document(SAMPLE.read_text(encoding="utf-8"))
    (HERE / "hostile.txt").write_bytes(document.encode("utf-8"))


if __name__ == "__main__":
    write_gallery()
