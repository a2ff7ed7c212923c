"""The XLSX export's package: every part well-formed XML, every reference resolved."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from store.export.xlsx import column_letters
from store.repository import Repository
from tests.unit.store.conftest import import_document, make_document

PACKAGE = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DOCUMENT = make_document(projects=3)


@pytest.fixture
def workbook(tmp_path: Path) -> zipfile.ZipFile:
    """An XLSX export of a small document."""
    with Repository.open(tmp_path / "x.db", "tester") as repository:
        import_document(repository, DOCUMENT)
        repository.export("xlsx", tmp_path / "x.xlsx", include_all=True)
    return zipfile.ZipFile(tmp_path / "x.xlsx")


def test_every_part_is_xml_and_every_reference_is_a_part(workbook: zipfile.ZipFile) -> None:
    names = set(workbook.namelist())
    parsed = {name: ElementTree.fromstring(workbook.read(name)) for name in names}
    assert workbook.namelist()[0] == "[Content_Types].xml"
    overridden = {
        item.get("PartName", "")[1:] for item in parsed["[Content_Types].xml"]
        if item.get("PartName")
    }
    assert overridden == names - {"[Content_Types].xml", "_rels/.rels",
                                  "xl/_rels/workbook.xml.rels"}
    targets = {"xl/" + item.get("Target", "")
               for item in parsed["xl/_rels/workbook.xml.rels"].iter(f"{PACKAGE}Relationship")}
    assert targets == {"xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}
    sheets = [item.get("name") for item in parsed["xl/workbook.xml"].iter(f"{MAIN}sheet")]
    assert sheets == ["projects", "indicators"]
    filters = [item.text for item in parsed["xl/workbook.xml"].iter(f"{MAIN}definedName")]
    rows = 1 + sum(len(project.indicators) for project in DOCUMENT.projects)
    assert filters == ["'projects'!$A$1:$N$4", f"'indicators'!$A$1:$P${rows}"]


def test_column_letters_go_past_z() -> None:
    assert [column_letters(index) for index in (0, 15, 25, 26, 27, 701, 702)] == [
        "A", "P", "Z", "AA", "AB", "ZZ", "AAA"
    ]
