"""Shared fixtures: a repository on a throwaway database (either back end), hand-built documents."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from parser import Document, Flag, Indicator, NameCandidate, ParsedValue, Project, Unit
from store.importer import SourceFile
from store.repository import Repository


def make_document(source: str = "doc.txt", projects: int = 3, unit: str = "某单位") -> Document:
    """Return a small parsed document whose text differs per source name (so hashes differ)."""
    text = f"部门名称：某局 {source}\n" + "".join(f"项目{i}目标和指标。\n" for i in range(projects))
    built = []
    for index in range(projects):
        start = 20 + index * 10
        indicators = tuple(
            Indicator(
                seq=seq + 1,
                level1_code="1",
                level1="产出指标",
                level2_code="11",
                level2="数量指标",
                name=f"指标{index}-{seq}",
                period_value="≥9万片" if seq == 0 else "提升",
                annual_value="=1+1" if seq == 1 else "1个",
                span=(start + seq, start + seq + 1),
                period_parsed=ParsedValue("≥", Decimal("9"), "万片") if seq == 0 else None,
                annual_parsed=ParsedValue("", Decimal("1.5"), "个") if seq == 0 else None,
            )
            for seq in range(2)
        )
        built.append(
            Project(
                unit=unit,
                name=f"项目{index}",
                name_spans=((start, start + 3),),
                target=f"通过项目{index}达成目标",
                target_spans=((start + 3, start + 8),),
                indicators=indicators,
                block=(start, start + 10),
                order=index,
                confidence=0.5 + index / 10,
                flags=(Flag("name_uncertain", "名称不确定"),) if index == 0 else (),
                alternatives=(NameCandidate("项目X", 0.3),),
            )
        )
    return Document(source, text, "某局", (Unit(unit, (0, 3)),), tuple(built))


def import_document(repo: Repository, document: Document) -> int:
    """Import a hand-built document and return its id."""
    source = SourceFile(document.source, document.text, "utf-8", document.source)
    report = repo.import_parsed(source, document)
    assert report.outcome == "imported", report
    assert report.document_id is not None
    return report.document_id


@pytest.fixture
def repo(database_url: str) -> Iterator[Repository]:
    """Yield a repository for reviewer `alice` on a fresh database."""
    with Repository.open(database_url, reviewer="alice") as repository:
        yield repository


@pytest.fixture
def loaded(repo: Repository) -> Repository:
    """Return the repository with one three-project document imported."""
    import_document(repo, make_document())
    return repo
