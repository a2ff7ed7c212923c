"""What re-reading one document did, or in a dry run would do."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DocumentReparse:
    """What re-reading one document did (or, in a dry run, would do)."""

    document: str
    parser_from: str = ""
    parser_to: str = ""
    unchanged: int = 0
    changed: int = 0
    added: int = 0
    removed: int = 0
    replayed: int = 0
    conflicts: list[str] = field(default_factory=list)
    reopened: list[str] = field(default_factory=list)
    failure: str = ""
