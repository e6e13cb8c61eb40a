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
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from .context import Context
from .gazetteer import Gazetteer, Match
from .models import Place
from .names import fold_name
from .respell import CYRILLIC, OWN_NAME, in_latin

# How the name matched: a name a person wrote into gazetteer.yaml for a place of the war's reporting
# («Андріївка» for the village by Bakhmut) outweighs a larger namesake's own name.
HOW_PRIOR = {"primary": 1.5, "region": 4.0, "curated": 4.0, "alias": 0.0, "respelled": -0.5,
             "respelled alias": -2.0}
VOUCHED = ("region", "curated")  # names a person wrote into gazetteer.yaml: as good as the place's own
ALIASES = ("alias", "respelled alias")  # names that are not the place's own (a former name, a spelling)
EARTH_KM = 6371.0088
REGION_BONUS = 5.0
NEAR_KM = np.array([30.0, 100.0, 300.0])  # nearer than these to another place the article names...
NEAR_BONUS = np.array([4.0, 2.0, 0.5, 0.0])  # ...earns this
NEAREST = 1.0  # and within the first, nearer is likelier ("Тоненькое и Орловка" is the Orlivka by Tonenke),
# by more than a known point outweighs a hromada centre: 7 km from Myrnohrad beats 27 km
FAR_KM = 400  # a homonym this far from all the others an article names is probably one we lack...
WELL_KNOWN = 50_000  # ...unless it is a city this large: Mariupol and Mykolaiv in one story are both meant
BY_IDENTITY = "candidates by identity"  # the key in Gazetteer.derived of `candidates`' index by identity


class Choice(NamedTuple):
    place: Place
    why: str
    doubt: str = ""  # why the choice looks wrong for the article, if it does
    others: tuple[str, ...] = ()  # the ids of the places the name could also mean
    margin: float = math.inf  # how far the choice's score is ahead of the next candidate's


@dataclass
class Candidates:
    """The places one name may mean, as arrays, with the score that does not depend on the article."""

    places: list[Place]
    ids: tuple[str, ...]
    hows: list[str]  # how the name matched each
    keys: np.ndarray  # `key` of each place id
    lat: np.ndarray  # radians
    lon: np.ndarray
    regions: np.ndarray  # each one's oblast
    prior: np.ndarray
    _likeness: dict[str, np.ndarray] = field(default_factory=dict)
    _fixed: dict[tuple, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    _reports: tuple = (None, None)  # (context key, reports near each candidate) of the last context asked
    alone: dict[tuple, Place] = field(default_factory=dict)  # first guesses (`first_guesses`)

    @classmethod
    def of(cls, match: Match, gaz: Gazetteer) -> Candidates:
        places = [gaz.places[pid] for pid, _ in match.candidates]
        prior = [HOW_PRIOR[how] + 0.6 * math.log10(p.population + 1) + 0.8 * (p.region in gaz.front_regions)
                 + 0.5 * (p.precision in ("point", "postcode"))  # known exactly, not placed at its hromada's centre
                 for p, (_, how) in zip(places, match.candidates)]
        return cls(places, tuple(p.id for p in places), [how for _, how in match.candidates],
                   np.array([key(p.id) for p in places], dtype=np.int64),
                   np.radians([p.lat for p in places]), np.radians([p.lon for p in places]),
                   np.array([p.region for p in places], dtype=object), np.array(prior))

    def likeness(self, surface: str) -> np.ndarray:
        """How alike the name in the text and each candidate's own name are (0..1): an old or foreign
        name ("Aleksandrovka" for Donetsk) counts for less than the place's own. A Cyrillic name that is
        a place's own (cyrillic.py tells) is as good as its Latin one; another («Василівка», the former
        name of a Novoselivka) is compared in Latin letters."""
        if surface not in self._likeness:
            folded = fold_name(surface)
            cyrillic, latin = bool(CYRILLIC.search(folded)), in_latin(folded)
            self._likeness[surface] = np.array([
                1.0 if how in VOUCHED or cyrillic and how not in ALIASES else _likeness(latin, fold_name(p.name))
                for p, how in zip(self.places, self.hows)])
        return self._likeness[surface]

    def reports(self, context: Context) -> np.ndarray:
        """How many reports of the batch name places near each candidate, kept for the batch: a batch
        of thousands of articles names thousands of places, and a name comes back in many articles."""
        if self._reports[0] != context.key:
            self._reports = (context.key, context.reports_near(self.lat, self.lon))
        return self._reports[1]

    def fixed_score(self, surface: str, regions: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
        """The score that does not depend on the article's other places, and which candidates lie
        in the regions named nearby (`regions` already includes the parts of a macro-region)."""
        k = (surface, regions)
        if k not in self._fixed:
            inside = np.isin(self.regions, sorted(regions)) if regions else np.zeros(len(self.places), dtype=bool)
            self._fixed[k] = (self.prior + 4 * self.likeness(surface) + REGION_BONUS * inside, inside)
        return self._fixed[k]


@lru_cache(maxsize=65536)
def _likeness(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()  # many candidates share a name: 119 Ivanivkas


def key(place_id: str) -> int:
    """A place id as a number, for numpy comparisons (a 64-bit hash: a clash is vanishingly unlikely)."""
    return hash(place_id)


class Neighbours:
    """The settlements an article names, against which a homonym's candidates are measured, and the
    places its whole batch names (`context`)."""

    def __init__(self, places: list[Place], context: Context | None = None):
        self.context = context
        self.places = [p for p in places if p.kind == "settlement"]
        self.keys = np.array([key(p.id) for p in self.places], dtype=np.int64)
        self.lat = np.radians([p.lat for p in self.places])
        self.lon = np.radians([p.lon for p in self.places])

    def nearest(self, lat: np.ndarray, lon: np.ndarray, keys: np.ndarray, without: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Km from each point to its nearest neighbour other than itself and its `without` (keys),
        and that neighbour's index; inf where there is none. Distances are equirectangular: within
        0.5 % of the great circle at the few hundred km that matter here, at a fraction of the cost."""
        if not self.places:
            return np.full(len(lat), np.inf), np.zeros(len(lat), dtype=int)
        km = EARTH_KM * np.hypot(lat[:, None] - self.lat, (lon[:, None] - self.lon) * np.cos(lat)[:, None])
        km[(keys[:, None] == self.keys) | (without[:, None] == self.keys)] = np.inf
        best = km.argmin(axis=1)
        return km[np.arange(len(lat)), best], best


def candidates(match: Match, gaz: Gazetteer) -> Candidates:
    """The candidate arrays of a name, kept on the gazetteer so that each is built once. They are found
    by the identity of the tuple of candidates first (the gazetteer hands the same tuple for each use
    of a name, and hashing a hundred homonyms was a measurable share of the time); the tuple they were
    built for stays a key of `gaz.derived`, so its identity is never another's."""
    by_identity = gaz.derived.setdefault(BY_IDENTITY, {})
    known = by_identity.get(id(match.candidates))
    if known is not None and known[0] is match.candidates:
        return known[1]
    table = gaz.derived.get(match.candidates)
    if table is None:
        table = gaz.derived[match.candidates] = Candidates.of(match, gaz)
        by_identity[id(match.candidates)] = (match.candidates, table)
    return table


class Request(NamedTuple):
    """A name to resolve: the regions named near it, and the place it would be its own neighbour as."""

    match: Match
    regions: frozenset[str]
    without: str = ""


@dataclass
class Scores:
    """The candidates of several names scored together: arrays over all of them, name j's candidates
    at [starts[j], ends[j]), with the evidence behind each score for the reasons shown to the user."""

    requests: list[Request]
    tables: list[Candidates]
    starts: np.ndarray
    ends: np.ndarray
    total: np.ndarray
    in_named: np.ndarray  # in a region named near the mention
    km: np.ndarray  # to the nearest neighbour
    nearest: np.ndarray
    bonus: np.ndarray  # for nearness
    reports: np.ndarray  # mentions of the batch's unambiguous places nearby (context.py)

    def best(self) -> np.ndarray:
        """The index of each name's best candidate (the first, on a tie)."""
        name = np.repeat(np.arange(len(self.requests)), self.ends - self.starts)
        return np.lexsort((-self.total, name))[self.starts]

    def place(self, j: int, i: int) -> Place:
        return self.tables[j].places[i - self.starts[j]]

    def why(self, j: int, i: int, neighbours: Neighbours, gaz: Gazetteer) -> str:
        reasons = [self.requests[j].match.candidates[i - self.starts[j]][1]]
        if self.in_named[i]:
            own = self.place(j, i).region
            reasons.append("region named nearby: " + next(r for r in sorted(self.requests[j].regions)
                                                          if own == r or own in gaz.contains.get(r, ())))
        if self.bonus[i]:
            reasons.append(f"{self.km[i]:.0f} km from {neighbours.places[self.nearest[i]].name}")
        if self.reports[i]:
            reasons.append(f"{self.reports[i]:.0f} reports of the batch name places nearby")
        return "; ".join(reasons)


def score_all(requests: list[Request], gaz: Gazetteer, neighbours: Neighbours) -> Scores:
    """The candidates of several names of one article, scored in one numpy pass."""
    tables = [candidates(r.match, gaz) for r in requests]
    fixed, inside = zip(*[t.fixed_score(r.match.surface, gaz.with_parts(r.regions)) for t, r in zip(tables, requests)])
    sizes = [len(t.places) for t in tables]
    without = np.repeat(np.array([key(r.without) if r.without else 0 for r in requests], dtype=np.int64), sizes)
    km, nearest = neighbours.nearest(*(np.concatenate([getattr(t, a) for t in tables]) for a in ("lat", "lon", "keys")),
                                     without)
    bonus = NEAR_BONUS[np.searchsorted(NEAR_KM, km, side="right")] + NEAREST * np.clip(1 - km / NEAR_KM[0], 0, 1)
    ends = np.cumsum(sizes)
    if neighbours.context is not None:
        batch, reports = neighbours.context.bonus(np.concatenate([t.reports(neighbours.context) for t in tables]),
                                                  ends - sizes)
    else:
        batch = reports = np.zeros(len(km))
    return Scores(requests, tables, ends - sizes, ends, np.concatenate(fixed) + bonus + batch,
                  np.concatenate(inside), km, nearest, bonus, reports)


def rank(match: Match, gaz: Gazetteer, anchors: list[Place], regions: set[str]) -> list[tuple[float, Place, str]]:
    """Every place a name may mean, best first, each with its score and why."""
    neighbours = Neighbours(anchors)
    s = score_all([Request(match, frozenset(regions))], gaz, neighbours)
    order = sorted(range(len(s.total)), key=lambda i: -s.total[i])
    return [(float(s.total[i]), s.place(0, i), s.why(0, i, neighbours, gaz)) for i in order]


def first_guesses(requests: list[Request], gaz: Gazetteer, context: Context | None = None) -> list[Place]:
    """The place each name most likely means with no neighbours, by itself, the regions named near it
    and the batch (`context`): the neighbours that `choose_all` then measures each name against."""
    setting = context.key if context is not None else None
    return [gaz.places[r.match.candidates[0][0]] if _sure_alone(r.match) else _first_guess(r, gaz, context, setting)
            for r in requests]


def _first_guess(r: Request, gaz: Gazetteer, context: Context | None, setting) -> Place:
    """`score_all`'s best with no neighbours, where nearness adds nought: the score that does not depend
    on the article, plus the batch's bonus. It depends on nothing else, so it is made once per name,
    regions and batch, and kept."""
    table = candidates(r.match, gaz)
    key = (r.match.surface, r.regions, setting)
    place = table.alone.get(key)
    if place is None:
        total = table.fixed_score(r.match.surface, gaz.with_parts(r.regions))[0]
        if context is not None:
            total = total + context.bonus(table.reports(context), np.zeros(1, dtype=np.int64))[0]
        place = table.alone[key] = table.places[int(np.argmax(total))]  # the first, on a tie, as `Scores.best`
    return place


def choose_all(requests: list[Request], gaz: Gazetteer, neighbours: Neighbours) -> list[Choice]:
    """The place each name most likely means here, why, and any doubt."""
    choices: list[Choice | None] = [Choice(gaz.places[r.match.candidates[0][0]], "only candidate")
                                    if _sure_alone(r.match) else None for r in requests]
    todo = [i for i, c in enumerate(choices) if c is None]
    if todo:
        s = score_all([requests[i] for i in todo], gaz, neighbours)
        for j, (i, best) in enumerate(zip(todo, s.best().tolist())):
            choices[i] = _choice(s, j, best, neighbours, gaz, requests[i].regions)
    return choices


def with_doubts_rechecked(choices: list[Choice]) -> list[Choice]:
    """A doubt was measured against the first guesses of the other names; a place within FAR_KM of
    another final choice is not far from everything named («Тоненькое и Орловка»: the first guess for
    Orlovka was a Russian village 425 km away, the final one is by Tonenke)."""
    doubtful = [c.place for c in choices if c.doubt]
    if not doubtful:
        return choices
    km, _ = Neighbours([c.place for c in choices]).nearest(
        np.radians([p.lat for p in doubtful]), np.radians([p.lon for p in doubtful]),
        np.array([key(p.id) for p in doubtful], dtype=np.int64), np.zeros(len(doubtful), dtype=np.int64))
    cleared = {p.id for p, far in zip(doubtful, km) if far < FAR_KM}
    return [c._replace(doubt="") if c.doubt and c.place.id in cleared else c for c in choices]


def _sure_alone(match: Match) -> bool:
    """A name with one meaning that is the place's own needs no scoring. Another spelling (an alias, or
    one read by its sound or skeleton) of a place far from all the others named is more likely a place
    the gazetteer lacks: "Zhuravlevka" in a report from Belgorod is no Zhuravlivka of Vinnytsia oblast."""
    return len(match.candidates) == 1 and match.candidates[0][1] in OWN_NAME


def _choice(s: Scores, j: int, best: int, neighbours: Neighbours, gaz: Gazetteer, regions: frozenset[str]) -> Choice:
    """The best candidate; doubtful when far from every other place named, unless it lies in a region named
    with it («Тарасовка на территории ДНР» far from a Kursk village the article also names)."""
    place, km = s.place(j, best), s.km[best]
    why = f"{s.why(j, best, neighbours, gaz)} (score {s.total[best]:.1f} of {s.ends[j] - s.starts[j]} candidates)"
    far = place.kind == "settlement" and place.population < WELL_KNOWN and FAR_KM <= km < np.inf \
        and not (regions and gaz.region_of(place) in gaz.with_parts(regions))
    ids, at = s.tables[j].ids, best - s.starts[j]
    scores = sorted(s.total[s.starts[j]:s.ends[j]].tolist())  # (a few: numpy is slower here)
    margin = scores[-1] - scores[-2] if len(scores) > 1 else math.inf  # best - next
    return Choice(place, why, f"{km:.0f} km from the nearest other place named ({neighbours.places[s.nearest[best]].name})"
                  if far else "", ids[:at] + ids[at + 1:], margin)
