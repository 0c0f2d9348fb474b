"""An organiser's workshops, by state, each with what the organiser can do with it: open its
console (also after it closed, without code and PIN), open its process's task force, hand it to
a colleague, or delete it for good."""

from __future__ import annotations

import streamlit as st

from werkstatt.errors import WerkstattError
from werkstatt.i18n import N_, format_day, t
from werkstatt.organizers import OwnWorkshop
from werkstatt.ui.context import get_app, page_params, show_error
from werkstatt.ui.text import literal

STATE_HEADINGS = {"open": N_("Offen"), "closed": N_("Abgeschlossen"), "archived": N_("Archiviert")}
DELETED_KEY = "organizer_deleted"


def workshop_list(token: str, language: str) -> None:
    app = get_app()
    deleted = st.session_state.pop(DELETED_KEY, None)
    if deleted:
        st.success(t("„{title}“ ist gelöscht.", language, title=deleted), icon=":material/check_circle:")
    workshops = app.own_workshops(token)
    if not workshops:
        st.info(t("Sie haben noch keine Workshops. Legen Sie im Reiter „Neuen Workshop anlegen“ "
                  "den ersten an.", language), icon=":material/info:")
        return
    for state, heading in STATE_HEADINGS.items():
        shown = [w for w in workshops if w.state == state]
        if shown:
            st.subheader(f"{t(heading, language)} ({len(shown)})", anchor=False)
            for workshop in shown:
                _workshop_box(token, workshop, language)


def _workshop_box(token: str, workshop: OwnWorkshop, language: str) -> None:
    app = get_app()
    with st.container(border=True):
        st.markdown(f"**{literal(workshop.title)}**")
        details = [workshop.municipality]
        if workshop.date:
            details.append(format_day(workshop.date, language))
        details.append(t("Code {code}", language, code=workshop.join_code))
        if workshop.process_title:
            details.append(t("Prozess: {title}", language, title=workshop.process_title))
        st.caption(literal(" · ".join(details)))
        console, hand, delete, taskforce = st.columns(4)
        if console.button(t("Moderation öffnen", language), key=f"console_{workshop.id}", type="primary",
                          icon=":material/co_present:", width="stretch"):
            _go(lambda: app.organizer_console(token, workshop.id), "pages/moderation.py", "f")
        if workshop.process_id is not None and taskforce.button(
                t("Taskforce öffnen", language), key=f"taskforce_{workshop.id}", icon=":material/groups:",
                width="stretch"):
            _go(lambda: app.organizer_taskforce(token, workshop.process_id), "pages/taskforce.py", "tf")
        with hand.popover(t("Übergeben", language), icon=":material/person_add:", width="stretch"):
            _hand_over_form(token, workshop, language)
        with delete.popover(t("Löschen", language), icon=":material/delete:", width="stretch"):
            _delete_form(token, workshop, language)


def _go(open_token, page: str, param: str) -> None:
    try:
        token = open_token()
    except WerkstattError as error:
        show_error(error)
        return
    st.switch_page(page, query_params=page_params(**{param: token}))


def _hand_over_form(token: str, workshop: OwnWorkshop, language: str) -> None:
    with st.form(f"hand_over_{workshop.id}", border=False):
        colleague = st.text_input(t("Name der Kollegin oder des Kollegen", language), max_chars=200,
                                  key=f"colleague_{workshop.id}",
                                  help=t("So, wie ihr Konto heißt. Danach steht der Workshop nur noch in "
                                         "deren Liste.", language))
        if not st.form_submit_button(t("Workshop übergeben", language)):
            return
    try:
        receiver = get_app().hand_over_workshop(token, workshop.id, colleague)
    except WerkstattError as error:
        show_error(error)
        return
    st.success(t("Übergeben an {name}.", language, name=literal(receiver.name)), icon=":material/check_circle:")
    st.rerun()


def _delete_form(token: str, workshop: OwnWorkshop, language: str) -> None:
    st.warning(t("Alle Bewertungen, Karten und Punkte dieses Workshops werden endgültig gelöscht. Maßnahmen "
                 "der Taskforce bleiben.", language), icon=":material/warning:")
    with st.form(f"delete_{workshop.id}", border=False):
        sure = st.checkbox(t("Ja, „{title}“ endgültig löschen", language, title=literal(workshop.title)),
                           key=f"delete_sure_{workshop.id}")
        if not st.form_submit_button(t("Endgültig löschen", language), type="primary"):
            return
    if not sure:
        st.error(t("Bitte zuerst das Häkchen setzen.", language))
        return
    try:
        get_app().delete_own_workshop(token, workshop.id)
    except WerkstattError as error:
        show_error(error)
        return
    st.session_state[DELETED_KEY] = workshop.title
    st.rerun()
