"""Build ``notes_gold.jsonl`` from ``notes_source.txt`` (one ACLED-style note per line).

usage: python tests/data/events/build_notes_gold.py [--admin1 PATH/TO/naturalearth/admin1.tsv]

Each source line is ``sub_event_type | date[~precision] | actor1 | actor2 | fatalities |
places | text``; ``places`` lists ``mention@CC/kind`` (or ``mention=gazetteer name@CC/kind``) separated
by ``;``, the first being the event's location; a kind ending in ``!`` skips the look-up
(a name the gazetteer resolves to a namesake elsewhere). Coordinates and GeoNames ids
come from eventwire's own gazetteer (towns, cities, villages) and from Natural Earth
admin-1 (provinces) when its file is given; a place that cannot be looked up keeps null
coordinates. The event's evidence is
the note's first sentence. Every gold line is checked by `eventwire.eval.gold` before
the file is written.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

from eventwire.eval.gold import GoldArticle
from eventwire.geo.gazetteer import get_gazetteer
from eventwire.geo.normalize import name_key

HERE = Path(__file__).parent
SOURCE = HERE / "notes_source.txt"
TARGET = HERE / "notes_gold.jsonl"
OUTLET = "eventwire test notes"

EVENT_TYPE = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
POINT_KINDS = {"city", "town", "village", "neighborhood", "district", "border_crossing", "other"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def read_admin1(path: Path | None) -> dict[tuple[str, str], dict[str, str]]:
    if path is None or not path.exists():
        return {}
    out: dict[tuple[str, str], dict[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            for name in (row["name"], row["name_en"], *row["name_alt"].split("|")):
                if name:
                    out.setdefault((row["iso_a2"], name_key(name)), row)
    return out


def look_up(gazetteer, admin1, mention: str, country: str, kind: str) -> dict:
    place = {"mention": mention, "name": mention, "geonameid": None, "lat": None, "lon": None,
             "country": country, "kind": kind}
    key = name_key(mention)
    if kind == "province":
        row = admin1.get((country, key))
        if row:
            place.update(name=row["name_en"] or row["name"],
                         geonameid=int(row["gn_id"]) if row["gn_id"] else None,
                         lat=round(float(row["latitude"]), 4), lon=round(float(row["longitude"]), 4))
        return place
    records = [r for r in gazetteer.by_key(key) if r.country == country and r.kind in POINT_KINDS]
    if records:
        best = max(records, key=lambda r: (r.kind == kind, r.population, r.geonameid is not None))
        place.update(name=best.name, geonameid=best.geonameid,
                     lat=round(best.lat, 4) if best.lat is not None else None,
                     lon=round(best.lon, 4) if best.lon is not None else None)
    return place


def published_for(date: str, precision: str) -> str:
    if precision == "month":
        year, month = map(int, date.split("-"))
        return dt.date(year + month // 12, month % 12 + 1, 1).isoformat()
    day = dt.date.fromisoformat(date)
    return (day + dt.timedelta(days=3 if precision == "week" else 1)).isoformat()


def build_line(number: int, line: str, gazetteer, admin1) -> dict:
    sub, date_spec, actor1, actor2, fatalities, places_spec, text = (f.strip() for f in line.split("|"))
    date, _, precision = date_spec.partition("~")
    precision = precision or "day"
    places = []
    for spec in places_spec.split(";"):
        mention, _, rest = spec.partition("@")
        mention, _, lookup_name = mention.partition("=")
        country, _, kind = rest.partition("/")
        if kind.endswith("!"):  # ambiguous name the look-up gets wrong: keep null coordinates
            kind = kind[:-1]
            place = look_up(gazetteer, {}, "", country, kind) | {"name": lookup_name or mention}
        else:
            place = look_up(gazetteer, admin1, lookup_name or mention, country, kind)
        places.append({**place, "mention": mention})
    evidence = SENTENCE_END.split(text, maxsplit=1)[0]
    event = {
        "event_type": EVENT_TYPE[sub], "sub_event_type": sub, "actor1": actor1, "actor2": actor2 or None,
        "location": places[0]["name"], "date": date, "date_precision": precision,
        "fatalities": int(fatalities), "reported_by": None, "evidence": evidence,
    }
    return {
        "id": f"nt-{number:03d}", "url": None, "outlet": OUTLET,
        "published": published_for(date, precision), "title": None, "text": text,
        "places": places, "events": [event], "attributions": [], "framing": [],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_admin1 = HERE.parents[2] / ".." / "shared" / "data" / "naturalearth" / "admin1.tsv"
    parser.add_argument("--admin1", type=Path, default=default_admin1)
    args = parser.parse_args(argv)
    gazetteer = get_gazetteer()
    admin1 = read_admin1(args.admin1)
    text = SOURCE.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    docs = []
    for number, line in enumerate(lines, start=1):
        doc = build_line(number, line, gazetteer, admin1)
        GoldArticle.from_dict(doc, where=f"{SOURCE.name}:{number}")  # quotes must be in the text
        docs.append(doc)
    with TARGET.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    unresolved = [p["mention"] for d in docs for p in d["places"] if p["lat"] is None]
    print(f"{len(docs)} notes -> {TARGET}; places without coordinates: {unresolved}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
