"""Pure parsing of budget performance-target text into frozen records with source spans."""

from parser.decode import Decoded, decode, normalise_newlines
from parser.errors import ParseError
from parser.model import (
    Document,
    Flag,
    Indicator,
    NameCandidate,
    NameLine,
    ParsedValue,
    Project,
    Span,
    Unit,
)
from parser.names import fit_score
from parser.parse import parse

PARSER_VERSION = "2"
"""Which parse a stored document holds: raised by one in every change that makes `parse` return
anything different for some text (records, spans, flags, confidence, errors), so a database can
tell documents parsed by an older parser and parse them again; a change that keeps every output
identical keeps it. Version 1 is every parser before this marker existed."""

__all__ = [
    "PARSER_VERSION",
    "Decoded",
    "Document",
    "Flag",
    "Indicator",
    "NameCandidate",
    "NameLine",
    "ParseError",
    "ParsedValue",
    "Project",
    "Span",
    "Unit",
    "decode",
    "fit_score",
    "normalise_newlines",
    "parse",
]
