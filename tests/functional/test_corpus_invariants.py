"""The whole-document invariant check is exact on many layouts, not only on the sample.

Three hundred generated documents (page headers inside targets and indicators, names printed
away from their blocks, three encodings) are imported; a checker that reported a problem on a
fresh import would cry wolf when it matters.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from store.batch.parallel_import import import_files
from store.importer import collect_sources
from store.repository import Repository

ROOT = Path(__file__).resolve().parents[2]


def test_a_fresh_import_of_a_generated_corpus_satisfies_every_invariant(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    made = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "300", str(corpus),
         "--seed", "4"],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert made.returncode == 0, made.stderr
    with Repository.open(tmp_path / "corpus.db", "importer") as repository:
        reports = list(import_files(repository, collect_sources([corpus]), jobs=2))
        assert {report.outcome for report in reports} == {"imported"}
        assert repository.invariant_problems() == []
