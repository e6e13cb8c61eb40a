"""Where a pile of reporting is about, to choose among homonyms that nothing in one article separates.

Donetsk oblast has five villages called Vesele, and a terse report ("shelled near Vesele, Donetsk")
gives no other clue. The articles of a batch, though, name many places that have one meaning only;
where they cluster is where the fighting they report is. A candidate with many such places near it
is the likelier meaning. The context is built from the batch itself (one gazetteer pass, no
extraction), so a result depends only on the articles given, and `reextract` rebuilds it from the
whole store.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import shapely

from .gazetteer import Gazetteer

EARTH_KM = 6371.0088
REACH_KM = 25.0  # places this close to a candidate count for it
REACH_DEGREES = REACH_KM / (111.2 * 0.5)  # in longitude, wide enough up to 60° north: the tree's first cut
MAX_BONUS = 1.5  # a tie-breaker: below a big city's own name, an article's neighbour (4), a named region (5)


class Context:
    """The settlements a batch of articles names unambiguously, with how many articles name each."""

    def __init__(self, places: dict[str, int], gaz: Gazetteer):
        self.ids = tuple(sorted(places))
        self.lat = np.radians([gaz.places[i].lat for i in self.ids])
        self.lon = np.radians([gaz.places[i].lon for i in self.ids])
        self.weight = np.array([places[i] for i in self.ids], dtype=float)
        self.key = hash((self.ids, tuple(self.weight)))  # what choices made in this context are kept under
        self.tree = shapely.STRtree(shapely.points(np.degrees(self.lon), np.degrees(self.lat)))

    @classmethod
    def of(cls, texts: Iterable[str], gaz: Gazetteer) -> Context:
        return cls.counted((cls.named(text, gaz) for text in texts), gaz)

    @classmethod
    def counted(cls, named: Iterable[set[str]], gaz: Gazetteer) -> Context:
        """The context of the articles whose `named` settlements are given."""
        counts: Counter[str] = Counter()
        for ids in named:
            counts.update(ids)
        return cls(dict(counts), gaz)

    @staticmethod
    def named(text: str, gaz: Gazetteer) -> set[str]:
        """The settlements a text names that have one meaning only."""
        return {m.candidates[0][0] for m in gaz.find(text)
                if len(m.candidates) == 1 and gaz.places[m.candidates[0][0]].kind == "settlement"}

    def reports_near(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """For each point (radians), how many article mentions of the context's places lie within REACH_KM."""
        if not self.ids or not len(lat):
            return np.zeros(len(lat))
        # the tree finds the places within a box of degrees, then the distance decides (thousands of
        # places in a big batch: measuring each against all was most of ingest's time)
        query, found = self.tree.query(shapely.points(np.degrees(lon), np.degrees(lat)), predicate="dwithin",
                                       distance=REACH_DEGREES)
        km = EARTH_KM * np.hypot(lat[query] - self.lat[found], (lon[query] - self.lon[found]) * np.cos(lat[query]))
        near = km <= REACH_KM
        return np.bincount(query[near], weights=self.weight[found[near]], minlength=len(lat))

    def bonus(self, near: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The score each candidate earns for the reports near it (`near`, from `reports_near`), and
        that number of reports. The candidates of one name (from each of `starts` to the next) are
        measured against each other: the one with most reports nearby earns MAX_BONUS, the others as
        many fewer as their log says."""
        weight = np.log1p(near)
        most = np.maximum.reduceat(weight, starts) if len(weight) else weight
        best = np.repeat(most, np.diff(np.append(starts, len(weight))))
        return np.where(best > 0, MAX_BONUS * weight / np.where(best > 0, best, 1), 0.0), near

