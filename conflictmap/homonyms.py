"""Which of the places a name may mean the article means (there are 119 Ivanivkas).

Each candidate is scored by how the name matched it, how alike the names are, its population, whether
it lies in a front-line region, the regions named near the mention ("Ivanivka in the Kherson region")
and its distance to the other places the article names. The scores are numpy arrays over the
candidates, and the part that does not depend on the article is computed once per name.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np

from .gazetteer import Gazetteer, Match
from .models import Place
from .names import fold_name

HOW_PRIOR = {"primary": 1.5, "region": 4.0, "alias": 0.0}
EARTH_KM = 6371.0088
REGION_BONUS = 5.0
NEAR_BONUS = ((30, 4.0), (100, 2.0), (300, 0.5))  # (within km, bonus): the article's other places


@dataclass
class Candidates:
    """The places one name may mean, as arrays, with the score that does not depend on the article."""

    places: list[Place]
    ids: np.ndarray
    lat: np.ndarray  # radians
    lon: np.ndarray
    regions: np.ndarray
    prior: np.ndarray
    _likeness: dict[str, np.ndarray] = field(default_factory=dict)

    @classmethod
    def of(cls, match: Match, gaz: Gazetteer) -> Candidates:
        places = [gaz.places[pid] for pid, _ in match.candidates]
        prior = [HOW_PRIOR[how] + 0.6 * math.log10(p.population + 1) + 0.8 * (p.region in gaz.front_regions)
                 + 0.5 * (p.precision == "point")  # a place we know exactly over one placed at its hromada's centre
                 for p, (_, how) in zip(places, match.candidates)]
        return cls(places, np.array([p.id for p in places], dtype=object),
                   np.radians([p.lat for p in places]), np.radians([p.lon for p in places]),
                   np.array([p.region for p in places], dtype=object), np.array(prior))

    def likeness(self, surface: str) -> np.ndarray:
        """How alike the name in the text and each candidate's own name are (0..1): an old or foreign
        name ("Aleksandrovka" for Donetsk) counts for less than the place's own."""
        if surface not in self._likeness:
            folded = fold_name(surface)
            self._likeness[surface] = np.array([SequenceMatcher(None, folded, fold_name(p.name)).ratio()
                                                for p in self.places])
        return self._likeness[surface]


class Neighbours:
    """The settlements an article names, against which a homonym's candidates are measured."""

    def __init__(self, places: list[Place]):
        self.places = [p for p in places if p.kind == "settlement"]
        self.ids = np.array([p.id for p in self.places], dtype=object)
        self.lat = np.radians([p.lat for p in self.places])
        self.lon = np.radians([p.lon for p in self.places])

    def nearest(self, lat: np.ndarray, lon: np.ndarray, ids: np.ndarray, without: str = "") -> tuple[np.ndarray, np.ndarray]:
        """Great-circle km from each point to its nearest neighbour other than itself (and `without`),
        and that neighbour's index; inf where there is none."""
        if not self.places:
            return np.full(len(lat), np.inf), np.zeros(len(lat), dtype=int)
        dlat = lat[:, None] - self.lat[None, :]
        dlon = lon[:, None] - self.lon[None, :]
        h = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(self.lat)[None, :] * np.sin(dlon / 2) ** 2
        km = 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
        km[ids[:, None] == self.ids[None, :]] = np.inf
        if without:
            km[:, self.ids == without] = np.inf
        best = km.argmin(axis=1)
        return km[np.arange(len(lat)), best], best

    def distance_to(self, place: Place, without: str = "") -> tuple[float, Place | None]:
        km, best = self.nearest(np.radians([place.lat]), np.radians([place.lon]), np.array([place.id], dtype=object),
                                without)
        return (float(km[0]), self.places[best[0]]) if math.isfinite(km[0]) else (math.inf, None)


def candidates(match: Match, gaz: Gazetteer) -> Candidates:
    """The candidate arrays of a name, kept on the gazetteer so that each is built once."""
    table = gaz.derived.get(match.candidates)
    if table is None:
        table = gaz.derived[match.candidates] = Candidates.of(match, gaz)
    return table


@dataclass
class Scores:
    """Each candidate's score and the evidence behind it, for the reasons shown to the user."""

    match: Match
    table: Candidates
    total: np.ndarray
    in_named: np.ndarray  # in a region named near the mention
    km: np.ndarray  # to the nearest neighbour
    nearest: np.ndarray
    bonus: np.ndarray  # for nearness

    def why(self, i: int, neighbours: Neighbours, gaz: Gazetteer, regions: set[str]) -> str:
        reasons = [self.match.candidates[i][1]]
        if self.in_named[i]:
            own = self.table.places[i].region
            reasons.append("region named nearby: "
                           + next(r for r in sorted(regions) if own == r or own in gaz.contains.get(r, ())))
        if self.bonus[i]:
            reasons.append(f"{self.km[i]:.0f} km from {neighbours.places[self.nearest[i]].name}")
        return "; ".join(reasons)


def score(match: Match, gaz: Gazetteer, neighbours: Neighbours, regions: set[str], without: str = "") -> Scores:
    table = candidates(match, gaz)
    named = set(regions) | {part for r in regions for part in gaz.contains.get(r, ())}
    in_named = np.isin(table.regions, sorted(named)) if named else np.zeros(len(table.places), bool)
    km, nearest = neighbours.nearest(table.lat, table.lon, table.ids, without)
    bonus = np.select([km < limit for limit, _ in NEAR_BONUS], [b for _, b in NEAR_BONUS], 0.0)
    total = table.prior + 4 * table.likeness(match.surface) + REGION_BONUS * in_named + bonus
    return Scores(match, table, total, in_named, km, nearest, bonus)


def rank(match: Match, gaz: Gazetteer, anchors: list[Place], regions: set[str]) -> list[tuple[float, Place, str]]:
    """Every place a name may mean, best first, each with its score and why."""
    neighbours = Neighbours(anchors)
    s = score(match, gaz, neighbours, regions)
    order = sorted(range(len(s.total)), key=lambda i: -s.total[i])
    return [(float(s.total[i]), s.table.places[i], s.why(i, neighbours, gaz, regions)) for i in order]


def choose(match: Match, gaz: Gazetteer, neighbours: Neighbours, regions: set[str], without: str = "") -> tuple[Place, str]:
    """The place the name most likely means here, and why; `without` is left out of the neighbours."""
    if len(match.candidates) == 1:
        return gaz.places[match.candidates[0][0]], "only candidate"
    s = score(match, gaz, neighbours, regions, without)
    best = int(s.total.argmax())
    return s.table.places[best], f"{s.why(best, neighbours, gaz, regions)} (score {s.total[best]:.1f} of {len(s.total)} candidates)"
