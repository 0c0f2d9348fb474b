"""What the comparison with other municipalities says in documents: the programme team's overview of
many cities (HTML, and a PDF from the same HTML), the council report's page "Im Vergleich mit
anderen Modellkommunen", and the sentence that puts our rank into words.

Built like ``werkstatt.report``: its Jinja environment, its inline SVG charts, its PDF route.
Cities are named as their files name them; a pool of cities is shown only from
``peer_compare.MIN_PEERS`` cities with answers on.

    from werkstatt.peer_report import overview_pdf
    Path("modellkommunen.pdf").write_bytes(overview_pdf([("altstadt.json", data), …]))
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from werkstatt import peer_compare as compare
from werkstatt import report  # its templates, charts and PDF (it imports this module back for its page)
from werkstatt.i18n import N_, format_day, format_number, marked, t
from werkstatt.peer_charts import peer_chart
from werkstatt.peer_compare import MIN_PEERS, City, Rank
from werkstatt.peer_files import read_exchange

if TYPE_CHECKING:
    from werkstatt.service import Werkstatt, Workshop

THIRD_SENTENCES = {
    "upper": N_("{city} liegt bei „{field}“ im oberen Drittel von {n} Kommunen."),
    "middle": N_("{city} liegt bei „{field}“ im mittleren Drittel von {n} Kommunen."),
    "lower": N_("{city} liegt bei „{field}“ im unteren Drittel von {n} Kommunen."),
}
THIRD_WORDS = {"upper": N_("oberes Drittel"), "middle": N_("mittleres Drittel"), "lower": N_("unteres Drittel")}


def rank_sentence(rank: Rank, city: str, field: str, lang: str) -> str:
    """"Musterstadt liegt bei „Fairer Zugang“ im oberen Drittel von 6 Kommunen.\""""
    return t(THIRD_SENTENCES[rank.third], lang, city=city, field=field, n=rank.cities)


def places(rank: Rank, lang: str) -> str:
    """"Platz 2 von 6", or "Platz 2–3 von 6" when others have the same median."""
    place = str(rank.first) if rank.first == rank.last else f"{rank.first}–{rank.last}"
    return t("Platz {place} von {n}", lang, place=place, n=rank.cities)


def level_labels(city: City, lang: str) -> dict[int, str]:
    """The scale's level names from a file, in ``lang`` where the file has it."""
    fieldset = city.document["fieldset"]
    return {level["value"]: _text(level["label"], lang, fieldset["language"])
            for level in fieldset["scale"]["levels"]}


def field_titles(city: City, lang: str) -> dict[str, str]:
    fieldset = city.document["fieldset"]
    return {field["id"]: _text(field["title"], lang, fieldset["language"]) for field in fieldset["fields"]}


def _text(text: dict[str, str], lang: str, default: str) -> str:
    return text.get(lang) or text.get(default) or next(iter(text.values()))


# --- the council report's page ---------------------------------------------------------------------

def council_page(app: "Werkstatt", workshop: "Workshop", lang: str) -> dict | None:
    """The council report's page on the other model municipalities, or None where the process has
    read in no exchange file (then the report has no such page)."""
    if workshop.process_id is None:
        return None
    peers = app.peers(workshop.process_id)
    if not peers:
        return None
    own = app.own_city(workshop.process_id, workshop.id)
    titles = field_titles(own, lang)
    cities = [peer.city for peer in peers]
    rows = []
    for field_id in own.field_ids:
        frame = compare.field_frame(own, cities, field_id)
        pool = frame[frame["role"] == "pool"]
        rank = compare.rank(frame)
        rows.append({
            "title": titles[field_id],
            "own": format_number(frame.iloc[0]["median"], lang),
            "others": int((frame["role"] == "peer").sum()),
            "pool": format_number(pool.iloc[0]["median"], lang) if not pool.empty else "–",
            "rank": f"{t(THIRD_WORDS[rank.third], lang)} ({places(rank, lang)})" if rank else "–",
        })
    return {
        "cities": ", ".join(peer.name for peer in peers),
        "rows": rows,
        "min_peers": MIN_PEERS,
    }


# --- the programme team's overview -----------------------------------------------------------------

def overview_html(files: list[tuple[str, bytes]], lang: str = "de", today: dt.date | None = None) -> str:
    """The cross-city overview of exchange files (name, content), each checked as on import;
    a refused file raises ``PeerFileRefused`` naming it."""
    cities = _cities(files)
    return report.templates().get_template("peer_report.html").render(_context(cities, lang, today or dt.date.today()))


def overview_pdf(files: list[tuple[str, bytes]], lang: str = "de", today: dt.date | None = None) -> bytes:
    return report.pdf_from_html(overview_html(files, lang, today))


def _cities(files: list[tuple[str, bytes]]) -> list[City]:
    documents = [read_exchange(name, data) for name, data in files]
    names = compare.unique_names([d["workshop"]["municipality"] for d in documents],
                                 [d["workshop"]["date"] for d in documents])
    return [City(name, document) for name, document in zip(names, documents)]


def reference_city(cities: list[City]) -> City:
    """The file whose fieldset most files share (the first such file): its fields and scale are
    what the overview compares on."""
    common, _ = Counter(city.document["fieldset"]["id"] for city in cities).most_common(1)[0]
    return next(city for city in cities if city.document["fieldset"]["id"] == common)


def _context(cities: list[City], lang: str, today: dt.date) -> dict:
    reference = reference_city(cities)
    titles, labels = field_titles(reference, lang), level_labels(reference, lang)
    frame = compare.overview(reference, cities)
    agree, differ = compare.agreement(frame)
    themes = compare.gap_themes(reference, cities)
    return {
        "lang": lang,
        "generated": format_day(today, lang),
        "fieldset_title": _text(reference.document["fieldset"]["title"], lang,
                                reference.document["fieldset"]["language"]),
        "min_peers": MIN_PEERS,
        "cities": [_city_row(city, reference, lang) for city in cities],
        "overview": [_overview_row(row, titles, lang) for row in frame.itertuples(index=False)],
        "agree": [titles[f] for f in agree],
        "differ": [titles[f] for f in differ],
        "themes": [{"title": titles[row.field_id], "cards": row.cards, "dots": row.dots, "cities": row.cities}
                   for row in themes.itertuples(index=False) if row.cards],
        "fields": [_field_part(field_id, reference, cities, titles[field_id], labels, lang)
                   for field_id in reference.field_ids],
    }


def _city_row(city: City, reference: City, lang: str) -> dict:
    workshop = city.document["workshop"]
    matched = compare.matched_fields(reference, city)
    return {
        "name": city.name, "title": workshop["title"],
        "date": format_day(dt.date.fromisoformat(workshop["date"]), lang) if workshop["date"] else "–",
        "participants": workshop["participants"],
        "fields": t("{matched} von {total}", lang, matched=len(matched), total=len(reference.field_ids)),
    }


def _overview_row(row, titles: dict[str, str], lang: str) -> dict:
    return {
        "title": titles[row.field_id],
        "cities": row.cities,
        "range": (f"{format_number(row.median_low, lang)} – {format_number(row.median_high, lang)}"
                  if row.cities else "–"),
        "spread": format_number(row.spread, lang),
        "pool_median": format_number(row.pool_median, lang),
        "pool_consensus": format_number(row.pool_consensus, lang, digits=2),
        "gap_cities": row.gap_cities,
    }


def _field_part(field_id: str, reference: City, cities: list[City], title: str, labels: dict[int, str],
                lang: str) -> dict:
    frame = compare.cities_frame(reference, cities, field_id)
    return {
        "anchor": f"feld-{field_id}", "title": title,
        "svg": report._chart_svg(peer_chart(frame, labels, lang),
                          t("Diagramm: Verteilung der Rückmeldungen je Kommune im Handlungsfeld {field}",
                            lang, field=title)) if not frame.empty else None,
        "rows": [_city_numbers(row, lang) for row in frame.itertuples(index=False)],
        "without": [city.name for city in cities if city.name not in set(frame["name"])],
    }


def _city_numbers(row, lang: str) -> dict:
    return {
        "name": row.name if row.role != "pool" else t("Alle zusammen", lang),
        "pool": row.role == "pool",
        "n": int(row.n), "median": format_number(row.median, lang),
        "consensus": format_number(row.consensus, lang, digits=2),
        "verdict": marked("verdict", row.verdict, lang) if row.verdict else "",
    }

