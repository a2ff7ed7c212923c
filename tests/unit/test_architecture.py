"""Imports must flow tui → store → parser, and the parser must stay pure (no I/O libraries)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FORBIDDEN = {
    "parser": {"store", "tui", "textual", "sqlmodel", "sqlalchemy", "click", "sqlite3"},
    "store": {"tui", "textual", "click"},
}


def _imported_top_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_downstream(package: str) -> None:
    offenders = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / package).rglob("*.py")
        for name in _imported_top_modules(path) & FORBIDDEN[package]
    }
    assert not offenders, sorted(offenders)


@pytest.mark.parametrize(("package", "absent"), [("parser", "sqlalchemy"), ("store", "textual")])
def test_importing_a_layer_loads_nothing_above_it(package: str, absent: str) -> None:
    code = (
        f"import importlib, pkgutil, sys, {package}\n"
        f"for module in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        "    importlib.import_module(module.name)\n"
        f"print('{absent}' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
