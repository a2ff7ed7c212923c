"""Lays out a project's fields as lines of styled pieces by hand: far cheaper than rich's Table."""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.style import Style

from store.i18n import N_, _
from store.labels import FIELD_LABELS, Label, field_label, indicator_field_label, status_label
from store.views import IndicatorView, ProjectDetail, Status
from tui.logged_text import flag_text
from tui.widgets.reparse_diff import reparse_changes
from tui.widgets.text_cells import fit_cells, printable

Piece = tuple[str, Style]
Line = list[Piece]

PLAIN = Style()
DIM = Style(dim=True)
BOLD = Style(bold=True)
WARN = Style(bold=True, color="yellow")
HEADER = Style(bold=True, underline=True)
SELECTED = Style(reverse=True)
SELECTED_UNFOCUSED = Style(bold=True, underline=True)
STATUS_STYLES = {
    Status.VERIFIED: ("✓ ", Style(bold=True, color="green")),
    Status.FLAGGED: ("! ", WARN),
    Status.UNREVIEWED: ("", DIM),
}
"""Each status's mark before its name, and its style."""
UNIT_LABEL = FIELD_LABELS["unit"]
NOTE_LABEL = FIELD_LABELS["note"]
# TRANSLATORS: label before one parser flag of a project in the fields pane (English shows "flag")
FLAG_LABEL = Label(N_("parser flag"), english="flag")
# TRANSLATORS: label before the other names the parser considered for a project ("also")
ALSO_LABEL = Label(N_("other candidate names"), english="also")
LINE_LABELS = (UNIT_LABEL, NOTE_LABEL, FLAG_LABEL, ALSO_LABEL)
PIECE_GAP = "   "
"""Between the pieces of the status line: spaces, which every terminal draws one cell wide."""
LABEL_GAP = 2
NARROW_LEVEL_CELLS = 5
"""Panes under ~47 columns show the level codes alone (`1/11`); `e` shows the names."""


def wrap_cells(text: str, width: int) -> list[str]:
    """Cut text into pieces of at most `width` cells: Chinese anywhere, Latin words at a space."""
    text = printable(text)
    if width <= 0 or cell_len(text) <= width:
        return [text]
    pieces, start, cells = [], 0, 0
    index = 0
    while index < len(text):
        size = get_character_cell_size(text[index])
        if cells + size > width and index > start:
            cut = _word_break(text, start, index)
            pieces.append(text[start:cut].rstrip(" "))
            cut += text[cut] == " "  # a line does not start with the space it broke at
            start, cells, index = cut, 0, cut
            continue
        cells += size
        index += 1
    pieces.append(text[start:])
    return pieces


CLOSING = "）)】」』》，。、；：？！%％"
"""Characters a wrapped line does not start with: they stay with what they close or end."""


def _word_break(text: str, start: int, index: int) -> int:
    """Where to cut before `index`: after the last space when a Latin word would be split, and
    one character earlier when the line would start with closing punctuation."""
    if text[index] in CLOSING and index - 1 > start:
        return index - 1
    if not (text[index].isascii() and text[index].isalnum() and text[index - 1].isalnum()):
        return index
    space = text.rfind(" ", start + 1, index)
    return space + 1 if space > start else index


def paragraph(text: str, width: int, style: Style = PLAIN) -> list[Line]:
    """A wrapped paragraph, one line per piece."""
    return [[(piece, style)] for piece in wrap_cells(text, width)]


def label_cells() -> int:
    """Cells of the label column: the widest label in the active language, then a gap."""
    return max(cell_len(label.text()) for label in LINE_LABELS) + LABEL_GAP


def labelled(label: Label, text: str, width: int, style: Style = PLAIN) -> list[Line]:
    """`label  text`, wrapped under the text with a hanging indent."""
    cells = label_cells()
    lines = []
    for number, piece in enumerate(wrap_cells(text, width - cells)):
        head = fit_cells(label.text() if number == 0 else "", cells)
        lines.append([(head, DIM), (piece, style)])
    return lines


def status_line(detail: ProjectDetail) -> Line:
    """Confidence, the review status with its mark, and who changed the project last."""
    mark, status_style = STATUS_STYLES.get(detail.status, ("", PLAIN))
    confidence = _("confidence {value}").format(value=f"{detail.confidence:.2f}")
    line = [(confidence + PIECE_GAP, DIM), (mark + status_label(detail.status), status_style)]
    if detail.updated_by:
        changed_by = _("by {reviewer}").format(reviewer=printable(detail.updated_by))
        line.append((PIECE_GAP + changed_by, DIM))
    return line


def header_lines(detail: ProjectDetail, width: int) -> list[Line]:
    """Name, confidence and status, unit, note, parser flags with reasons, alternatives."""
    name = detail.name or _("(no name)")
    lines = [*paragraph(name, width, BOLD), status_line(detail), []]
    lines += labelled(UNIT_LABEL, detail.unit, width)
    if detail.note:
        lines += labelled(NOTE_LABEL, detail.note, width, WARN)
    for flag in detail.flags:
        lines += labelled(FLAG_LABEL, flag_text(flag), width, WARN)
    if detail.alternatives:
        others = "   ".join(f"{item.name} ({item.score:.2f})" for item in detail.alternatives[:5])
        lines += labelled(ALSO_LABEL, others, width)
    return lines


MIN_VALUE_CELLS = 6
MIN_NAME_CELLS = 12


def column_widths(width: int, indicators: tuple[IndicatorView, ...] = ()) -> list[int]:
    """Cells for #, level, name, period and annual value; fits any width from 36 cells up.

    The value columns are as wide as the project's values that fit a fifth of the table (never
    cut inside a number), and at least as wide as a line of their titles; a longer value goes on
    its own full-width line below its row. When most values are longer, there are no value
    columns: every value has its own line.
    """
    available = width - 11  # the # column and two spaces around each other column
    level = 17 if available >= 64 else 13 if available >= 36 else NARROW_LEVEL_CELLS
    cap = max(available // 5, MIN_VALUE_CELLS)
    cap = max(min(cap, (available - level - MIN_NAME_CELLS) // 2), MIN_VALUE_CELLS)
    values = _value_cells(indicators)
    fitting = [cells for cells in values if cells <= cap]
    if len(fitting) * 2 < len(values):
        return [3, level, max(available - level, 4), 0, 0]
    value = max([MIN_VALUE_CELLS, min(value_title_cells(), cap), *fitting])
    name = max(available - level - 2 * value, 4)
    return [3, level, name, value, value]


def _value_cells(indicators: tuple[IndicatorView, ...]) -> list[int]:
    """The width in cells of every period and annual value."""
    return [
        cell_len(printable(value))
        for item in indicators
        for value in (item.period_value, item.annual_value)
    ]


def value_titles() -> list[str]:
    """The titles of the period and annual value columns, in the active language."""
    # TRANSLATORS: title of the column of period values (实施周期指标值), a few cells wide; each
    # line break (\n) is a place where it may break when the column is narrow
    period = _("period")
    # TRANSLATORS: title of the column of annual values (年度指标值); each line break (\n) is a
    # place where it may break
    annual = _("annual")
    return [period, annual]


def value_title_cells() -> int:
    """Cells of the widest unbreakable piece of the value columns' titles."""
    return max(cell_len(piece) for title in value_titles() for piece in title.split("\n"))


def title_pieces(title: str, cells: int) -> list[str]:
    """A title's lines in a column of `cells`: its pieces (between the translator's line breaks)
    joined while they fit, a piece wider than the column wrapped by cells."""
    lines: list[str] = []
    for piece in title.split("\n"):
        if lines and cell_len(lines[-1] + piece) <= cells:
            lines[-1] += piece
        else:
            lines += wrap_cells(piece, cells)
    return lines


def title_lines(widths: list[int]) -> list[Line]:
    """The table's column titles, each in its column."""
    narrow = widths[1] <= NARROW_LEVEL_CELLS
    level = _("level") if narrow else _("level 1 / 2")
    titles = ["#", level, indicator_field_label("name"), *value_titles()]
    cells = [title_pieces(title, cells) for title, cells in zip(titles, widths, strict=True)]
    return _cell_lines(cells, widths, HEADER)


def indicator_lines(
    indicators: tuple[IndicatorView, ...], width: int, selected: int | None, focused: bool = True
) -> list[Line]:
    """The indicators as a table: each cell wrapped in its column, the selected row reversed."""
    widths = column_widths(width, indicators)
    lines: list[Line] = title_lines(widths)
    for index, item in enumerate(indicators):
        style = PLAIN
        if index == selected:
            style = SELECTED if focused else SELECTED_UNFOCUSED
        lines += _indicator_rows(item, widths, width, style)
    return lines


def _indicator_rows(item: IndicatorView, widths: list[int], width: int, style: Style) -> list[Line]:
    """One indicator's lines: its table row, then any value too wide for its column."""
    narrow = widths[1] <= NARROW_LEVEL_CELLS
    levels = (
        [f"{item.level1_code}/{item.level2_code}"]
        if narrow
        else wrap_cells(f"{item.level1_code} {item.level1}", widths[1])
        + wrap_cells(f"{item.level2_code} {item.level2}", widths[1])
    )
    values = [item.period_value, item.annual_value]
    fits = all(cell_len(printable(value)) <= widths[3] for value in values)
    cells = [
        [str(item.seq)],
        levels,
        wrap_cells(item.name, widths[2]),
        [printable(values[0])] if fits else [],
        [printable(values[1])] if fits else [],
    ]
    lines = _cell_lines(cells, widths, style)
    if not fits:
        lines += _wide_values(values, widths[0] + 1, width, style)
    return lines


def _cell_lines(cells: list[list[str]], widths: list[int], style: Style) -> list[Line]:
    """The screen lines of one table row whose cells were wrapped into pieces."""
    lines = []
    for row in range(max(len(cell) for cell in cells)):
        texts = [cell[row] if row < len(cell) else "" for cell in cells]
        lines.append(_row_line(texts, widths, style))
    return lines


def _wide_values(values: list[str], indent: int, width: int, style: Style) -> list[Line]:
    """Values too wide for their columns, each labelled, wrapped under the name column."""
    labels = [field_label("period_value"), field_label("annual_value")]
    if values[0] == values[1]:
        # TRANSLATORS: label of an indicator's value when its period and annual values are equal
        values, labels = values[:1], [_("value")]
    label_cells = max(cell_len(label) for label in labels) + 2
    lines: list[Line] = []
    for label, value in zip(labels, values, strict=True):
        pieces = wrap_cells(value, max(width - indent - label_cells, 8))
        for number, piece in enumerate(pieces):
            head = " " * indent + fit_cells(label if number == 0 else "", label_cells)
            lines.append([(fit_cells(head + piece, width), style)])
    return lines


def _row_line(texts: list[str], widths: list[int], style: Style) -> Line:
    """One screen line of the table."""
    first = texts[0].rjust(widths[0] - 1) + " "
    rest = "".join(
        " " + fit_cells(text, cells) + " "
        for text, cells in zip(texts[1:], widths[1:], strict=True)
    )
    return [(first + rest, style)]


OLD = Style(color="red", strike=True)
NEW = Style(color="green")


def reparse_lines(detail: ProjectDetail, width: int) -> list[Line]:
    """Return the fields a reparse read differently: each old value (-) above its new one (+)."""
    changes = reparse_changes(detail)
    if not changes:
        return []
    lines: list[Line] = [[(_("Before the reparse (- old, + new):"), WARN)]]
    for label, old, new in changes:
        lines.append([(label, DIM)])
        for sign, text, style in (("- ", old, OLD), ("+ ", new, NEW)):
            for number, piece in enumerate(wrap_cells(text or _("(empty)"), max(width - 2, 4))):
                lines.append([(sign if number == 0 else "  ", style), (piece, style)])
    return [*lines, []]


def fields_lines(
    detail: ProjectDetail, width: int, selected: int | None, focused: bool = True
) -> list[Line]:
    """Every line the fields pane shows for one project."""
    lines = header_lines(detail, width)
    lines += [[], *reparse_lines(detail, width)]
    lines += [*paragraph(detail.target or _("(no target)"), width), []]
    if detail.indicators:
        lines += indicator_lines(detail.indicators, width, selected, focused)
    else:
        lines.append([(_("(no indicators)"), DIM)])
    return lines
