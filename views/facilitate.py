"""Facilitator console: links and QR for the room, the live step, who has joined and rated."""

import streamlit as st

from werkstatt import agenda
from werkstatt.errors import WerkstattError
from werkstatt.i18n import fmt_date, t
from werkstatt.ui.context import get_app, lang, page_params, show_error
from werkstatt.ui.guard import facilitator_token, require_facilitator
from werkstatt.ui.links import own_url, page_url, qr_png
from werkstatt.ui.live import follow
from werkstatt.ui.text import literal


def move_to(workshop_id: int, step_id: str) -> None:
    try:
        get_app().set_live_step(workshop_id, step_id)
    except WerkstattError as error:
        st.session_state["step_error"] = error


def step_controls(workshop, language: str) -> None:
    st.subheader(t("facilitate.step.title", language), anchor=False)
    st.markdown(t("facilitate.step.current", language, step=t(f"step.{workshop.live_step}", language)))
    st.caption(t(f"step.{workshop.live_step}.help", language))
    if "step_error" in st.session_state:
        show_error(st.session_state.pop("step_error"))
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
        column.button(t(f"facilitate.go.{step.id}", language), key=f"go_{step.id}", disabled=disabled,
                      type="primary" if following and step.id == following.id else "secondary",
                      on_click=move_to, args=(workshop.id, step.id), width="stretch")
    st.checkbox(t("facilitate.confirm_close", language), key="confirm_close")
    if not workshop.step.shows_results:
        st.info(t("facilitate.results_hidden", language), icon=":material/visibility_off:")


def room_links(workshop, language: str) -> None:
    join_url = page_url("teilnehmen", code=workshop.join_code)
    projector_url = own_url("beamer", w=str(workshop.id), code=workshop.join_code,
                             lang=language if language != workshop.language else "")
    left, right = st.columns([1, 2])
    left.image(qr_png(join_url, scale=6), width=200)
    with right:
        st.metric(t("facilitate.join_code", language), workshop.join_code)
        st.markdown(f"{t('facilitate.join_link', language)}  \n`{join_url}`")
        st.link_button(t("facilitate.open_projector", language), projector_url, icon=":material/tv:")
        st.caption(t("facilitate.projector_hint", language))


def progress_panel(workshop, fieldset, language: str) -> None:
    progress = get_app().progress(workshop.id)
    st.metric(t("facilitate.joined", language), progress.participants)
    st.dataframe(
        {
            t("col.field", language): [f.title.get(language) for f in fieldset.fields],
            t("facilitate.rated", language): [progress.rated.get(f.id, 0) for f in fieldset.fields],
        },
        hide_index=True,
        width="stretch",
    )


def facilitate_page() -> None:
    language = lang()
    workshop = follow(require_facilitator().id, watch="data")
    fieldset = get_app().fieldset(workshop)
    st.title(literal(workshop.title), anchor=False)
    st.caption(literal(" · ".join(filter(None, [workshop.municipality, fmt_date(workshop.date, language),
                                                workshop.place, fieldset.title.get(language)]))))
    room_links(workshop, language)
    step_controls(workshop, language)
    progress_panel(workshop, fieldset, language)
    st.page_link("views/results.py", label=t("facilitate.open_results", language),
                 icon=":material/bar_chart:", query_params=page_params(f=facilitator_token()))


facilitate_page()
