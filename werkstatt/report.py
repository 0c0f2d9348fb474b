"""The report a city can publish: one self-contained HTML page, and its PDF made from the same HTML.

Everything comes from the service, so the report shows what the results page and the task force
see. It is public, so it follows the house rules for publishing: no breakdown cell under three
people, and owners of actions appear as organisations, never as names of task-force members.

The HTML needs nothing from outside (no scripts, no links to fetch): the charts are vector SVG
from kaleido, inlined, and the CSS sits in the page. WeasyPrint turns the same HTML into an A4
PDF with a table of contents, page numbers and bookmarks (``facts.md``, section 5). This module
never imports Streamlit.

    from werkstatt.report import report_html, report_pdf
    Path("bericht.pdf").write_bytes(report_pdf(app, workshop.id))
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import queue
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
import kaleido
import pandas as pd
from markupsafe import Markup, escape

from werkstatt import actions as rules
from werkstatt import charts, peer_report
from werkstatt.actions import STATUS_NAMES, Action, Member
from werkstatt.cards import KIND_NAMES, VOTABLE_KINDS, Card, ranked
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import N_, format_change, format_day, format_number, install_gettext, marked, nt, t

if TYPE_CHECKING:
    from werkstatt.service import Werkstatt, Workshop

TEMPLATES = Path(__file__).resolve().parent / "templates"
CHART_WIDTH = 660  # CSS pixels: the text width of A4 with the report's margins (174 mm)
MIN_CELL = 3  # the smallest group of people a breakdown may show
TOP_STRENGTHS = 3
TOP_GAPS = 5
NO_CHROMIUM = (
    "The report's charts could not be drawn: kaleido needs Chromium and it did not start. "
    "Install it (Debian: apt-get install chromium) or point BROWSER_PATH at a Chrome or Chromium binary."
)

_kaleido_lock = threading.Lock()


def report_html(app: "Werkstatt", workshop_id: int, lang: str = "de") -> str:
    """The whole report as one HTML page in ``lang`` ("de" or "en")."""
    workshop = app.workshop(workshop_id)
    return templates().get_template("report.html").render(_context(app, workshop, lang))


def report_pdf(app: "Werkstatt", workshop_id: int, lang: str = "de") -> bytes:
    """The same HTML as an A4 PDF."""
    return pdf_from_html(report_html(app, workshop_id, lang))


def pdf_from_html(html: str) -> bytes:
    """A report's HTML as an A4 PDF (a page that has both builds the HTML once). WeasyPrint is
    imported here, not at the top: it costs about a second, and only this export needs it. The
    report is self-contained; should anything in it ever point outside, the fetcher allows no
    protocol at all, so nothing is fetched."""
    import weasyprint

    refuse_all = weasyprint.urls.URLFetcher(allowed_protocols=())
    return weasyprint.HTML(string=html, url_fetcher=refuse_all).write_pdf()


@lru_cache(maxsize=1)
def templates() -> jinja2.Environment:
    """The printed documents' templates (``werkstatt/templates``: this report and the group sheet).
    Autoescape on: every text a person typed (titles, cards, actions, group names) is shown as text."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["css_string"] = lambda text: Markup('"' + re.sub(r'(["\\])', r"\\\1", str(text)) + '"')
    install_gettext(env)
    return env


# --- what the report says -------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class _Sources:
    """What the sections are made of, read once from the service."""

    fieldset: Fieldset
    summary: pd.DataFrame
    board: list[Card]
    actions: list[Action]  # the process's actions (none without a process)
    members: dict[int, Member]
    today: dt.date  # in the city's calendar: what "overdue" is measured against
    perspective: pd.DataFrame | None  # None without a self-check
    previous: "Workshop | None"  # the workshop of the same process just before this one
    comparison: pd.DataFrame | None  # with the previous workshop


def _context(app: "Werkstatt", workshop: "Workshop", lang: str) -> dict:
    """Everything the template shows, gathered from the service and formatted for ``lang``."""
    src = _sources(app, workshop)
    fieldset = src.fieldset
    people = app.participants_by_sector(workshop.id)
    figures = _summary_rows(src.summary, fieldset, lang)
    return {
        "lang": lang,
        "workshop": workshop,
        "date": format_day(workshop.date, lang),
        "fieldset_title": fieldset.title.get(lang),
        "process": app.process(workshop.process_id) if workshop.process_id is not None else None,
        "people": sum(people.values()),
        "sectors": _sector_rows(people, fieldset, lang),
        "min_cell": MIN_CELL,
        "generated": format_day(src.today, lang),
        "intro": _intro(fieldset, sum(people.values()), lang),
        "summary": list(figures.values()),
        "overview_svg": _chart_svg(charts.overview_chart(src.summary, fieldset, lang),
                                   t("Diagramm: Median und Konsens je Handlungsfeld", lang)),
        "perspective": (_perspective_part(src.perspective, fieldset, lang)
                        if src.perspective is not None else None),
        "previous": _previous_part(src, lang) if src.previous is not None else None,
        "fields": [_field_part(field_id, src, figures[field_id], lang) for field_id in fieldset.field_ids],
        "peers": peer_report.council_page(app, workshop, lang),  # None without other cities' files
    }


def _sources(app: "Werkstatt", workshop: "Workshop") -> _Sources:
    perspective = app.perspective(workshop.id)
    previous = _previous_workshop(app, workshop)
    process_id = workshop.process_id
    return _Sources(
        fieldset=app.fieldset(workshop),
        summary=app.summary(workshop.id),
        board=app.board(workshop.id),
        actions=app.actions(process_id) if process_id is not None else [],
        members={m.id: m for m in app.members(process_id)} if process_id is not None else {},
        today=app.today(),
        perspective=None if perspective["self_check"].isna().all() else perspective,
        previous=previous,
        comparison=app.comparison(previous.id, workshop.id) if previous is not None else None,
    )


def _previous_workshop(app: "Werkstatt", workshop: "Workshop") -> "Workshop | None":
    if workshop.process_id is None:
        return None
    ids = [w.id for w in app.process_workshops(workshop.process_id)]
    index = ids.index(workshop.id)
    return app.workshop(ids[index - 1]) if index > 0 else None


def _sector_rows(people: dict[str | None, int], fieldset: Fieldset, lang: str) -> list[tuple[str, str]]:
    """Participants per sector for the title page. Sectors under MIN_CELL people, those no longer
    in the fieldset, and people without a sector share one row, so nobody stands out alone; that
    row says only "fewer than 3" when it is that small itself."""
    known = {s.id for s in fieldset.sectors}
    rows = [(s.label.get(lang), str(people[s.id])) for s in fieldset.sectors
            if people.get(s.id, 0) >= MIN_CELL]
    rest = sum(n for key, n in people.items() if key not in known or n < MIN_CELL)
    if rest:
        shown = str(rest) if rest >= MIN_CELL else t("weniger als {n}", lang, n=MIN_CELL)
        rows.append((t("Weitere Bereiche oder ohne Angabe", lang), shown))
    return rows


def _intro(fieldset: Fieldset, people: int, lang: str) -> dict[str, str]:
    scale, verdict = fieldset.scale, fieldset.verdict
    return {
        "text": nt("{n} Person hat im Workshop {fields} Handlungsfelder auf einer Skala von „{low}“ bis "
                   "„{high}“ bewertet. Die Tabelle zeigt je Feld die Einschätzung der Runde; die "
                   "Abschnitte danach zeigen jedes Feld im Einzelnen mit den Karten der Kleingruppen.",
                   "{n} Personen haben im Workshop {fields} Handlungsfelder auf einer Skala von „{low}“ "
                   "bis „{high}“ bewertet. Die Tabelle zeigt je Feld die Einschätzung der Runde; die "
                   "Abschnitte danach zeigen jedes Feld im Einzelnen mit den Karten der Kleingruppen.",
                   people, lang, fields=len(fieldset.fields), low=scale.label(scale.min, lang),
                   high=scale.label(scale.max, lang)),
        "how_to_read": t("So lesen Sie die Zahlen: Der Median ist der mittlere Wert aller Antworten, "
                         "der Mittelwert steht nur daneben. Konsens: 1 = alle einig, 0 = je zur "
                         "Hälfte an beiden Enden der Skala. „Kann ich nicht einschätzen“ wird "
                         "gezählt, aber nie gemittelt. Einschätzung: {strength} ab einem Median von "
                         "{strength_at}, umstritten bei einem Konsens unter {contested_below}, zu "
                         "wenige Antworten unter {min_answers}.", lang, strength=t("Stärke", lang),
                         strength_at=format_number(verdict.strength_median_at_least, lang),
                         contested_below=format_number(verdict.contested_consensus_below, lang, digits=2),
                         min_answers=verdict.min_answers),
    }


def _summary_rows(summary: pd.DataFrame, fieldset: Fieldset, lang: str) -> dict[str, dict]:
    """Field id → its numbers as people read them (``2,5`` in German), in fieldset order."""
    return {row.field_id: {
        "anchor": f"feld-{row.field_id}",
        "title": fieldset.field(row.field_id).title.get(lang),
        "verdict": marked("verdict", row.verdict, lang),
        "median": format_number(row.median, lang),
        "mean": format_number(row.mean, lang, digits=2),
        "consensus": format_number(row.consensus, lang, digits=2),
        "n": int(row.n),
        "dont_know": int(row.dont_know),
    } for row in summary.itertuples(index=False)}


def _perspective_part(frame: pd.DataFrame, fieldset: Fieldset, lang: str) -> dict:
    return {
        "svg": _chart_svg(charts.perspective_chart(frame, fieldset, lang),
                          t("Diagramm: Selbstcheck der Verwaltung und Median des Workshops je "
                            "Handlungsfeld", lang)),
        "rows": [{
            "title": fieldset.field(row.field_id).title.get(lang),
            "self_check": format_number(row.self_check, lang),
            "median": format_number(row.median, lang),
            "difference": format_change(row.difference, lang),
            "view": marked("perspective", row.view, lang),
        } for row in frame.itertuples(index=False)],
    }


def _previous_part(src: _Sources, lang: str) -> dict:
    return {
        "title": src.previous.title,
        "date": format_day(src.previous.date, lang),
        "rows": [{
            "title": src.fieldset.field(row.field_id).title.get(lang),
            "before": format_number(row.median_before, lang),
            "after": format_number(row.median_after, lang),
            "change": format_change(row.median_change, lang),
            "consensus_change": format_change(row.consensus_change, lang, digits=2),
            "n": f"{row.n_before:.0f} → {row.n_after:.0f}",
            "trend": marked("trend", row.trend, lang),
        } for row in src.comparison.itertuples(index=False)],
    }


def _field_part(field_id: str, src: _Sources, figures: dict, lang: str) -> dict:
    """One field's section: its numbers and chart, the comparisons, its top cards and actions."""
    field = src.fieldset.field(field_id)
    title = field.title.get(lang)
    one_field = dataclasses.replace(src.fieldset, fields=(field,))
    chart = charts.distribution_chart(src.summary[src.summary["field_id"] == field_id], one_field, lang,
                                      legend=False)
    # The heading above names the field, and the table below, with the colours, is the key: at
    # A4 width plotly's legend wraps into three rows and covers the bar in kaleido's export.
    chart.update_layout(yaxis=dict(showticklabels=False))
    return {
        "anchor": f"feld-{field_id}",
        "title": title,
        "description": field.description.get(lang),
        "figures": figures,
        "levels": _level_counts(src.summary.set_index("field_id").loc[field_id], src.fieldset, lang),
        "svg": _chart_svg(chart, t("Diagramm: Verteilung aller Rückmeldungen im Handlungsfeld {field}", lang,
                                   field=title)),
        "compared": _field_comparisons(field_id, src, lang),
        "strengths": [_card(c, lang)
                      for c in ranked(src.board, field_id, kinds=("strength",))[:TOP_STRENGTHS]],
        "gaps": [_card(c, lang) for c in ranked(src.board, field_id, kinds=VOTABLE_KINDS)[:TOP_GAPS]],
        "actions": [_action(a, src, lang) for a in rules.select(src.actions, src.today, field_id=field_id)],
    }


def _level_counts(row: pd.Series, fieldset: Fieldset, lang: str) -> list[tuple[str, int, str]]:
    """(label, answers, colour) per level of the scale, then "don't know": the chart's key and its
    numbers as text."""
    scale, colours = fieldset.scale, charts.scale_colours(fieldset.scale)
    counts = [(scale.label(v, lang), int(row[f"dist_{v}"]), colours[v]) for v in scale.values]
    return counts + [(t("kann ich nicht einschätzen", lang), int(row["dont_know"]), colours[None])]


def _field_comparisons(field_id: str, src: _Sources, lang: str) -> list[tuple[str, str]]:
    """(label, text) for the self-check and the previous workshop, where they exist."""
    rows = []
    if src.perspective is not None:
        row = src.perspective.set_index("field_id").loc[field_id]
        if not math.isnan(row["self_check"]):
            rows.append((t("Selbstcheck der Verwaltung", lang),
                         t("{score} (Workshop: {median}; Differenz {difference}) · {view}", lang,
                           score=format_number(row["self_check"], lang),
                           median=format_number(row["median"], lang),
                           difference=format_change(row["difference"], lang),
                           view=marked("perspective", row["view"], lang))))
    if src.comparison is not None:
        row = src.comparison.set_index("field_id").loc[field_id]
        rows.append((t("Voriger Workshop ({date})", lang, date=format_day(src.previous.date, lang)),
                     t("Median {before} → {after} ({change}) · {trend}", lang,
                       before=format_number(row["median_before"], lang),
                       after=format_number(row["median_after"], lang),
                       change=format_change(row["median_change"], lang),
                       trend=marked("trend", row["trend"], lang))))
    return rows


def _card(card: Card, lang: str) -> dict:
    return {"text": card.text, "kind": t(KIND_NAMES[card.kind], lang), "dots": card.dots,
            "named": len(card.sources) + 1}


def _action(action: Action, src: _Sources, lang: str) -> dict:
    status = t(STATUS_NAMES[action.status], lang)
    if action.overdue(src.today):
        status += " · " + _marked("⚠", N_("überfällig"), lang)
    return {"title": action.title, "status": status, "due": format_day(action.due_date, lang),
            "owner": _public_owner(action.owner, src.members, lang)}


def _public_owner(owner: str, members: dict[int, Member], lang: str) -> str:
    """Who is responsible, as the public may read it: an organisation, a member's organisation, or
    "task-force member" — never a member's name (``actions.owner_label`` shows names to the
    task force)."""
    member_id = rules.member_id(owner)
    if member_id is None:
        return rules.organisation_of(owner) or t("noch nicht vergeben", lang)
    member = members.get(member_id)
    if member is not None and member.organisation:
        return member.organisation
    if member is None or member.removed:
        return t("ehemaliges Mitglied", lang)
    return t("Taskforce-Mitglied", lang)


def _marked(symbol: str, key: str, lang: str) -> str:
    """A symbol and its word, joined by a no-break space: never the symbol alone on a line."""
    return f"{symbol}\u00a0{t(key, lang)}"


# --- charts ------------------------------------------------------------------------------------------

def _chart_svg(figure, label: str) -> Markup:
    """The figure as inline SVG markup with a text alternative for screen readers.

    Namespace declarations are dropped: inside HTML an ``<svg>`` needs none, and the page
    then holds no address at all. Nothing else is changed.
    """
    svg = _render_svg(figure)
    svg = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", svg)
    root, rest = svg.split(">", 1)
    root = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", root)
    return Markup(f'{root} role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>{rest}')


def _render_svg(figure) -> str:
    """kaleido's SVG of ``figure`` at the report's width.

    Calls are serialised: kaleido's server hands results back through one shared queue, so two
    threads at once could swap their charts.
    """
    opts = {"format": "svg", "width": CHART_WIDTH, "height": figure.layout.height or 400}
    with _kaleido_lock:
        _start_kaleido()
        # what fig.to_image does, minus plotly's options, which a running server ignores with a warning
        return _watched(lambda: kaleido.calc_fig_sync(figure.to_dict(), opts=opts)).decode("utf-8")


def _start_kaleido() -> None:
    """One kaleido server (one Chromium) per process, started on first use and kept: a chart then
    costs about 0.3 s instead of 4.5 s. Without MathJax, which kaleido would load from a CDN."""
    if not kaleido._global_server.is_running():  # noqa: SLF001 - the public start warns when running
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)


def _watched(call):
    """``call()`` in a helper thread, watched. When Chromium is missing or dies, kaleido's server
    thread ends and the call would wait for ever; here that becomes a RuntimeError that says what
    to install, and the dead server is stopped so that the next report tries afresh. (A chart that
    takes too long is kaleido's own timeout, 90 s, and comes back as its error.)"""
    outcome: queue.Queue = queue.Queue(maxsize=1)

    def work() -> None:
        try:
            outcome.put(call())
        except Exception as error:  # raised again in the caller's thread
            outcome.put(error)

    threading.Thread(target=work, name="report-chart", daemon=True).start()
    while True:
        try:
            result = outcome.get(timeout=0.2)
            break
        except queue.Empty:
            server = getattr(kaleido._global_server, "_thread", None)  # noqa: SLF001
            if server is not None and not server.is_alive():
                kaleido.stop_sync_server(silence_warnings=True)
                raise RuntimeError(NO_CHROMIUM) from None
    if isinstance(result, Exception):
        raise result
    return result
