"""The benchmark with --db: every store figure measured on the server too, its databases dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.databases import PostgresServer
from tests.functional.test_benchmarks_smoke import BENCHMARKS, HEADLINE, run_script

pytestmark = pytest.mark.postgres


def _bench_databases(url: str) -> set[str]:
    """Return the names of the databases a benchmark run makes, as the server lists them."""
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT datname FROM pg_database"))
            return {name for (name,) in rows if name.startswith("gzbench_")}
    finally:
        engine.dispose()


def test_run_with_db_reports_both_back_ends_and_drops_its_databases(
    tmp_path: Path, postgres_server: PostgresServer
) -> None:
    url = postgres_server.admin_url
    before = _bench_databases(url)
    finished = run_script(
        str(BENCHMARKS / "run.py"), "--docs", "10", "--json", "--keep", str(tmp_path),
        "--presses", "5", "--names", "500", "--queries", "10", "--repeats", "1",
        "--picker-keys", "3", "--big-unit", "100", "--same-name-unit", "50", "--db", url,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout)
    on_server = report["postgresql"]["metrics"]
    missing = {name: report["postgresql"]["reasons"].get(name)
               for name in on_server if on_server[name] is None}
    assert not missing, missing
    assert set(on_server) < set(HEADLINE) | {"big_unit_import_s", "big_unit_peak_rss_mb",
                                            "same_name_unit_import_s",
                                            "same_name_unit_peak_rss_mb"}
    assert "import_s" in on_server and report["metrics"]["import_s"] > 0
    assert _bench_databases(url) == before
