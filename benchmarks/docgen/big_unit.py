"""One document holding a single very large unit, to measure how name assignment scales."""

from __future__ import annotations

import random

from docgen import vocab
from docgen.content import TruthDocument, TruthProject, project_name, target_text
from docgen.indicators import indicator_list
from docgen.layout import Layout
from docgen.pages import render


def _projects(
    rng: random.Random, unit: str, city: str, count: int, name: str | None
) -> tuple[TruthProject, ...]:
    """Return `count` small projects (one sentence, one indicator) of one unit, all called `name`
    when it is given."""
    projects = []
    for _ in range(count):
        topic = rng.choice(vocab.TOPICS)
        printed = name if name is not None else project_name(rng, topic, city, unit)
        target = target_text(rng, printed, topic, city)
        target = target[: target.find("。") + 1]  # one sentence, as a small project prints
        indicators = indicator_list(rng, topic, ":", 0.0)[:1]
        projects.append(TruthProject(unit, printed, target, indicators))
    return tuple(projects)


def big_unit_text(count: int, seed: int = 1, name: str | None = None) -> str:
    """Return a document whose one unit has `count` projects (all named `name` if given).

    The layout is drawn as for the corpus, so names are displaced by one of its patterns.
    """
    rng = random.Random(f"big-unit:{seed}:{count}:{name}")
    city = rng.choice(vocab.CITIES)
    department = city + rng.choice(vocab.BUREAUS)
    projects = _projects(rng, department, city, count, name)
    truth = TruthDocument(department, ((department, projects),))
    return render(rng, Layout.draw(rng), truth)
