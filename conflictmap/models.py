"""Plain data passed between the stages: Article -> Mention -> Event -> StoredEvent."""
from __future__ import annotations

from dataclasses import dataclass, field, asdict

STATUSES = ("claimed", "contested", "struck")


@dataclass(frozen=True)
class Article:
    """One news story, decoded to text, with what we know of where it came from."""

    file: str
    text: str
    published: str  # ISO date, YYYY-MM-DD
    outlet: str = ""
    url: str = ""
    language: str = "en"
    published_source: str = "manifest"  # manifest | text | form


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: a settlement or a region."""

    id: str
    name: str
    kind: str  # settlement | region
    lat: float
    lon: float
    region: str = ""  # the oblast a settlement lies in ("Donetsk Oblast")
    country: str = ""  # UA | RU
    population: int = 0
    precision: str = "point"  # point | centroid
    raion: str = ""  # the district (raion) a Ukrainian settlement lies in, as the codifier names it ("Pokrovskyi")
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A place named in one sentence of an article."""

    place: Place
    surface: str  # the text as written ("Dzerzhinsk")
    start: int  # character span of the name in the article text
    end: int
    sentence: str
    sentence_start: int
    candidates: tuple[str, ...] = ()  # other places the name could mean
    why: str = ""  # how the homonym was chosen
    doubtful: bool = False  # far from everything else the article names
    anaphor: bool = False  # "the city", standing for the place named before it
    certainty: float = 1.0  # how sure the place is (a homonym's lead, the precision of its point)


@dataclass(frozen=True)
class Event:
    """What one article says happened at one place."""

    place: Place
    status: str
    date: str  # EDTF
    date_source: str  # text | publication
    claimant: str
    side: str  # russian | ukrainian | third-party | ""
    quote: str
    article: str
    outlet: str
    url: str
    published: str
    start: int
    end: int
    confidence: float
    cues: dict = field(default_factory=dict)

    def properties(self) -> dict:
        """Flat properties for GeoJSON and CSV."""
        props = asdict(self)
        place = props.pop("place")
        return {
            "place": place["name"],
            "place_id": place["id"],
            "kind": place["kind"],
            "region": place["region"],
            "located": place["precision"],
            **props,
        }
