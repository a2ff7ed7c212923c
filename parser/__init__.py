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

__all__ = [
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
