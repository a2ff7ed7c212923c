"""Document-level findings kept with each document, so nothing the parser noticed is lost."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, select

from parser import Document, ParseError, parse
from parser.findings import document_findings, line_number
from store.models import DOCUMENTS
from store.views import DocumentFinding


def finding_rows(document: Document) -> list[dict[str, Any]]:
    """Return the JSON of a parsed document's findings: code, message (with its template and
    values, for a translated display), span and line."""
    rows = []
    for flag in document_findings(document):
        start, end = flag.span or (0, 0)
        line = line_number(document.text, start)
        rows.append({
            "code": flag.code, "message": flag.message, "template": flag.template,
            "params": dict(flag.params), "start": start, "end": end, "line": line,
        })
    return rows


def findings_of(
    document_id: int, file_name: str, rows: Iterable[Mapping[str, Any]]
) -> list[DocumentFinding]:
    """Return the stored findings of one document as plain values."""
    return [
        DocumentFinding(
            document_id,
            file_name,
            str(row["code"]),
            str(row["message"]),
            (int(row["start"]), int(row["end"])),
            int(row["line"]),
            str(row.get("template", "")),
            tuple((str(name), str(value)) for name, value in dict(row.get("params", {})).items()),
        )
        for row in rows
    ]


def read_findings(connection: Connection, document_id: int | None) -> list[DocumentFinding]:
    """Return the findings of one document (or all), in document then text order."""
    statement = select(DOCUMENTS.c.id, DOCUMENTS.c.file_name, DOCUMENTS.c.findings).order_by(
        DOCUMENTS.c.id
    )
    if document_id is not None:
        statement = statement.where(DOCUMENTS.c.id == document_id)
    found: list[DocumentFinding] = []
    for row in connection.execute(statement):
        found.extend(findings_of(row.id, row.file_name, row.findings or ()))
    return found


def fill_findings(connection: Connection) -> None:
    """Upgrade step: find each stored document's findings by parsing its kept text again."""
    documents = connection.execute(select(DOCUMENTS.c.id, DOCUMENTS.c.file_name, DOCUMENTS.c.text))
    for document_id, file_name, text in documents.all():
        try:
            rows = finding_rows(parse(text, source=file_name))
        except ParseError as error:  # parsed at import; say so if this parser no longer reads it
            message = f"this gzreview's parser no longer reads the text ({error})"
            rows = [{"code": "unreadable", "message": message, "start": 0, "end": 0, "line": 1}]
        connection.execute(
            DOCUMENTS.update().where(DOCUMENTS.c.id == document_id).values(findings=rows)
        )
