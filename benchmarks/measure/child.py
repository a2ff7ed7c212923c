"""Run a measurement in a fresh child process and bring its figures back.

Linux reports a child's peak memory as at least its parent's peak (a vfork child starts in the
parent's memory), so `run.py` keeps its own memory small by parsing, ranking and opening the
picker in children like this one; the app's and imports' peak figures are then their own.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Figures = TypeVar("Figures")


def in_child(measure: Callable[..., Figures], *arguments: Any) -> Figures:
    """Return `measure(*arguments)` computed in a new interpreter (its exceptions re-raised)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(measure, *arguments).result()
