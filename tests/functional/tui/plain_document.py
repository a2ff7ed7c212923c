"""A document written in plain ASCII, so any Chinese on screen can only come from the interface."""

from __future__ import annotations

from parser.model import Document, Flag, Indicator, NameCandidate, NameLine, Project, Unit
from tests.functional.tui.synthetic import _Writer, import_synthetic

UNIT = "Test Bureau"


def _project(writer: _Writer, number: int) -> Project:
    """Project `number`: a name line, a target and two indicators, flagged every second one."""
    name = f"Road repair {number}"
    name_span = writer.line("    " + name)
    target = f"Repair {number + 2} roads in the north district this year."
    target_span = writer.line(target)
    indicators = []
    for seq in (1, 2):
        value = f"{seq * 10} km" if seq == 1 else "at least 95 percent"
        span = writer.line(f"{seq}. 1-output; 11-quantity; roads repaired {seq}; {value}; {value}.")
        indicators.append(
            Indicator(seq, "1", "output", "11", "quantity", f"roads repaired {seq}", value,
                      value, span)
        )
    flags = (Flag("name_displaced", "the name was printed away from this block"),)
    return Project(
        unit=UNIT,
        name=name,
        name_spans=((name_span[0] + 4, name_span[1]),),
        target=target,
        target_spans=(target_span,),
        indicators=tuple(indicators),
        block=(target_span[0], indicators[-1].span[1]),
        order=number,
        confidence=0.6 if number % 2 else 0.95,
        flags=flags if number % 2 else (),
        alternatives=(NameCandidate(f"Road repair {number + 1}", 0.4),),
    )


def plain_document(source: str = "plain.txt", projects: int = 6) -> Document:
    """A document of one unit, a stray name and a cut-off end, all in ASCII."""
    writer = _Writer()
    writer.line("Performance targets of project spending")
    writer.line("Department: Test Department")
    unit = Unit(UNIT, writer.line(UNIT))
    items = [_project(writer, number) for number in range(projects)]
    stray = writer.line("    Lost project name")
    end = writer.line("1. 1-output; 11-quantity; bridges; 3")
    return Document(
        source,
        writer.text,
        "Test Department",
        (unit,),
        tuple(items),
        unassigned_names=(NameLine("Lost project name", (stray,)),),
        flags=(Flag("truncated", "the text ends in the middle of an indicator", end),),
    )


def import_plain(path: str) -> str:
    """A new database at `path` holding the plain document."""
    import_synthetic(path, [plain_document()])
    return path
