"""Regenerate the bad-input gallery from the sample: `python tests/data/bad/make_gallery.py`.

Each file is one kind of input gzreview meets in practice; `README.md` beside it says what gzreview
must do with each, and `tests/functional/test_bad_input.py` checks it through the CLI.
"""

from __future__ import annotations

import base64
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[2] / "data" / "000_a843d2df25de4824.txt"
SECOND_UNIT = "广州市工业和信息化产业发展中心\n"
STRAY_LINE = "注：本表数据仅供参考，以正式文件为准。"
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def first_unit(text: str) -> str:
    """Return the sample up to its second unit header: a complete, smaller document."""
    return text[: text.index(SECOND_UNIT)]


def replace_once(text: str, old: str, new: str) -> str:
    """Replace exactly one occurrence, failing loudly if the sample no longer contains it."""
    if text.count(old) < 1:
        raise ValueError(f"the sample no longer contains {old!r}")
    return text.replace(old, new, 1)


def truncated(text: str) -> str:
    """Cut the file in the middle of the second project's fourth indicator name."""
    marker = "21-经济效益；落户以来累计创造就业岗"
    second = text.index("支持发展第8.6代TFT-LCD氧化")
    return text[: text.index(marker, second) + len(marker)]


def renumbered(text: str) -> str:
    """Make one project's numbering skip (3 becomes 5) and another's restart (4 becomes 1)."""
    third = "、1-产出指标；12-质量指标；超高清视频和新型显示产业\n"
    skipped = replace_once(text, f"。3{third}", f"。5{third}")
    restart_at = skipped.index("支持发展第8.6代TFT-LCD氧化")
    head, tail = skipped[:restart_at], skipped[restart_at:]
    return head + replace_once(tail, "。4、2-效益指标；\n", "。1、2-效益指标；\n")


def with_stray_line(text: str) -> str:
    """Insert a stray remark between the first project's indicators and the next name."""
    next_name = "    支持发展第8.6代TFT-LCD氧化"
    return replace_once(text, next_name, f"{STRAY_LINE}\n\n{next_name}")


NO_TABLE = """部门名称：广州市工业和信息化局

项目支出绩效目标表（含转移支付项目）

本部门本年度无项目支出绩效目标，特此说明。

如需了解详情，请联系部门办公室。
"""


def write_gallery() -> None:
    """Write every gallery file next to this script."""
    sample = SAMPLE.read_text(encoding="utf-8")
    base = first_unit(sample)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "whitespace.txt": " \t\r\n\u3000 \n\n\t \r\n".encode(),
        "image.png": TINY_PNG,
        "no_table.txt": NO_TABLE.encode("utf-8"),
        "gb18030.txt": base.encode("gb18030"),
        "truncated.txt": truncated(sample).encode("utf-8"),
        "numbering.txt": renumbered(base).encode("utf-8"),
        "stray_text.txt": with_stray_line(base).encode("utf-8"),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    write_gallery()
