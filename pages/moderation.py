"""Facilitator console: the live step with its lock and timer, the room's links, the small
groups, the card moderation, and the process with the self-check, in four tabs (only the open
tab is rendered).

The tab "Ablauf" fits a 1366 × 768 or 1280 × 720 laptop without scrolling down to the controls:
the live step, the step buttons, the lock and the timer come first; the QR code and the join
link (the projector shows them large) sit beside the timer, in full during check-in and folded
away after it; "Beamer-Ansicht öffnen" stays at the top. A presenter's clicker works on every
tab (``werkstatt.ui.clicker``).
"""

import streamlit as st

from werkstatt import agenda
from werkstatt.i18n import format_day, format_number, t
from werkstatt.ui.clicker import clicker, keys_hint
from werkstatt.ui.context import act, get_app, lang, page_params, show_action_error
from werkstatt.ui.frame import frame
from werkstatt.ui.group_setup import group_setup
from werkstatt.ui.guard import facilitator_token, require_facilitator
from werkstatt.ui.links import own_url, page_url, qr_png
from werkstatt.ui.live import follow
from werkstatt.ui.moderation import dot_rules, moderation_panel
from werkstatt.ui.process_setup import process_setup
from werkstatt.ui.step_tools import lock_control, step_buttons, step_question, timer_control
from werkstatt.ui.text import literal

TABS_KEY = "console_tab"

# Less empty space above the title than Streamlit's default (6 rem): the header bar is 3.75 rem.
CONSOLE_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 3.75rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2.25rem; padding-top: 0.25rem; padding-bottom: 0.25rem; }
.st-key-live_step h3 { padding: 0.2rem 0 0 0; }
/* the step buttons of one row are as tall as the tallest (a label that wraps) */
.st-key-step_buttons [data-testid="stColumn"] > div,
.st-key-step_buttons [data-testid="stElementContainer"], .st-key-step_buttons .stButton,
.st-key-step_buttons button { height: 100%; }
</style>
"""


def live_step(workshop, language: str) -> None:
    """What is live now, and what it means; the projector window's button beside it."""
    left, right = st.columns([3, 1], vertical_alignment="top")
    with left.container(key="live_step"):
        step = t(workshop.step.name, language)
        st.subheader(t("Jetzt live: **{step}**", language, step=step), anchor=False)
        note = t(workshop.step.help, language)
        if workshop.live_step in ("checkin", "rating"):
            note += "  \n:material/visibility_off: " + t(
                "Die Ergebnisse sind für Beamer und Teilnehmende noch verborgen.", language)
        st.caption(note)
    projector_url = own_url("beamer", w=str(workshop.id), code=workshop.join_code,
                            lang=language if language != workshop.language else "")
    right.link_button(t("Beamer-Ansicht öffnen", language), projector_url, icon=":material/tv:",
                      width="stretch",
                      help=t("Öffnet sich in einem neuen Fenster. Ziehen Sie es auf den Beamer und drücken "
                             "Sie F11.", language))


def step_controls(workshop, language: str) -> None:
    live_step(workshop, language)
    if workshop.is_closed:
        return
    step_buttons(workshop, language)
    confirm, keys = st.columns([2, 3], vertical_alignment="center")
    confirm.checkbox(t("Ja, ich möchte den Workshop endgültig beenden.", language), key="confirm_close")
    with keys:
        keys_hint(language)
    if workshop.step.takes_input:
        lock, timer, room = st.columns([2, 5, 3], gap="medium")
        with lock:
            lock_control(workshop, language)
    elif workshop.live_step == agenda.FIRST_STEP:  # room for the QR code beside the code
        timer, room = st.columns([1, 1], gap="medium")
    else:
        timer, room = st.columns([7, 3], gap="medium")
    with timer:
        timer_control(workshop, language)
    with room:
        room_links(workshop, language)
    following = agenda.next_step(workshop.live_step)
    if following is not None and following.accepts_cards and not get_app().groups(workshop.id):
        st.warning(t("Noch keine Gruppen: In der Gruppenarbeit schreiben dann alle Karten zu jedem "
                     "Handlungsfeld. Gruppen legen Sie im Reiter „Gruppen“ an, mit einem Klick eine je "
                     "Handlungsfeld.", language), icon=":material/groups:")


def room_links(workshop, language: str) -> None:
    """The join code, the link for the tablets and its QR code: in full while people arrive,
    folded away after that (the projector shows them large at every step)."""
    join_url = page_url("teilnehmen", code=workshop.join_code)
    qr = qr_png(join_url, scale=6)
    alt = t("QR-Code mit dem Link zur Teilnahme: {url}", language, url=join_url)
    link = f"{t('Link für Tablets und Handys:', language)}  \n`{join_url}`"
    if workshop.live_step == agenda.FIRST_STEP:
        code, text = st.columns([2, 3], gap="small")
        code.image(qr, width=150, alt=alt)
        text.metric(t("Code für die Teilnahme", language), workshop.join_code)
        text.markdown(link)
        return
    st.metric(t("Code für die Teilnahme", language), workshop.join_code)
    with st.expander(t("QR-Code und Link für Tablets", language), icon=":material/qr_code_2:"):
        st.image(qr, width=150, alt=alt)
        st.markdown(link)


def _save_cap(workshop_id: int) -> None:
    act(get_app().set_participant_cap, workshop_id, st.session_state["participant_cap"])


def participant_cap(workshop, language: str) -> None:
    """The most devices that may join; the service says what it takes (1 to 5000). Folded away
    below the steps: rarely changed, and the steps must stay near the top of a laptop screen."""
    label = t("Höchstzahl der Geräte", language) + ": " + format_number(workshop.participant_cap, language)
    with st.expander(label, icon=":material/devices:"), st.form("cap_form", border=False):
        left, right = st.columns([1, 1], vertical_alignment="bottom")
        left.number_input(t("Höchstzahl der Geräte", language), value=workshop.participant_cap, step=1,
                          key="participant_cap")
        right.form_submit_button(t("Höchstzahl speichern", language), icon=":material/devices:",
                                 on_click=_save_cap, args=(workshop.id,))
        st.caption(t("Gespeichert: höchstens {cap} Geräte.", language,
                     cap=format_number(workshop.participant_cap, language))
                   + " " + t("Mehr Geräte können nicht beitreten – so kann kein Skript den Workshop "
                             "mit Anmeldungen fluten.", language))


def progress_panel(workshop, fieldset, language: str) -> None:
    app = get_app()
    progress = app.progress(workshop.id)
    left, right = st.columns(2)
    left.metric(t("Angemeldet", language), progress.participants)
    if workshop.step.accepts_votes or workshop.step.shows_ranking:
        right.metric(t("haben Punkte vergeben", language), app.voters(workshop.id))
    board = app.board(workshop.id)
    st.dataframe(
        {
            t("Handlungsfeld", language): [f.title.get(language) for f in fieldset.fields],
            t("haben bewertet", language): [progress.rated.get(f.id, 0) for f in fieldset.fields],
            t("Karten", language): [sum(1 for c in board if c.visible and c.field_id == f.id)
                                              for f in fieldset.fields],
        },
        hide_index=True,
        width="stretch",
    )


def facilitate_page() -> None:
    language = lang()
    workshop = follow(require_facilitator().id)
    st.html(CONSOLE_CSS)
    fieldset = get_app().fieldset(workshop)
    st.title(literal(workshop.title), anchor=False)
    st.caption(literal(" · ".join(filter(None, [workshop.municipality, format_day(workshop.date, language),
                                                workshop.place, fieldset.title.get(language)]))))
    show_action_error()
    agenda_tab, groups_tab, cards_tab, process_tab = st.tabs(
        [t("Ablauf", language), t("Gruppen", language),
         t("Karten moderieren", language), t("Taskforce & Selbstcheck", language)],
        key=TABS_KEY, on_change="rerun",
    )
    if agenda_tab.open:
        with agenda_tab:
            step_controls(workshop, language)
            progress_panel(workshop, fieldset, language)
            participant_cap(workshop, language)
            st.page_link("pages/ergebnisse.py", label=t("Ergebnisse im Detail", language),
                         icon=":material/bar_chart:", query_params=page_params(f=facilitator_token()))
    if groups_tab.open:
        with groups_tab:
            group_setup(workshop, fieldset, language)
    if cards_tab.open:
        with cards_tab:
            dot_rules(workshop, language)
            moderation_panel(workshop, fieldset, language)
    if process_tab.open:
        with process_tab:
            process_setup(workshop, fieldset, language)
    step_question(workshop, language)
    clicker(workshop, language)


frame(wide=True)
facilitate_page()
