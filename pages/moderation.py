"""Facilitator console: the room's links, the live step with its lock and timer, the small
groups, the card moderation, and the process with the self-check, in four tabs (only the open
tab is rendered)."""

import streamlit as st

from werkstatt import agenda
from werkstatt.i18n import format_day, format_number, t
from werkstatt.ui.context import act, get_app, lang, page_params, show_action_error
from werkstatt.ui.frame import frame
from werkstatt.ui.group_setup import group_setup
from werkstatt.ui.guard import facilitator_token, require_facilitator
from werkstatt.ui.links import own_url, page_url, qr_png
from werkstatt.ui.live import follow
from werkstatt.ui.moderation import dot_rules, moderation_panel
from werkstatt.ui.process_setup import process_setup
from werkstatt.ui.step_tools import lock_control, timer_control
from werkstatt.ui.text import literal

TABS_KEY = "console_tab"


def step_controls(workshop, language: str) -> None:
    st.subheader(t("Ablauf", language), anchor=False)
    st.markdown(t("Jetzt live: **{step}**", language, step=t(workshop.step.name, language)))
    st.caption(t(workshop.step.help, language))
    if workshop.is_closed:
        return
    columns = st.columns(len(agenda.STEPS))
    following = agenda.next_step(workshop.live_step)
    for column, step in zip(columns, agenda.STEPS):
        is_current = step.id == workshop.live_step
        if step.id == agenda.FINAL_STEP:
            confirmed = st.session_state.get("confirm_close", False)
            disabled = is_current or not confirmed
        else:
            disabled = is_current
        column.button(t(step.button, language), key=f"go_{step.id}", disabled=disabled,
                      type="primary" if following and step.id == following.id else "secondary",
                      on_click=act, args=(get_app().set_live_step, workshop.id, step.id), width="stretch")
    if following is not None and following.accepts_cards and not get_app().groups(workshop.id):
        st.warning(t("Noch keine Gruppen: In der Gruppenarbeit schreiben dann alle Karten zu jedem "
                     "Handlungsfeld. Gruppen legen Sie im Reiter „Gruppen“ an, mit einem Klick eine je "
                     "Handlungsfeld.", language), icon=":material/groups:")
    st.checkbox(t("Ja, ich möchte den Workshop endgültig beenden.", language), key="confirm_close")
    if workshop.live_step in ("checkin", "rating"):
        st.info(t("Die Ergebnisse sind für Beamer und Teilnehmende noch verborgen.", language),
                icon=":material/visibility_off:")
    left, right = st.columns(2, gap="large")
    with left:
        lock_control(workshop, language)
    with right:
        timer_control(workshop, language)


def room_links(workshop, language: str) -> None:
    join_url = page_url("teilnehmen", code=workshop.join_code)
    projector_url = own_url("beamer", w=str(workshop.id), code=workshop.join_code,
                             lang=language if language != workshop.language else "")
    left, right = st.columns([1, 2])
    left.image(qr_png(join_url, scale=6), width=200,
               alt=t("QR-Code mit dem Link zur Teilnahme: {url}", language, url=join_url))
    with right:
        st.metric(t("Code für die Teilnahme", language), workshop.join_code)
        st.markdown(f"{t('Link für Tablets und Handys:', language)}  \n`{join_url}`")
        st.link_button(t("Beamer-Ansicht öffnen", language), projector_url, icon=":material/tv:")
        st.caption(t("Öffnet sich in einem neuen Fenster. Ziehen Sie es auf den Beamer und drücken "
                     "Sie F11.", language))


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
            room_links(workshop, language)
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


frame(wide=True)
facilitate_page()
