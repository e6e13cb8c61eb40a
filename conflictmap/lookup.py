"""What a name may mean: the gazetteer's candidates ranked as the extractor ranks them, and, only when
asked, OpenStreetMap's Nominatim for a name the gazetteer lacks."""
from __future__ import annotations

from .gazetteer import Gazetteer, Match
from .homonyms import rank
from .models import Place

USER_AGENT = "conflictmap (newsroom map of war reporting)"
BOUNDS = [(43.0, 21.0), (57.0, 45.0)]  # Ukraine and the Russian border regions: answers elsewhere are not ours


def candidates(gaz: Gazetteer, name: str, near: str | None = None) -> list[tuple[float, Place, str]]:
    places = gaz.lookup(name)
    if not places:
        return []
    match = Match(0, len(name), name, tuple((p.id, "primary" if p.name == name else "alias") for p in places))
    nearby = gaz.lookup(near) if near else []
    regions = {p.name for p in nearby if p.kind == "region"}
    return rank(match, gaz, [p for p in nearby if p.kind == "settlement"][:1], regions)


def online(name: str, geocoder=None, limit: int = 5) -> list[dict]:
    """Suggestions from Nominatim, rate-limited to one request a second as its usage policy asks.
    Off unless the user asks; each answer is shown to the user, never written to the gazetteer by itself."""
    if geocoder is None:
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        geocoder = RateLimiter(Nominatim(user_agent=USER_AGENT, timeout=10).geocode, min_delay_seconds=1.0)
    answers = geocoder(name, exactly_one=False, limit=limit, country_codes=["ua", "ru"], viewbox=BOUNDS,
                       bounded=True, language="en") or []
    return [{"name": a.address.split(",")[0], "address": a.address, "lat": round(a.latitude, 5),
             "lon": round(a.longitude, 5), "source": "OpenStreetMap Nominatim (ODbL)"} for a in answers]
