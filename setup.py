"""Build hook: compile the translation catalogs (.po) to gettext's .mo files at build or install.

The .po files are the source kept in the repository; the .mo files are generated, so both
`pip install .` (into the wheel) and `pip install -e .` (beside the .po, in the source tree)
run this. Everything else about the package is declared in pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
CATALOGS = "store/locale/*/LC_MESSAGES/*.po"


def compile_catalogs(target: Path) -> list[str]:
    """Compile every catalog under store/locale into `target` (same layout); return the files."""
    written = []
    for po_path in sorted(ROOT.glob(CATALOGS)):
        mo_path = target / po_path.relative_to(ROOT).with_suffix(".mo")
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, domain=po_path.stem)
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)  # fuzzy entries stay out: they show in English
        written.append(str(mo_path))
    return written


class BuildPyWithCatalogs(build_py):
    """`build_py` that also compiles the catalogs: into the build for a wheel, in place if -e."""

    def run(self) -> None:
        """Build the Python modules, then the compiled catalogs."""
        super().run()
        self.compiled = compile_catalogs(ROOT if self.editable_mode else Path(self.build_lib))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        """List the built files, the compiled catalogs of a regular build included."""
        outputs = list(super().get_outputs(include_bytecode))
        return outputs if self.editable_mode else outputs + getattr(self, "compiled", [])


setup(cmdclass={"build_py": BuildPyWithCatalogs})
