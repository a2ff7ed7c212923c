"""Fuzzy ranking of projects by name and target for the `/` search (rapidfuzz, no database)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

TARGET_WEIGHT = 0.9
"""A target match counts a little less than the same match in the name."""

SCORE_CUTOFF = 55.0


@dataclass(frozen=True)
class SearchHit:
    """A project the query matched, with its score (0-100) and where it matched."""

    project_id: int
    unit: str
    name: str
    score: float
    matched_in: str  # "name" | "target"


def name_score(query: str, name: str, partial: float) -> float:
    """Partial match (a fragment of a name scores high), nudged up by whole-name similarity."""
    return 0.95 * partial + 0.05 * fuzz.ratio(query, name)


class ProjectSearch:
    """Holds (id, unit, name, target) of the projects in scope and ranks them for a query."""

    def __init__(self, texts: list[tuple[int, str, str, str]]) -> None:
        """Index the given projects (as `Repository.project_texts` returns them)."""
        self.texts = texts
        self.names = [name for _, _, name, _ in texts]
        self.targets = [target for _, _, _, target in texts]

    def rank(self, query: str, limit: int = 30) -> list[SearchHit]:
        """The best `limit` projects for `query`, best first; ties keep list order."""
        query = query.strip()
        if not query:
            return []
        best: dict[int, tuple[float, str]] = {}
        name_hits = process.extract(
            query, self.names, scorer=fuzz.partial_ratio, limit=limit * 3, score_cutoff=SCORE_CUTOFF
        )
        for name, partial, index in name_hits:
            best[index] = (name_score(query, name, partial), "name")
        target_hits = process.extract(
            query,
            self.targets,
            scorer=fuzz.partial_ratio,
            limit=limit,
            score_cutoff=SCORE_CUTOFF / TARGET_WEIGHT,
        )
        for _, score, index in target_hits:
            if score * TARGET_WEIGHT > best.get(index, (0.0, ""))[0]:
                best[index] = (score * TARGET_WEIGHT, "target")
        order = sorted(best, key=lambda index: (-best[index][0], index))[:limit]
        return [self._hit(index, *best[index]) for index in order]

    def _hit(self, index: int, score: float, matched_in: str) -> SearchHit:
        """A hit for the project at `index`."""
        project_id, unit, name, _ = self.texts[index]
        return SearchHit(project_id, unit, name, score, matched_in)
