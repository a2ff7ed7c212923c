"""The rename picker's candidates: names of the unit, the parser's alternatives, known names.

A picker session reads everything once (`load_name_pool`); each keystroke then ranks in memory.
Before anything is typed, candidates are ranked by how well each name fits the project's target
and indicator names (`parser.fit_score`, 0..1): every name of the unit and the parser's
alternatives are scored, and of the known names only the few hundred that share the largest part
of their distinctive (not generic) character bigrams with the project — a known name sharing only
words like 经费 or 项目 says little about it, and scoring 50,000 names took seconds. Once the
reviewer types, names rank by rapidfuzz similarity to the query through `store.name_search`
(scaled to 0..1). Each candidate names the project of the same document and unit that holds it
now, so choosing it is seen to swap.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, islice

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from parser.fit import GENERIC_GRAMS, GENERIC_WEIGHT, block_grams, grams, weighted_overlap
from store.i18n import _
from store.models import KnownNameRow, ProjectRow
from store.name_search import NameIndex, cached_index
from store.operations.rows import indicators_of
from store.views import NameChoice, Status

SUMMARY_CHARS = 24
"""How much of a holder's target its short summary shows."""

KNOWN_SCORED = 400
"""How many known names (those sharing most of their distinctive bigrams with the project) are
scored for fit when the picker opens; scoring all 50,000 took seconds."""


def _holder_summary(row: ProjectRow, current_id: int | None) -> str:
    """Return a short description of the project holding a name: which one, and what it is about."""
    if row.id == current_id:
        return _("this project")
    target = row.target[:SUMMARY_CHARS] + ("…" if len(row.target) > SUMMARY_CHARS else "")
    return f"#{row.id} {target}" if target else f"#{row.id}"


@dataclass(frozen=True)
class Sources:
    """Every candidate name of a picker session with where it comes from, in the order offered
    (the unit's names, the parser's alternatives, known names, verified names of the unit)."""

    names: dict[str, str]
    unit_rows: list[ProjectRow]
    known: KnownNames
    local: list[str]
    """The candidates that are not known names of every unit: few, so all are ranked by fit."""


def _sources(session: Session, row: ProjectRow) -> Sources:
    """Read every candidate name, the unit's projects and the known names."""
    unit_rows = list(
        session.exec(
            select(ProjectRow)
            .where(ProjectRow.document_id == row.document_id, ProjectRow.unit == row.unit)
            .order_by(col(ProjectRow.position), col(ProjectRow.id))
        ).all()
    )
    local: dict[str, str] = {}
    for project in unit_rows:
        for name in [project.name, *(str(item[0]) for item in project.absorbed_names)]:
            local.setdefault(name, "unit")
    for item in row.alternatives:
        local.setdefault(str(item[0]), "parser")
    known = known_names(session, row.unit)
    verified = session.exec(
        select(ProjectRow.name)
        .where(ProjectRow.unit == row.unit, ProjectRow.status == Status.VERIFIED.value)
        .order_by(col(ProjectRow.id))
    ).all()
    for name in [*known.own, *verified]:
        local.setdefault(name, "known")
    names = dict(local)
    names |= known.shared.sources  # 50,000 names at C speed; a name of the unit keeps its place …
    names.update(local)  # … and its source
    names.pop("", None)
    local.pop("", None)
    return Sources(names, unit_rows, known, list(local))


@dataclass(frozen=True)
class SharedNames:
    """The known names of every unit, in the order they were added: read and indexed once per
    database while they do not change, the same for every project."""

    names: tuple[str, ...]

    @cached_property
    def sources(self) -> dict[str, str]:
        """Every name as a picker's source, merged into a session's candidates at C speed."""
        return dict.fromkeys(self.names, "known")

    @cached_property
    def positions(self) -> dict[str, int]:
        """Each name's first place in `names`, to rank ties as they were added."""
        return {name: position for position, name in reversed(list(enumerate(self.names)))}


@dataclass(frozen=True)
class KnownNames:
    """The known names a picker offers: the unit's own (offered first), then those of every
    unit."""

    own: tuple[str, ...]
    shared: SharedNames


_SHARED_CACHE: dict[str, tuple[tuple[int, int], SharedNames]] = {}
"""The known names of every unit by database, with the (count, newest id) they were read at."""


def known_names(session: Session, unit: str) -> KnownNames:
    """Return the known names of a unit and of every unit.

    Reading 50,000 names took a few hundred milliseconds at every opening of the picker, so those
    of every unit are kept per database while their count and newest id stay the same (names are
    added and removed, never edited in place); the unit's own are few and read each time.
    """
    unit_column = col(KnownNameRow.unit)
    own = () if not unit else tuple(session.execute(
        sa_select(col(KnownNameRow.name)).where(unit_column == unit)
        .order_by(col(KnownNameRow.id))
    ).scalars())
    return KnownNames(own, _shared_names(session))


def _shared_names(session: Session) -> SharedNames:
    """Return the known names of every unit, read again only when they changed."""
    every_unit = col(KnownNameRow.unit) == ""
    count, newest = session.execute(
        sa_select(func.count(), func.max(col(KnownNameRow.id))).where(every_unit)
    ).one()
    stamp = (int(count), int(newest or 0))
    key = str(session.get_bind().engine.url)
    cached = _SHARED_CACHE.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    shared = SharedNames(tuple(session.execute(
        sa_select(col(KnownNameRow.name)).where(every_unit).order_by(col(KnownNameRow.id))
    ).scalars()))
    _SHARED_CACHE[key] = (stamp, shared)
    return shared


def _holders(row: ProjectRow, unit_rows: list[ProjectRow]) -> dict[str, ProjectRow]:
    """Return, per name, the unit's project holding it: this one, else the nearest unverified."""
    holders: dict[str, ProjectRow] = {}
    for project in sorted(
        unit_rows,
        key=lambda project: (
            project.id != row.id,
            project.status == Status.VERIFIED.value,
            abs(project.position - row.position),
        ),
    ):
        holders.setdefault(project.name, project)
    return holders


class GramIndex:
    """Known names by distinctive character bigram, to pick the few worth scoring for a block."""

    def __init__(self, names: Sequence[str]) -> None:
        """Index the bigrams of every name (generic ones left out: they would match nearly all)."""
        self.postings: dict[str, list[int]] = {}
        self.sizes: list[int] = []
        for position, name in enumerate(names):
            name_grams = grams(name)
            self.sizes.append(max(len(name_grams), 1))
            for gram in name_grams - GENERIC_GRAMS:
                self.postings.setdefault(gram, []).append(position)

    def best_sharing(self, block: frozenset[str], count: int) -> list[int]:
        """Return up to `count` positions of names whose bigrams the block shares most (by share).

        The share of a name's bigrams found in the block is what `fit_score` weighs, so the
        names it ranks first are among these; names sharing no distinctive bigram are left out.
        """
        shared = Counter(
            chain.from_iterable(self.postings.get(gram, ()) for gram in block - GENERIC_GRAMS)
        )
        sizes = self.sizes
        return heapq.nlargest(
            count, shared, key=lambda position: (shared[position] / sizes[position], -position)
        )


@lru_cache(maxsize=4)
def _gram_index(names: tuple[str, ...]) -> GramIndex:
    """Return the bigram index of these names, built once per distinct tuple (four kept)."""
    return GramIndex(names)


def fit_with(name: str, block: frozenset[str]) -> float:
    """Return `parser.fit_score` of a name against a block's precomputed bigrams."""
    name_grams = grams(name)
    weights = {gram: GENERIC_WEIGHT for gram in name_grams & GENERIC_GRAMS}
    return weighted_overlap(name_grams, block, weights)


def fit_ranking(sources: Sources, target: str, indicator_names: Sequence[str]
                ) -> list[tuple[str, float]]:
    """Return the names that fit the project (fit > 0) with their fit 0..1, best first, ties in
    the order offered; the others fit 0 and follow in that order (`NamePool.choices`).

    The local candidates are all scored; of the known names of every unit, the `KNOWN_SCORED`
    sharing most of their distinctive bigrams with the project (all when that many or fewer).
    """
    block = block_grams(target, indicator_names)
    names, known = sources.names, sources.known
    own_known = [name for name in sources.local if names[name] == "known"]
    scored_names = {name for name in sources.local if names[name] != "known"}
    scored_names |= _best_sharing(tuple(own_known), block)
    scored_names |= _best_sharing(known.shared.names, block)
    local_order = {name: position for position, name in enumerate(sources.local)}
    positions = known.shared.positions

    def offered(name: str) -> tuple[int, int]:
        """Where a name stands in the order offered: the unit's names, the parser's, the
        unit's known names and its verified ones, then the known names of every unit."""
        if name in local_order:
            return (0, local_order[name])
        return (1, positions[name])

    scored = [(name, round(fit_with(name, block), 4)) for name in scored_names]
    return sorted((pair for pair in scored if pair[1] > 0),
                  key=lambda pair: (-pair[1], offered(pair[0])))


def _best_sharing(known: tuple[str, ...], block: frozenset[str]) -> set[str]:
    """Return the known names worth scoring for a block: all when few, else those sharing most."""
    if len(known) <= KNOWN_SCORED:
        return set(known)
    return {known[position] for position in _gram_index(known).best_sharing(block, KNOWN_SCORED)}


@dataclass(frozen=True)
class Holder:
    """The project holding a name when the picker opened: the basis of a rename swapping with it."""

    id: int
    key: str
    version: int
    verified: bool
    summary: str


@dataclass(frozen=True)
class NamePool:
    """One picker session's names, read once: every keystroke ranks them in memory."""

    project_id: int
    sources: dict[str, str]
    holders: dict[str, Holder]
    fitting: list[tuple[str, float]]
    """The names that fit the project (fit > 0), best first (`fit_ranking`)."""

    @property
    def by_fit(self) -> list[tuple[str, float]]:
        """Every name by fit: those that fit, then the others (fit 0) in the order offered."""
        return self.fitting + self._unfitting(len(self.sources))

    @cached_property
    def index(self) -> NameIndex:
        """The fuzzy index of every name, built at the first typed query (or by `prepare`), not
        when the picker opens: the by-fit list needs none, and building it over 50,000 names
        costs more than the rest of the opening."""
        return cached_index(self.sources)

    def prepare(self) -> None:
        """Build the fuzzy index now (the picker does so right after showing the by-fit list)."""
        _ = self.index

    def choices(self, query: str, limit: int) -> list[NameChoice]:
        """Return up to `limit` names, by fit (nothing typed) or by similarity to `query`."""
        limit = max(0, limit)
        if query.strip():
            ranked = [(name, round(score / 100.0, 4)) for name, score in
                      self.index.top(query, limit)]
        else:
            ranked = self.fitting[:limit]
            ranked += self._unfitting(limit - len(ranked))
        return [self._choice(name, score) for name, score in ranked]

    def _unfitting(self, count: int) -> list[tuple[str, float]]:
        """The first `count` names that do not fit, in the order offered (fit 0)."""
        if count <= 0:
            return []
        fitting = {name for name, _score in self.fitting}
        rest = (name for name in self.sources if name not in fitting)
        return [(name, 0.0) for name in islice(rest, count)]

    def _choice(self, name: str, score: float) -> NameChoice:
        """One candidate with where it comes from and the project holding it now."""
        holder = self.holders.get(name)
        if holder is None:
            return NameChoice(name, score, self.sources[name])
        return NameChoice(
            name, score, self.sources[name], holder.id, holder.summary, holder.key,
            holder.version, holder.verified,
        )

    def holder_of(self, name: str) -> Holder | None:
        """Return the project of the unit holding `name` now (this one first), if any."""
        return self.holders.get(name)


def index_known(known: KnownNames) -> None:
    """Index the known names of every unit now, so the first picker opens fast (the app does
    this in a worker once the first project is on screen)."""
    shared = known.shared
    _ = shared.sources, shared.positions
    if len(shared.names) > KNOWN_SCORED:
        _gram_index(shared.names)


def load_name_pool(session: Session, row: ProjectRow) -> NamePool:
    """Read a project's candidate names, their holders and fit ranking, and index them."""
    sources = _sources(session, row)
    names, unit_rows = sources.names, sources.unit_rows
    holders = {
        name: Holder(
            holder.id or 0, holder.key, holder.version, holder.status == Status.VERIFIED.value,
            _holder_summary(holder, row.id),
        )
        for name, holder in _holders(row, unit_rows).items()
        if name in names
    }
    indicator_names = [item.name for item in indicators_of(session, row.id)]
    return NamePool(
        project_id=row.id or 0,
        sources=names,
        holders=holders,
        fitting=fit_ranking(sources, row.target, indicator_names),
    )
