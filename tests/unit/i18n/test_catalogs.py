"""The Chinese catalogs translate every sentence the code marks, and are current with the code.

Each check names the command that fixes it (docs/translating.md explains them).
"""

from __future__ import annotations

import string
from pathlib import Path

import click
import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from store.i18n import LOCALE_DIR
from tui.cli.click_messages import CLICK_MODULES

ROOT = Path(__file__).resolve().parents[3]
DOMAINS = ("gzreview", "click")
CLICK_SOURCE = Path(click.__file__).parent

EXTRACT_GZREVIEW = (
    "extract -F pyproject.toml --sort-output --add-location=file -o {output} parser store tui"
)
"""`pybabel` arguments that extract our sentences (docs/translating.md shows the same)."""

EXTRACT_CLICK = (
    "extract --no-default-keywords -k _ -k ngettext:1,2 --no-location --sort-output -o {output}"
)
"""`pybabel` arguments that extract click's sentences from the installed click."""

FIX = {
    "gzreview": "run the three commands of docs/translating.md (extract, update, compile)",
    "click": "click changed: extract its messages again as docs/translating.md says",
}


def _po(domain: str) -> Catalog:
    with (LOCALE_DIR / "zh" / "LC_MESSAGES" / f"{domain}.po").open("rb") as file:
        return read_po(file)


def _extracted(arguments: str, output: Path, *inputs: Path) -> Catalog:
    argv = ["pybabel", *arguments.format(output=output).split(), *map(str, inputs)]
    CommandLineInterface().run(argv)  # type: ignore[no-untyped-call]
    with output.open("rb") as file:
        return read_po(file)


def _key(text: str | tuple[str, ...] | list[str] | None) -> str | tuple[str, ...]:
    return tuple(text) if isinstance(text, tuple | list) else text or ""


def _ids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    return {_key(message.id) for message in catalog if message.id}


def _entries(catalog: Catalog) -> dict[str | tuple[str, ...], str | tuple[str, ...]]:
    return {_key(message.id): _key(message.string) for message in catalog if message.id}


def _forms(message: Message) -> list[str]:
    forms = message.string
    return list(forms) if isinstance(forms, tuple | list) else [forms or ""]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_message_has_a_chinese_translation(domain: str) -> None:
    untranslated = [
        message.id
        for message in _po(domain)
        if message.id and (message.fuzzy or not all(_forms(message)))
    ]
    assert not untranslated, f"translate these in store/locale/zh/…/{domain}.po: {untranslated}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_the_named_fields(domain: str) -> None:
    wrong = []
    for message in _po(domain):
        if not message.id or "python-brace-format" not in message.flags:
            continue
        ids = list(message.id) if isinstance(message.id, tuple | list) else [message.id]
        expected = _fields(ids[-1])  # Chinese has one form: the plural's fields fill it
        wrong += [(ids[0], form) for form in _forms(message) if form and _fields(form) != expected]
    assert not wrong, f"keep every {{field}} of the English in the translation: {wrong}"


def test_gzreview_catalog_matches_the_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    source = _ids(_extracted(EXTRACT_GZREVIEW, tmp_path / "gzreview.pot"))
    catalog = _ids(_po("gzreview"))
    assert not source - catalog, f"not in the catalog yet; {FIX['gzreview']}: {source - catalog}"
    assert not catalog - source, f"no longer in the code; {FIX['gzreview']}: {catalog - source}"


def test_click_catalog_matches_installed_click(tmp_path: Path) -> None:
    source = _ids(_extracted(EXTRACT_CLICK, tmp_path / "click.pot", CLICK_SOURCE))
    assert source == _ids(_po("click")), FIX["click"]


@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_catalog_is_current(domain: str) -> None:
    mo_path = LOCALE_DIR / "zh" / "LC_MESSAGES" / f"{domain}.mo"
    assert mo_path.exists(), f"{mo_path} is missing: install with pip, or compile the catalogs"
    with mo_path.open("rb") as file:
        compiled = _entries(read_mo(file))
    stale = f"{mo_path} is older than its .po: compile the catalogs again"
    assert compiled == _entries(_po(domain)), stale


def test_every_click_module_with_messages_is_routed() -> None:
    with_messages = {
        f"click.{path.stem}"
        for path in CLICK_SOURCE.glob("*.py")
        if "from gettext import" in path.read_text(encoding="utf-8")
    }
    assert with_messages - {"click._winconsole"} == set(CLICK_MODULES)
