"""Tests read English unless they choose a language, whatever the machine's locale says."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from store.i18n import LANGUAGE_ENV, set_language


def pytest_configure(config: pytest.Config) -> None:
    """Pin English for gzreview runs started by tests too (subprocesses inherit the variable)."""
    os.environ[LANGUAGE_ENV] = "en"


@pytest.fixture(autouse=True)
def english_interface() -> Iterator[None]:
    """Start and leave every test with the English interface (the language is process-wide)."""
    set_language("en")
    yield
    set_language("en")
