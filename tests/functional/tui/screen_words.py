"""What language the screen speaks: its English words and its Chinese characters, data aside."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from store.repository import Repository

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
"""A word of the English interface (single letters are keys: `j`, `v`, `F`)."""

CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
"""A Chinese character or a full-width punctuation mark."""

KEY_WORDS = frozenset(
    {"ctrl", "Enter", "Escape", "esc", "tab", "pgdn", "pgup", "home", "end", "pagedown",
     "pageup", "gzreview", "SVG"}
)
"""Words the Chinese interface keeps: key names, the program's name, a file format."""


def screen_lines(app: Any) -> list[str]:
    """Every line drawn on the screen now, a wide character counted once."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def data_words(repository: Repository, *extra: str) -> set[str]:
    """The English words of the data: every document's text and file name, and `extra`."""
    texts = [*extra]
    for summary in repository.documents():
        texts += [summary.file_name, repository.document_text(summary.id)]
    return {word for text in texts for word in ENGLISH_WORD.findall(text)}


def _data_piece(word: str, data: set[str]) -> bool:
    """Whether `word` is a data word or the start or end of one (cut where a line wraps)."""
    return any(known.startswith(word) or known.endswith(word) for known in data)


def english_words(lines: Iterable[str], data: set[str]) -> set[str]:
    """English words on the screen that are neither data (or a piece of it) nor key names."""
    return {
        word
        for line in lines
        for word in ENGLISH_WORD.findall(line)
        if word not in KEY_WORDS and not _data_piece(word, data)
    }


def chinese_characters(lines: Iterable[str]) -> set[str]:
    """The Chinese characters on the screen."""
    return {character for line in lines for character in CHINESE.findall(line)}
