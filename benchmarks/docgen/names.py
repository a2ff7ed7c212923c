"""Many distinct project names, as a city's known-name list would hold, for the picker benchmark."""

from __future__ import annotations

import random

from docgen import vocab
from docgen.content import project_name


def known_names(count: int, seed: int = 1) -> list[str]:
    """Return `count` distinct budget-like project names, the same for the same seed."""
    rng = random.Random(f"names:{seed}")
    names: dict[str, None] = dict.fromkeys(vocab.GENERIC_NAMES)
    while len(names) < count:
        city = rng.choice(vocab.CITIES)
        unit = f"{city}{rng.choice(vocab.UNIT_FIELDS)}{rng.choice(vocab.UNIT_SUFFIXES)}"
        names[project_name(rng, rng.choice(vocab.TOPICS), city, unit)] = None
    return list(names)[:count]


def typed_queries(names: list[str], count: int, seed: int = 1) -> list[str]:
    """Return what a reviewer types into the picker: growing prefixes and middles of real names."""
    rng = random.Random(f"queries:{seed}")
    queries: list[str] = []
    while len(queries) < count:
        name = rng.choice(names)
        start = 0 if rng.random() < 0.5 else rng.randint(0, max(0, len(name) - 2))
        for end in range(start + 1, min(len(name), start + 10) + 1):
            queries.append(name[start:end])  # one query per keystroke
    return queries[:count]
