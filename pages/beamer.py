"""Projector (beamer, read from 8 m): join code, QR code, live counts, results after the
reveal, the card wall while groups write and vote, the dot ranking, and the timer.

It refreshes itself and has no controls. Opened as ``/beamer?w=<id>&code=<code>``.
"""

import html

import streamlit as st

from werkstatt.errors import WerkstattError
from werkstatt.i18n import format_day, format_number, nt, t
from werkstatt.ui import style
from werkstatt.ui.access import accessible_page
from werkstatt.ui.context import get_app
from werkstatt.ui.context import lang as screen_language
from werkstatt.ui.frame import frame
from werkstatt.ui.links import page_url, qr_png
from werkstatt.ui.live import follow
from werkstatt.ui.results import result_charts, too_few_note, verdict_cards
from werkstatt.ui.timer import countdown
from werkstatt.ui.wall import card_wall, group_strip, ranking


def join_panel(workshop, lang: str) -> None:
    url = page_url("teilnehmen", code=workshop.join_code)
    st.html(f'<div class="ws-label">'
            f'{html.escape(t("Mitmachen: QR-Code scannen oder Code eingeben", lang))}</div>'
            f'<div class="ws-big-code">{workshop.join_code}</div>')
    st.image(qr_png(url), width=460, alt=t("QR-Code mit dem Link zur Teilnahme: {url}", lang, url=url))
    st.html(f'<div class="ws-url">{html.escape(url)}</div>')


def progress_panel(app, workshop, fieldset, lang: str) -> None:
    progress = app.progress(workshop.id)
    st.html(f'<div class="ws-big-number">{format_number(progress.participants, lang)}</div>'
            f'<div class="ws-label">{html.escape(t("sind dabei", lang))}</div>')
    if workshop.step.accepts_ratings:
        rows = "".join(
            f'<tr><td>{html.escape(f.title.get(lang))}</td>'
            f'<td class="n">{format_number(progress.rated.get(f.id, 0), lang)}</td></tr>'
            for f in fieldset.fields
        )
        st.html(f'<div class="ws-label">{html.escape(t("So viele haben schon bewertet:", lang))}</div>'
                f'<table class="ws-progress">{rows}</table>')


def projector_page() -> None:
    style.projector()
    app = get_app()
    try:
        workshop = app.screen_workshop(int(st.query_params.get("w", 0)), st.query_params.get("code", ""))
    except (WerkstattError, ValueError):
        accessible_page(screen_language())
        st.error(t("Dieser Beamer-Link ist nicht vollständig. Bitte den Link aus der Moderation "
                   "öffnen.", screen_language()))
        return
    workshop = follow(workshop.id)
    lang = screen_language(workshop.language)
    accessible_page(lang)
    fieldset = app.fieldset(workshop)

    step = workshop.step
    locked = "" if workshop.input_open(app.now()) or not step.takes_input else f' · {t("gesperrt", lang)}'
    about = [workshop.title, workshop.municipality, format_day(workshop.date, lang) if workshop.date else "",
             f'{t("Code", lang)} {workshop.join_code}']
    st.html(f'<div class="ws-label">{html.escape(" · ".join(filter(None, about)))}</div>'
            f'<div class="ws-step">{html.escape(t(workshop.step.name, lang) + locked)}</div>')
    countdown(workshop, app.now(), lang, large=True)
    if step.shows_wall:
        group_strip(app.groups(workshop.id), lang)
        if step.accepts_votes:
            st.html(f'''<div class="ws-label">{html.escape(nt("{n} hat schon Punkte vergeben",
                                                              "{n} haben schon Punkte vergeben",
                                                              app.voters(workshop.id), lang))}</div>''')
        card_wall(app.board(workshop.id), fieldset, workshop.wall_field, lang)
    elif step.shows_ranking and not step.shows_results:
        ranking(app.board(workshop.id), fieldset, lang)
    elif step.shows_results:
        summary = app.summary(workshop.id)
        verdict_cards(summary, fieldset, lang)
        if note := too_few_note(summary, fieldset, lang):
            st.html(f'<div class="ws-label">{html.escape(note)}</div>')
        result_charts(summary, fieldset, lang, large=True)
    else:
        left, right = st.columns([3, 2], gap="large")
        with left:
            join_panel(workshop, lang)
        with right:
            progress_panel(app, workshop, fieldset, lang)


frame(wide=True, switch=False)
projector_page()
