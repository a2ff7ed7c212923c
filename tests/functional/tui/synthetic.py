"""Synthetic documents with known spans, so app tests do not depend on the parser's guesses."""

from __future__ import annotations

from pathlib import Path

from parser.model import Document, Flag, Indicator, NameCandidate, Project, Unit
from store.importer import SourceFile
from store.repository import Repository

INDICATOR_LINE = (
    "{seq}、1-产出指标；11-数量指标；{name}；实施周期指标值:{value}；年度指标值:{value}。"
)


class _Writer:
    """Appends lines (each followed by a blank line, as extracted) and tracks offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def line(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text + "\n\n")
        self.length += len(text) + 2
        return start, start + len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def synthetic_document(
    source: str, unit_names: list[str], projects_per_unit: int, name_after_block: bool = False
) -> Document:
    """A document whose project i of unit u is named `{unit}项目{i}[甲]` with two indicators."""
    writer = _Writer()
    writer.line(f"项目支出绩效目标表（{source}）")
    writer.line("部门名称：测试部门")
    units: list[Unit] = []
    projects: list[Project] = []
    for unit_name in unit_names:
        units.append(Unit(unit_name, writer.line(unit_name)))
        for number in range(projects_per_unit):
            projects.append(_project(writer, unit_name, number, len(projects), name_after_block))
    return Document(source, writer.text, "测试部门", tuple(units), tuple(projects))


def _project(
    writer: _Writer, unit: str, number: int, order: int, name_after_block: bool
) -> Project:
    """Write one project's lines and return it with the spans of what was written."""
    name = f"{unit[:4]}项目{number}[b]甲[/b]"
    name_span = None if name_after_block else writer.line("    " + name)
    target_span = writer.line(f"通过实施{name}，完成第{number}项建设目标。")
    indicators = []
    for seq in (1, 2):
        span = writer.line(
            INDICATOR_LINE.format(seq=seq, name=f"完成任务{number}-{seq}", value=f"{seq}个")
        )
        indicators.append(
            Indicator(
                seq,
                "1",
                "产出指标",
                "11",
                "数量指标",
                f"完成任务{number}-{seq}",
                f"{seq}个",
                f"{seq}个",
                span,
            )
        )
    block = (target_span[0], indicators[-1].span[1])
    if name_span is None:
        name_span = writer.line("    " + name)
    name_span = (name_span[0] + 4, name_span[1])
    flags = (Flag("name_uncertain", "name printed after the block"),) if number % 3 == 2 else ()
    return Project(
        unit=unit,
        name=name,
        name_spans=(name_span,),
        target=f"通过实施{name}，完成第{number}项建设目标。",
        target_spans=(target_span,),
        indicators=tuple(indicators),
        block=block,
        order=order,
        confidence=0.5 if flags else 0.95,
        flags=flags,
        alternatives=(NameCandidate(f"{unit[:4]}项目{number + 1}", 0.4),),
    )


def import_synthetic(
    database: str | Path, documents: list[Document], reviewer: str = "tester"
) -> None:
    """Import synthetic documents into a fresh database through the store."""
    with Repository.open(database, reviewer) as repository:
        for document in documents:
            source = SourceFile(document.source, document.text, "utf-8")
            repository.import_parsed(source, document)
