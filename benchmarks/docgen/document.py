"""Draw one document's department, units and projects: the ground truth the layout then prints."""

from __future__ import annotations

import random

from docgen import vocab
from docgen.content import TruthDocument, TruthProject, project_name, target_text
from docgen.indicators import indicator_list

_UNIT_COUNT_WEIGHTS = (20, 25, 30, 15, 10)


def _unit_names(rng: random.Random, city: str, department: str) -> list[str]:
    """Return one to five unit names: the department itself first, then subordinate units."""
    count = rng.choices(range(1, 6), weights=_UNIT_COUNT_WEIGHTS)[0]
    names = [department]
    while len(names) < count:
        name = f"{city}{rng.choice(vocab.UNIT_FIELDS)}{rng.choice(vocab.UNIT_SUFFIXES)}"
        if name not in names:
            names.append(name)
    return names


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """Share `total` projects among the units, the department taking the largest share."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    weights[0] *= 1.6  # the department itself usually carries most projects
    return [max(1, round(total * weight / sum(weights))) for weight in weights]


def _unit_projects(
    rng: random.Random, unit: str, city: str, size: int, colon: str, odd_rate: float
) -> tuple[TruthProject, ...]:
    """Return a unit's projects; only the generic 购置经费 / 其他运行经费 may repeat in a unit."""
    used: set[str] = set()
    projects = []
    for _ in range(size):
        topic = rng.choice(vocab.TOPICS)
        name = project_name(rng, topic, city, unit)
        for _retry in range(20):  # only generic names may repeat within a unit (购置经费 twice)
            if name not in used or name in vocab.GENERIC_NAMES[:2]:
                break
            topic = rng.choice(vocab.TOPICS)
            name = project_name(rng, topic, city, unit)
        used.add(name)
        target = target_text(rng, name, topic, city)
        indicators = indicator_list(rng, topic, colon, odd_rate)
        projects.append(TruthProject(unit, name, target, indicators))
    return tuple(projects)


def build_document(rng: random.Random, colon: str, odd_rate: float) -> TruthDocument:
    """Return a department's projects: about 34 of them over one to five units."""
    city = rng.choice(vocab.CITIES)
    department = city + rng.choice(vocab.BUREAUS)
    units = _unit_names(rng, city, department)
    total = min(60, max(8, round(rng.gauss(33.5, 8))))
    sizes = _split(rng, total, len(units))
    return TruthDocument(
        department=department,
        units=tuple(
            (unit, _unit_projects(rng, unit, city, size, colon, odd_rate))
            for unit, size in zip(units, sizes, strict=True)
        ),
    )
