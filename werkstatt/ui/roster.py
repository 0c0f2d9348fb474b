"""The task-force roster: who is in it, adding a member, and removing one for good."""

from __future__ import annotations

import streamlit as st

from werkstatt.actions import Member
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import nt, t
from werkstatt.taskforce import Process
from werkstatt.ui.context import act, get_app
from werkstatt.ui.text import literal

NO_SECTOR = ""


def _add(process_id: int) -> None:
    state = st.session_state
    act(get_app().add_member, process_id, state["member_name"], state["member_organisation"],
        state["member_sector"] or None)
    if "action_error" not in state:
        state["member_name"] = state["member_organisation"] = ""


def roster(process: Process, members: list[Member], fieldset: Fieldset, language: str) -> None:
    st.caption(t("Die Mitgliederliste ist die einzige personenbezogene Angabe in Werkstatt. "
                 "„Entfernen“ löscht Name und Sektor endgültig; die Maßnahmen bleiben und zeigen "
                 "dann die Organisation oder „ehemaliges Mitglied“.", language))
    current = [m for m in members if not m.removed]
    if not current:
        st.info(t("Noch keine Mitglieder.", language), icon=":material/group:")
    for member in current:
        sector = fieldset.sector(member.sector).label.get(language) if member.sector in \
            {s.id for s in fieldset.sectors} else ""
        with st.container(border=True):
            left, right = st.columns([4, 1])
            left.markdown(f"**{literal(member.name)}**  \n"
                          + literal(" · ".join(filter(None, [member.organisation, sector]))))
            with right.popover(t("Entfernen", language), icon=":material/person_remove:", width="stretch"):
                st.markdown(t("{name} entfernen? Name und Sektor werden gelöscht und sind nicht "
                              "wiederherstellbar.", language, name=literal(member.name)))
                st.button(t("Ja, endgültig entfernen", language), key=f"remove_member_{member.id}",
                          type="primary", on_click=act, args=(get_app().remove_member, process.id, member.id))
    removed = len(members) - len(current)
    if removed:
        st.caption(nt("{n} ehemaliges Mitglied, ohne Namen.", "{n} ehemalige Mitglieder, ohne Namen.",
                      removed, language))
    with st.form("new_member"):
        st.markdown(f"**{t('Mitglied hinzufügen', language)}**")
        left, middle, right = st.columns(3)
        left.text_input(t("Name", language), key="member_name", max_chars=200)
        middle.text_input(t("Organisation", language), key="member_organisation", max_chars=200)
        right.selectbox(t("Bereich", language), [NO_SECTOR, *[s.id for s in fieldset.sectors]],
                        key="member_sector", format_func=lambda s: fieldset.sector(s).label.get(language)
                        if s else t("– keine Angabe –", language))
        st.form_submit_button(t("Hinzufügen", language), icon=":material/person_add:",
                              on_click=_add, args=(process.id,))
