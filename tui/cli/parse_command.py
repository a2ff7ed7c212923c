"""`gzreview parse FILE`: print the parser's records, headless, as JSON Lines or a table."""

from __future__ import annotations

import json
from pathlib import Path

import click

from parser import ParseError, decode
from parser.parse import parse
from parser.records import project_record
from tui.cli.errors import UserError


@click.command("parse")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def parse_command(file: Path) -> None:
    """Parse FILE and print one JSON record per project (JSON Lines, UTF-8)."""
    try:
        data = file.read_bytes()
    except OSError as error:
        raise UserError(f"{file}: cannot read the file ({error.strerror}); check the path") from error
    try:
        document = parse(decode(data).text, source=file.name)
    except ParseError as error:
        raise UserError(f"{file}: {error}") from error
    for project in document.projects:
        click.echo(json.dumps(project_record(document, project), ensure_ascii=False))
