"""Import many files with parsing spread over worker processes and inserts kept in file order.

Workers read, decode, parse and turn each file into plain rows (cheap to send back, unlike whole
`Document`s); the calling process inserts them, one transaction per document, in the order the
files were given, so the database ends up exactly as a serial import leaves it.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from store.importer import (
    ImportFailure,
    PreparedDocument,
    SourceFile,
    duplicate_report,
    parse_source,
    prepare_document,
    read_source,
)
from store.repository import Repository
from store.views import ImportReport

AHEAD_PER_JOB = 4
"""Files each worker may have prepared ahead of the inserts: enough to keep it busy, few enough
that memory does not grow with the number of files."""

BATCH_GC_THRESHOLDS = (10_000, 20, 100)
"""Collect young objects every 10,000 allocations instead of 700: parsing makes ~100,000
short-lived objects per document, and the default collects 150 times per document for nothing
(3 % of the parsing time)."""

Prepared = tuple[str | None, PreparedDocument | ImportReport]
"""A file's content hash (None when unreadable) and its rows, or the report of its failure."""


def prepare_file(path: Path) -> Prepared:
    """Read, decode, parse and prepare one file, in a worker process; failures become reports.

    The content hash comes back even when parsing fails, so that a file whose text was imported
    before is reported as a duplicate, as the serial import does.
    """
    try:
        source = read_source(path)
    except ImportFailure as failure:
        return None, ImportReport(str(path), "failed", reason=str(failure))
    try:
        document = parse_source(source)
    except ImportFailure as failure:
        return source.content_hash, ImportReport(str(path), "failed", reason=str(failure))
    return source.content_hash, prepare_document(source, document)


def import_files(
    repository: Repository, paths: Sequence[Path], jobs: int
) -> Iterator[ImportReport]:
    """Yield each file's import report in the given order, parsing in up to `jobs` processes.

    With one job (or one file) this is the plain serial import. Interrupting the iteration
    (Ctrl-C) cancels the pending work; every document is either fully inserted or not at all.
    """
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield repository.import_file(path)
        return
    workers = min(jobs, len(paths))
    with ProcessPoolExecutor(
        workers, initializer=gc.set_threshold, initargs=BATCH_GC_THRESHOLDS
    ) as pool:
        try:
            yield from _in_order(repository, pool, paths, jobs * AHEAD_PER_JOB)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _in_order(
    repository: Repository, pool: ProcessPoolExecutor, paths: Sequence[Path], ahead: int
) -> Iterator[ImportReport]:
    """Keep up to `ahead` files in preparation and insert each as its turn comes."""
    pending: deque[tuple[Path, Future[Prepared] | None]] = deque()
    upcoming = iter(paths)
    for path in upcoming:
        pending.append((path, _submit(pool, path)))
        if len(pending) >= ahead:
            break
    while pending:
        path, future = pending.popleft()
        following = next(upcoming, None)
        if following is not None:
            pending.append((following, _submit(pool, following)))
        yield _finish(repository, path, future)


def _submit(pool: ProcessPoolExecutor, path: Path) -> Future[Prepared] | None:
    """Hand a file to a worker; None when the pool broke (the file is then imported here)."""
    try:
        return pool.submit(prepare_file, path)
    except BrokenProcessPool:
        return None


def _finish(repository: Repository, path: Path, future: Future[Prepared] | None) -> ImportReport:
    """Insert one prepared file, or report why it was not imported."""
    if future is None:
        return repository.import_file(path)
    try:
        digest, prepared = future.result()
    except BrokenProcessPool:  # a worker died (killed, out of memory): do this file here
        return repository.import_file(path)
    except Exception as error:  # a bug while preparing one file must not stop the others
        reason = (
            f"{path}: preparing the rows failed ({type(error).__name__}: {error}); "
            "please report this file to the gzreview maintainers"
        )
        return ImportReport(str(path), "failed", reason=reason)
    if isinstance(prepared, PreparedDocument):
        return repository.import_prepared(prepared)
    duplicate = repository.find_duplicate(digest) if digest is not None else None
    if duplicate is not None:
        return duplicate_report(SourceFile(path.name, "", "", str(path)), duplicate)
    return prepared
