"""Smoke checks that the benchmark scripts run end to end on a small corpus (no timing asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"
HEADLINE = ("parse_mb_per_s", "import_s", "app_ready_s", "app_quit_s", "next_project_p50_ms",
            "next_project_p95_ms", "facets_open_ms", "fuzzy_top10_ms", "export_csv_s",
            "export_xlsx_s", "peak_rss_mb", "picker_keystroke_ms", "picker_open_ms",
            "bulk_verify_s")


def run_script(*arguments: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a benchmarks/ script with this interpreter and return the finished process."""
    return subprocess.run([sys.executable, *arguments], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, check=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 20-document corpus written by make_corpus.py."""
    folder = tmp_path_factory.mktemp("corpus")
    finished = run_script(str(BENCHMARKS / "make_corpus.py"), "20", str(folder), "--seed", "3")
    assert finished.returncode == 0, finished.stderr
    return folder


def test_make_corpus_writes_documents_and_truth_deterministically(
    corpus: Path, tmp_path: Path
) -> None:
    documents = sorted(corpus.glob("*.txt"))
    assert len(documents) == 20
    assert len(list((corpus / "truth").glob("*.json"))) == 20
    again = run_script(str(BENCHMARKS / "make_corpus.py"), "3", str(tmp_path), "--seed", "3")
    assert again.returncode == 0, again.stderr
    for document in sorted(tmp_path.glob("*.txt")):
        assert document.read_bytes() == (corpus / document.name).read_bytes()
    truth = json.loads(next((corpus / "truth").glob("*.json")).read_text(encoding="utf-8"))
    assert truth["projects"] and all(project["indicators"] for project in truth["projects"])


def test_make_corpus_varies_encodings_and_layouts(corpus: Path) -> None:
    truths = [json.loads(path.read_text(encoding="utf-8"))
              for path in (corpus / "truth").glob("*.json")]
    assert len({truth["encoding"] for truth in truths}) > 1
    assert len({truth["layout"]["pattern"] for truth in truths}) > 1
    assert len({truth["department"] for truth in truths}) > 1


def test_accuracy_reports_shares_for_every_field(corpus: Path) -> None:
    finished = run_script(str(BENCHMARKS / "accuracy.py"), str(corpus), "--json")
    assert finished.returncode == 0, finished.stderr
    overall = json.loads(finished.stdout)["overall"]
    assert overall["documents"] == 20
    for share in ("targets_right", "names_right", "indicators_right"):
        assert 0.0 <= overall[share] <= 1.0


def test_run_prints_every_headline_figure_or_a_reason(tmp_path: Path) -> None:
    finished = run_script(
        str(BENCHMARKS / "run.py"), "--docs", "20", "--json", "--keep", str(tmp_path),
        "--presses", "5", "--names", "2000", "--queries", "20", "--repeats", "1",
        "--picker-keys", "3",
        timeout=240,
    )
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout)
    assert report["facts"]["documents"] == 20
    missing = {name: report["reasons"].get(name) for name in HEADLINE
               if report["metrics"][name] is None}
    assert not missing, missing  # every piece exists now; a null names its reason
    assert all(report["metrics"][name] > 0 for name in HEADLINE)
    assert (tmp_path / "bench.db").exists()
