"""Setting up the small groups in the console: names, fields, and each group's own links.

Each group has two links (with QR codes for the table): one places a person's
own device in the group, the other turns a shared tablet into the group's
tablet, whose cards count for the group.
"""

from __future__ import annotations

import streamlit as st

from werkstatt.fieldsets import Fieldset
from werkstatt.groupwork import Group
from werkstatt.i18n import N_, nt, t
from werkstatt.service import Workshop
from werkstatt.ui.context import act, get_app
from werkstatt.ui.links import page_url, qr_png
from werkstatt.ui.text import literal


def _field_names(fieldset: Fieldset, field_ids, language: str) -> str:
    return ", ".join(fieldset.field(f).title.get(language) for f in field_ids)


def _add_group(workshop_id: int) -> None:
    state = st.session_state
    act(get_app().add_group, workshop_id, state["new_group_name"], state["new_group_fields"])
    if "action_error" not in state:
        state["new_group_name"], state["new_group_fields"] = "", []


def _update_group(workshop_id: int, group_id: int) -> None:
    state = st.session_state
    act(get_app().update_group, workshop_id, group_id, state[f"group_name_{group_id}"],
        state[f"group_fields_{group_id}"])


def group_setup(workshop: Workshop, fieldset: Fieldset, language: str) -> None:
    app = get_app()
    groups = app.groups(workshop.id)
    st.caption(t("Jede Gruppe arbeitet an ihren Handlungsfeldern. Teilnehmende wählen ihre Gruppe "
                 "auf dem Tablet oder kommen über den Link der Gruppe direkt hinein.", language))
    if not groups:
        st.info(t("Noch keine Gruppen. Ohne Gruppen schreiben alle Karten für jedes Handlungsfeld.",
                  language), icon=":material/groups:")
        st.button(t("Eine Gruppe je Handlungsfeld anlegen", language), icon=":material/auto_awesome:",
                  type="primary", on_click=act, args=(app.add_default_groups, workshop.id))
    for group in groups:
        _group_row(workshop, fieldset, group, language)
    with st.form("new_group"):
        st.markdown(f"**{t('Neue Gruppe', language)}**")
        st.text_input(t("Name der Gruppe", language), key="new_group_name", max_chars=200)
        st.multiselect(t("Handlungsfelder der Gruppe", language), list(fieldset.field_ids),
                       key="new_group_fields", format_func=lambda f: fieldset.field(f).title.get(language))
        st.form_submit_button(t("Gruppe anlegen", language), icon=":material/group_add:",
                              on_click=_add_group, args=(workshop.id,))


def _group_row(workshop: Workshop, fieldset: Fieldset, group: Group, language: str) -> None:
    app = get_app()
    with st.container(border=True):
        st.markdown(f"**{literal(group.name)}** · "
                    f"{literal(_field_names(fieldset, group.field_ids, language))}")
        st.caption(nt("{n} Gerät", "{n} Geräte", group.members, language) + " · "
                   + nt("{n} Karte", "{n} Karten", group.cards, language))
        links, edit, delete = st.columns([2, 1, 1])
        with links.popover(t("Links und QR-Codes", language), icon=":material/qr_code_2:", width="stretch"):
            for key, tablet in ((N_("Eigenes Gerät in dieser Gruppe:"), ""),
                                (N_("Gemeinsames Gruppentablet (Karten zählen für die Gruppe):"), "1")):
                url = page_url("teilnehmen", code=workshop.join_code, g=str(group.id), tablet=tablet)
                st.markdown(f"**{t(key, language)}**  \n`{url}`")
                st.image(qr_png(url, scale=4), width=160)
        with edit.popover(t("Ändern", language), icon=":material/edit:", width="stretch"):
            st.session_state.setdefault(f"group_name_{group.id}", group.name)
            st.session_state.setdefault(f"group_fields_{group.id}", list(group.field_ids))
            st.text_input(t("Name der Gruppe", language), key=f"group_name_{group.id}", max_chars=200)
            st.multiselect(t("Handlungsfelder der Gruppe", language), list(fieldset.field_ids),
                           key=f"group_fields_{group.id}",
                           format_func=lambda f: fieldset.field(f).title.get(language))
            st.button(t("Speichern", language), key=f"save_group_{group.id}", type="primary",
                      on_click=_update_group, args=(workshop.id, group.id))
        delete.button(t("Löschen", language), key=f"delete_group_{group.id}", icon=":material/delete:",
                      width="stretch", on_click=act, args=(app.delete_group, workshop.id, group.id))
