"""Participant (tablet or phone): join with the code, then follow the live step.

The anonymous token lives in the URL (``?t=``), so a reload, a tab reopened
from history or a server restart lands the participant back here with their
stored answers.
"""

import streamlit as st

from werkstatt.errors import UnknownParticipant, WerkstattError
from werkstatt.i18n import t
from werkstatt.ui import style
from werkstatt.ui.access import statement_link
from werkstatt.ui.context import get_app, participant_lang, show_error
from werkstatt.ui.live import follow
from werkstatt.ui.cards import card_step
from werkstatt.ui.rating import rating_control
from werkstatt.ui.text import literal
from werkstatt.ui.timer import countdown
from werkstatt.ui.voting import voting_step


def code_form(language: str) -> None:
    """Step 1 of joining: the code from the projector (case and spaces ignored)."""
    st.title(t("participate.join.title", language))
    with st.form("code_form"):
        code = st.text_input(t("start.join.code", language), key="join_code", max_chars=20)
        if not st.form_submit_button(t("participate.code.button", language), type="primary"):
            return
    try:
        workshop = get_app().workshop_by_code(code)
    except WerkstattError as error:
        show_error(error, language)
        return
    st.query_params["code"] = workshop.join_code
    st.rerun()


def _group_from_link(workshop) -> tuple[int | None, bool]:
    """``?g=<group id>`` from a group's own link places the joiner in it; ``&tablet=1``
    makes this device the group's shared tablet. A broken value is ignored."""
    try:
        group_id = int(st.query_params.get("g", ""))
        get_app().group(workshop.id, group_id)
    except (ValueError, WerkstattError):
        return None, False
    return group_id, st.query_params.get("tablet") == "1"


def join_form(code: str, language: str) -> None:
    """Step 2 of joining: pick a sector if you like, then take part."""
    app = get_app()
    try:
        workshop = app.workshop_by_code(code)
    except WerkstattError as error:
        show_error(error, language)
        st.query_params.pop("code", None)
        code_form(language)
        return
    group_id, group_tablet = _group_from_link(workshop)
    st.title(t("participate.join.title", language))
    st.subheader(literal(f"{workshop.title} · {workshop.municipality}"), anchor=False)
    if group_id is not None:
        group = literal(app.group(workshop.id, group_id).name)
        st.info(t("participate.join.group_tablet" if group_tablet else "participate.join.group", language,
                  group=group), icon=":material/groups:")
    sectors = {} if group_tablet else {s.id: s.label.marked(language) for s in app.fieldset(workshop).sectors}
    with st.form("join_form"):
        sector = None
        if sectors:
            sector = st.radio(t("participate.sector", language), list(sectors), index=None,
                              format_func=sectors.get, key="join_sector",
                              help=t("participate.sector.help", language))
        if not st.form_submit_button(t("participate.join.button", language), type="primary"):
            return
    # A double tap must not create two participants: reuse this tab's token.
    token = st.session_state.get("participant_token")
    try:
        if not token or app.participant(token).workshop_id != workshop.id:
            token = app.join(workshop.join_code, sector=sector, group_id=group_id,
                             group_tablet=group_tablet).token
    except WerkstattError as error:
        show_error(error, language)
        return
    st.session_state["participant_token"] = token
    for param in ("code", "g", "tablet"):
        st.query_params.pop(param, None)
    st.query_params["t"] = token
    st.rerun()


def workshop_screen(token: str, language: str) -> None:
    app = get_app()
    participant = app.participant(token)
    workshop = follow(participant.workshop_id, watch="step")
    fieldset = app.fieldset(workshop)
    step = workshop.step
    open_ = workshop.input_open(app.now())

    st.caption(literal(f"{workshop.title} · {workshop.municipality}"))
    st.header(t(f"participate.step.{workshop.live_step}", language), anchor=False)
    countdown(workshop, app.now(), language)
    if step.accepts_ratings:
        rating_step(token, fieldset, open_, language)
    elif step.accepts_cards:
        card_step(participant, workshop, fieldset, open_, language)
    elif step.accepts_votes:
        if step.shows_ranking:
            st.info(t("participate.wait.ranking", language), icon=":material/leaderboard:")
        voting_step(participant, workshop, fieldset, open_, language)
    else:
        waiting(token, workshop, fieldset, language)


def rating_step(token: str, fieldset, open_: bool, language: str) -> None:
    """The fields, each its own fragment (``werkstatt.ui.rating``): no page-wide count that a
    tap in one field would leave stale, only "all rated" once the set is complete."""
    all_rated = len(get_app().my_ratings(token)) == len(fieldset.fields)
    if open_:
        st.write(t("participate.rating.intro", language))
    else:
        st.warning(t("participate.rating.locked", language), icon=":material/lock:")
    for field in fieldset.fields:
        rating_control(token, fieldset, field, language, disabled=not open_, all_rated_on_page=all_rated)
    if all_rated:
        st.success(t("participate.all_done", language), icon=":material/celebration:")


def waiting(token: str, workshop, fieldset, language: str) -> None:
    """Between input steps: what comes next, and the answers given so far."""
    stored = get_app().my_ratings(token)
    icon = {"checkin": ":material/hourglass_top:", "results": ":material/bar_chart:"}.get(
        workshop.live_step, ":material/celebration:")
    st.info(t(f"participate.wait.{workshop.live_step}", language), icon=icon)
    if stored:
        with st.expander(t("participate.my_answers", language), expanded=workshop.step.shows_results):
            for field in fieldset.fields:
                if field.id in stored:
                    label = fieldset.scale.marked(stored[field.id], language)
                    st.markdown(f"**{literal(field.title.marked(language))}**: {literal(label)}")


def participate_page() -> None:
    language = participant_lang()
    style.tablet(language)
    token = st.query_params.get("t")
    if not token:
        code = st.query_params.get("code")
        if code:
            join_form(code, language)
        else:
            code_form(language)
        return
    try:
        workshop_screen(token, language)
    except UnknownParticipant as error:
        show_error(error, language)
        st.query_params.pop("t", None)
        st.session_state.pop("participant_token", None)
        code_form(language)


participate_page()
statement_link(participant_lang(), t=st.query_params.get("t", ""))
