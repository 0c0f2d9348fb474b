"""Setting up the small groups in the console: names, fields, and each group's own links.

Each group has two links (with QR codes for the table): one places a person's
own device in the group, the other turns a shared tablet into the group's
tablet, whose cards count for the group. They unfold under each group on screen,
and the sheet for the tables (``werkstatt.group_sheet``) prints them, one A4 page
per group; the PDF is made only when its button is pressed.
"""

from __future__ import annotations

import streamlit as st

from werkstatt.fieldsets import Fieldset
from werkstatt.group_sheet import GroupLinks, group_links, group_sheet_pdf
from werkstatt.groupwork import Group
from werkstatt.i18n import N_, nt, t
from werkstatt.service import Workshop
from werkstatt.ui.context import act, get_app
from werkstatt.ui.downloads import file_stem
from werkstatt.ui.links import base_url, qr_png
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
    else:
        base = base_url()  # the address the tablets reach, read once from this session
        _sheet_download(workshop, base, language)
        for group in groups:
            _group_row(workshop, fieldset, group, base, language)
    with st.form("new_group"):
        st.markdown(f"**{t('Neue Gruppe', language)}**")
        st.text_input(t("Name der Gruppe", language), key="new_group_name", max_chars=200)
        st.multiselect(t("Handlungsfelder der Gruppe", language), list(fieldset.field_ids),
                       key="new_group_fields", format_func=lambda f: fieldset.field(f).title.get(language))
        st.form_submit_button(t("Gruppe anlegen", language), icon=":material/group_add:",
                              on_click=_add_group, args=(workshop.id,))


def _sheet_download(workshop: Workshop, base: str, language: str) -> None:
    """The PDF for the tables. It takes about a second (WeasyPrint; two the first time in a
    server process), so it is built when the button is pressed, in Streamlit's download thread,
    while the button shows its spinner; the page itself stays as fast as before."""
    app = get_app()
    st.download_button(t("QR-Codes für die Tische (PDF)", language),
                       lambda: group_sheet_pdf(app, workshop.id, base),
                       file_name=f"{file_stem(workshop.title)}-gruppen-qr-codes.pdf", mime="application/pdf",
                       icon=":material/print:", key="group_sheet_pdf", on_click="ignore")
    st.caption(t("Eine A4-Seite je Gruppe zum Auslegen auf dem Tisch: Name, Handlungsfelder und die "
                 "QR-Codes für das Gruppentablet und für eigene Geräte. Die Codes führen zu {address} – "
                 "diese Adresse müssen die Tablets im Raum erreichen.", language, address=f"`{base}`"))


def _group_row(workshop: Workshop, fieldset: Fieldset, group: Group, base: str, language: str) -> None:
    app = get_app()
    with st.container(border=True):
        st.markdown(f"**{literal(group.name)}** · "
                    f"{literal(_field_names(fieldset, group.field_ids, language))}")
        st.caption(nt("{n} Gerät", "{n} Geräte", group.members, language) + " · "
                   + nt("{n} Karte", "{n} Karten", group.cards, language))
        _group_links(group_links(base, workshop.join_code, group.id), language)
        edit, delete, _ = st.columns([1, 1, 2])
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


def _group_links(links: GroupLinks, language: str) -> None:
    """A group's two links and QR codes, unfolded in the page (a popover was cut off at the
    bottom of a 768 px laptop screen); the same links as on the printed sheet."""
    with st.expander(t("Links und QR-Codes", language), icon=":material/qr_code_2:"):
        for column, key, url in zip(
                st.columns(2),
                (N_("Gemeinsames Gruppentablet (Karten zählen für die Gruppe):"),
                 N_("Eigenes Gerät in dieser Gruppe:")),
                (links.tablet, links.own_device)):
            column.markdown(f"**{t(key, language)}**  \n`{url}`")
            column.image(qr_png(url, scale=4), width=160,
                         alt=t("QR-Code mit dem Link zur Teilnahme: {url}", language, url=url))
