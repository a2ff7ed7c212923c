"""The intended content of a generated document (its ground truth), before any layout is applied."""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from typing import Any

from docgen import vocab

GENERIC_TARGETS = {
    "购置": "通过更新购置{object}、办公设备，达到提升运行服务保障工作能力的绩效目标。",
    "物业": "通过定期对业务用房的维护管理，使得业务用房正常使用率为100%。",
    "培训": "通过开展{topic}等各项培训工作，进一步提升管理人员业务能力，{goal}。",
    "出国": "通过开展本项目，组织企业赴国（境）外参加展会展览，对接国外市场“抢订单”，{goal}。",
}


@dataclass(frozen=True)
class TruthIndicator:
    """One indicator as the parser should read it, plus the raw text it is printed as."""

    seq: int
    level1_code: str
    level1: str
    level2_code: str
    level2: str
    name: str
    period_value: str
    annual_value: str
    raw: str


@dataclass(frozen=True)
class TruthProject:
    """One project as the parser should read it."""

    unit: str
    name: str
    target: str
    indicators: tuple[TruthIndicator, ...]


@dataclass(frozen=True)
class TruthDocument:
    """A whole document's intended records, grouped by unit in printing order."""

    department: str
    units: tuple[tuple[str, tuple[TruthProject, ...]], ...]

    def record(self) -> dict[str, Any]:
        """Return the JSON-ready sidecar dict (indicators without their raw text)."""
        projects = []
        for _unit, unit_projects in self.units:
            for project in unit_projects:
                item = asdict(project)
                for indicator in item["indicators"]:
                    del indicator["raw"]
                projects.append(item)
        return {"department": self.department, "projects": projects}


def _fill(rng: random.Random, template: str, topic: str, city: str, unit: str) -> str:
    """Fill a template's placeholders with words drawn for this project."""
    year = rng.randint(2019, 2026)
    return template.format(
        topic=topic, city=city, unit=unit, object=rng.choice(vocab.OBJECTS),
        goal=rng.choice(vocab.GOALS), goal2=rng.choice(vocab.GOALS), verb=rng.choice(vocab.VERBS),
        verb2=rng.choice(vocab.VERBS), count=rng.randint(2, 2000),
        qunit=rng.choice(vocab.QUANTITY_UNITS), short=city[:-1], year=year, next_year=year + 1,
    )


def project_name(rng: random.Random, topic: str, city: str, unit: str) -> str:
    """Return a project name: usually built around its topic, sometimes a generic one."""
    if rng.random() < 0.22:
        return rng.choice(vocab.GENERIC_NAMES)
    return _fill(rng, rng.choice(vocab.NAME_TEMPLATES), topic, city, unit)


def target_text(rng: random.Random, name: str, topic: str, city: str) -> str:
    """Return a target paragraph sharing words with its project (as real ones do)."""
    for keyword, template in GENERIC_TARGETS.items():
        if keyword in name and rng.random() < 0.8:
            return _fill(rng, template, topic, city, "")
    clauses = [_fill(rng, rng.choice(vocab.TARGET_TEMPLATES), topic, city, "")]
    while rng.random() < 0.5:
        clauses.append(_fill(rng, rng.choice(vocab.TARGET_TEMPLATES[:4]), topic, city, ""))
    return "".join(clauses)
