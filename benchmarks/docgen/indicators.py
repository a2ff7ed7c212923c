"""Numbered indicator lists with the values and printing oddities seen in real tables."""

from __future__ import annotations

import random

from docgen import vocab
from docgen.content import TruthIndicator

_LEVEL_WEIGHTS = [level[4] for level in vocab.LEVELS]
# Most projects have a handful of indicators; a few list a dozen or more (1–15).
_COUNT_WEIGHTS = (13, 13, 14, 12, 10, 8, 6, 5, 4, 4, 3, 3, 2, 2, 1)


def _number(rng: random.Random) -> str:
    """Return a number as printed: round ones, any integer, with a thousands comma, a decimal."""
    roll = rng.random()
    if roll < 0.6:
        return str(rng.choice((1, 2, 3, 5, 6, 8, 10, 12, 20, 36, 50, 60, 100, 150, 200, 300, 600)))
    if roll < 0.8:
        return str(rng.randint(1, 30000))
    if roll < 0.9:
        return f"{rng.randint(1, 9)},{rng.randint(0, 999):03d}"
    return f"{rng.randint(1, 3000)}.{rng.randint(1, 99)}"


def _quantity(rng: random.Random) -> str:
    """Return a value like `≥20场`, `不少于150家` or `700家以上`."""
    op = rng.choice(vocab.OPERATORS)
    unit = rng.choice(vocab.QUANTITY_UNITS)
    if op == "" and rng.random() < 0.25:
        return f"{_number(rng)}{unit}{rng.choice(('以上', '及以上'))}"
    return f"{op}{_number(rng)}{unit}"


def _percent(rng: random.Random) -> str:
    """Return a percentage value like `100%`, `≥95%` or `90%以上`."""
    pct = rng.choice((80, 85, 90, 95, 98, 99, 100))
    return rng.choice((f"{pct}%", f"≥{pct}%", f"＞{pct}%", f"{pct}%以上", f"{pct}%及以上"))


def _value(rng: random.Random, level2_code: str, name: str) -> str:
    """Return a value fitting the indicator: a rate, a quantity, a word or a compound phrase."""
    roll = rng.random()
    if level2_code in ("12", "31") or "率" in name or (level2_code == "13" and roll < 0.5):
        return _percent(rng)
    if roll < 0.55:
        return _quantity(rng)
    if roll < 0.85:
        return rng.choice(vocab.QUALITATIVE)
    return rng.choice(vocab.COMPOUND_VALUES).format(
        n=rng.randint(2, 12), m=rng.randint(5, 30), year=rng.randint(2023, 2026),
        pct=rng.choice((90, 95, 99)),
    )


def _annual(rng: random.Random, period: str, level2_code: str, name: str) -> str:
    """Return the annual value: usually the period value again, sometimes another one."""
    return period if rng.random() < 0.82 else _value(rng, level2_code, name)


def _distinct_name(rng: random.Random, level2_code: str, topic: str, used: set[str]) -> str:
    """Draw an indicator name not yet used in this project (retrying a few times)."""
    name = ""
    for _attempt in range(6):
        name = rng.choice(vocab.INDICATOR_NAMES[level2_code]).format(
            topic=topic, object=rng.choice(vocab.OBJECTS)
        )
        if name not in used:
            break
    used.add(name)
    return name


def indicator_list(
    rng: random.Random, topic: str, colon: str, odd_rate: float
) -> tuple[TruthIndicator, ...]:
    """Return 1–15 indicators, ordered by level code as printed, each with its raw text."""
    count = rng.choices(range(1, 16), weights=_COUNT_WEIGHTS)[0]
    drawn = rng.choices(vocab.LEVELS, weights=_LEVEL_WEIGHTS, k=count)
    levels = sorted(drawn, key=lambda level: level[2])
    items = []
    used: set[str] = set()
    for seq, (l1_code, l1, l2_code, l2, _weight) in enumerate(levels, start=1):
        name = _distinct_name(rng, l2_code, topic, used)
        period = _value(rng, l2_code, name)
        annual = _annual(rng, period, l2_code, name)
        printed_name, separator, printed_annual = name, "；", annual
        if rng.random() < odd_rate:  # a name that ends in 。 and has no ； after it
            name = printed_name = name + "。"
            separator = ""
        elif rng.random() < odd_rate:  # a full-width space before the separator
            printed_name = name + "\u3000"
        if rng.random() < odd_rate:  # a trailing space inside the value
            printed_annual = annual + " "
        raw = (
            f"{seq}、{l1_code}-{l1}；{l2_code}-{l2}；{printed_name}{separator}"
            f"实施周期指标值{colon}{period}；年度指标值{colon}{printed_annual}。"
        )
        items.append(TruthIndicator(seq, l1_code, l1, l2_code, l2, name, period, annual, raw))
    return tuple(items)
