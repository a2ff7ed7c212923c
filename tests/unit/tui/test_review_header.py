"""The header keeps the progress and the filters in a narrow terminal: whole parts go first."""

from __future__ import annotations

from rich.text import Text

from store.i18n import set_language
from tui.widgets.review_header import HeaderValues, header_text

VALUES = HeaderValues(
    document="0000_a6685f3b62d57bfc.txt", verified=12, total=33512, list_filter="needs review",
    database="/home/reviewer/.local/share/gzreview/gzreview.db", issues=2, own=5,
    narrowing="unit: 广州市工业和信息化产业发展中心",
)


def _shown(width: int | None) -> Text:
    return header_text(VALUES, width)


def test_with_room_every_part_shows() -> None:
    plain = _shown(None).plain
    for words in ("gzreview", VALUES.document, "2 document issues (D)", "12/33512 verified",
                  "(5 by you)", "filter: needs review", VALUES.narrowing, VALUES.database):
        assert words in plain


def test_narrow_lines_drop_whole_parts_and_keep_progress_and_filters() -> None:
    for width in (160, 120, 100, 80):
        shown = _shown(width)
        plain = shown.plain
        assert shown.cell_len <= width
        assert "12/33512 verified" in plain and "filter: needs review" in plain
        assert VALUES.narrowing in plain
        assert VALUES.database not in plain or width >= 160
    at_80 = _shown(80).plain
    assert "gzreview " not in at_80 and VALUES.document not in at_80 and "by you" not in at_80
    assert at_80.startswith(" 12/33512 verified")


def test_the_chinese_header_keeps_its_filters_at_80_columns() -> None:
    set_language("zh")
    try:
        plain = header_text(VALUES, 80).plain
    finally:
        set_language("en")
    assert "已核实 12/33512" in plain and "筛选 待审核" in plain
