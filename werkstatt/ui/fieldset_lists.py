"""The parts of the fieldset page around the editor: a person's own lists (edit, download,
delete), starting from a template, the Excel/CSV import, and the translations of a list."""

from __future__ import annotations

import streamlit as st

from werkstatt import fieldset_drafts as drafts
from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import FieldsetError
from werkstatt.i18n import LANGUAGE_NAMES, N_, PARTICIPANT_LANGUAGES, t
from werkstatt.ui.context import get_app, show_error
from werkstatt.ui.fieldset_editor import start_draft
from werkstatt.ui.text import literal

MODE = "fs_mode"
EDITOR, LISTS, IMPORT, TRANSLATE = "editor", "lists", "import", "translate"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _problems(error: FieldsetError, intro: str, language: str) -> None:
    st.error(t(intro, language) + "\n\n" + "\n".join(f"- {literal(str(p))}" for p in error.problems),
             icon=":material/error:")


def _open(lineage: str, token: str) -> None:
    """Button callback: the list ``lineage`` into the editor."""
    own = get_app().own_fieldset(lineage, token)
    start_draft(drafts.draft_from_fieldset(own.fieldset), lineage)
    st.session_state[MODE] = EDITOR


def _copy(fieldset_id: str) -> None:
    """Button callback: a copy of a template into the editor, as a new list."""
    start_draft(get_app().template_draft(fieldset_id), None)
    st.session_state[MODE] = EDITOR


def _blank() -> None:
    start_draft(drafts.blank_draft(), None)
    st.session_state[MODE] = EDITOR


def start_choices(language: str) -> None:
    """A new empty list, or a copy of a shipped or own list ("Vorlage kopieren")."""
    app = get_app()
    choices = app.fieldset_choices(st.query_params.get("o", ""))
    titles = {f.id: f.title.get(language) for f in choices}
    left, right, blank = st.columns([3, 1, 1], vertical_alignment="bottom")
    chosen = left.selectbox(t("Vorlage", language), list(titles), format_func=titles.get, key="fs_template")
    right.button(t("Vorlage kopieren", language), key="fs_copy", on_click=_copy, args=(chosen,),
                 icon=":material/content_copy:", width="stretch")
    blank.button(t("Leere Liste", language), key="fs_blank", on_click=_blank, icon=":material/note_add:",
                 width="stretch")


def own_lists(language: str, token: str) -> None:
    """Each own list: its version and use, and what can be done with it."""
    app = get_app()
    lists = app.own_fieldsets(token)
    if not lists:
        st.info(t("Noch keine eigene Themenliste. Legen Sie eine an oder lesen Sie eine Excel-Datei ein.",
                  language), icon=":material/info:")
        return
    for own in lists:
        with st.container(border=True, key=f"fs_list_{own.lineage}"):
            title, edit, yaml_file, excel, delete = st.columns([5, 1.3, 1.3, 1.3, 1.3], vertical_alignment="center")
            title.markdown(f"**{literal(own.fieldset.title.get(own.fieldset.language))}**")
            title.caption(t("Version {version} · {fields} Felder · in {workshops} Workshops", language,
                            version=own.version, fields=len(own.fieldset.fields), workshops=own.workshops))
            edit.button(t("Bearbeiten", language), key=f"fs_edit_{own.lineage}", on_click=_open,
                        args=(own.lineage, token), icon=":material/edit:", width="stretch")
            yaml_file.download_button("YAML", app.fieldset_yaml(own.ref), file_name=f"{own.lineage}.yaml",
                                      mime="text/yaml", key=f"fs_yaml_{own.lineage}", icon=":material/download:",
                                      width="stretch", on_click="ignore")
            excel.download_button("Excel", app.fieldset_workbook(own.ref), file_name=f"{own.lineage}.xlsx",
                                  mime=XLSX, key=f"fs_xlsx_{own.lineage}", icon=":material/download:",
                                  width="stretch", on_click="ignore")
            if delete.button(t("Löschen", language), key=f"fs_delete_{own.lineage}", icon=":material/delete:",
                             disabled=own.workshops > 0, width="stretch",
                             help=t("Nur eine Liste, die noch kein Workshop nutzt, lässt sich löschen.", language)):
                try:
                    app.delete_own_fieldset(own.lineage, token)
                except WerkstattError as error:
                    show_error(error)
                    return
                st.rerun()
    st.caption(t("Eine Liste, die ein Workshop nutzt, bleibt für ihn unverändert: Beim Speichern einer Änderung "
                 "entsteht eine neue Version, neue Workshops nutzen die neueste.", language))


def import_file(language: str, token: str) -> None:
    """The Excel template to download and a filled one (or CSV, or YAML) to read in."""
    app = get_app()
    st.write(t("Laden Sie die Vorlage herunter, tragen Sie im Blatt „Felder“ je Zeile ein Thema ein (Titel, "
               "Beschreibung, Leitfragen je eine pro Zeile) und im Blatt „Skala“ Titel, Stufen und Bereiche. "
               "Eine CSV-Datei mit den Spalten Titel; Beschreibung; Leitfragen geht auch.", language))
    st.download_button(t("Vorlage herunterladen", language), app.fieldset_workbook(), file_name="themenliste.xlsx",
                       mime=XLSX, key="fs_template_download", icon=":material/download:", on_click="ignore")
    upload = st.file_uploader(t("Ausgefüllte Datei", language), type=["xlsx", "csv", "yaml", "yml"],
                              key="fs_upload")
    if upload is None or not st.button(t("Einlesen", language), type="primary", key="fs_import"):
        return
    try:
        own = app.import_own_fieldset(upload.name, upload.getvalue(), token)
    except FieldsetError as error:
        _problems(error, N_("Die Datei wurde nicht eingelesen, nichts ist gespeichert. Bitte diese Stellen "
                            "ändern und die Datei noch einmal hochladen:"), language)
        return
    except WerkstattError as error:
        show_error(error)
        return
    st.success(t("„{title}“ ist eingelesen: {fields} Felder. Sie können die Liste jetzt bearbeiten oder einen "
                 "Workshop damit anlegen.", language, title=literal(own.fieldset.title.get("de")),
                 fields=len(own.fieldset.fields)), icon=":material/check_circle:")


def translations(language: str, token: str) -> None:
    """Per participant language, the texts of a list that are still German only, to fill in."""
    app = get_app()
    lists = app.own_fieldsets(token)
    if not lists:
        st.info(t("Noch keine eigene Themenliste.", language), icon=":material/info:")
        return
    titles = {own.lineage: own.fieldset.title.get("de") for own in lists}
    left, right = st.columns(2)
    lineage = left.selectbox(t("Themenliste", language), list(titles), format_func=titles.get, key="fs_tr_list")
    own = next(o for o in lists if o.lineage == lineage)
    offered = [code for code in PARTICIPANT_LANGUAGES if code != own.fieldset.language]
    target = right.selectbox(t("Sprache", language), offered, format_func=LANGUAGE_NAMES.get, key="fs_tr_lang")
    texts = list(own.fieldset.texts())
    missing = own.fieldset.missing(target)
    st.caption(t("{missing} von {total} Texten sind noch nur auf Deutsch; auf dem Handy stehen sie dann auf "
                 "Deutsch mit dem Zusatz „(Deutsch)“.", language, missing=len(missing), total=len(texts)))
    only_missing = st.toggle(t("Nur fehlende zeigen", language), value=True, key="fs_tr_missing")
    with st.form(f"fs_tr_form_{lineage}_{target}"):
        values = {}
        for where, text in texts:
            if only_missing and where not in missing:
                continue
            german = text.get(own.fieldset.language)
            values[where] = st.text_area(literal(german), value=text.values.get(target, ""),
                                         key=f"fs_tr_{lineage}_{target}_{where}", height=68)
        if not st.form_submit_button(t("Übersetzungen speichern", language), type="primary"):
            return
    try:
        app.set_own_translation(lineage, target, values, token)
    except FieldsetError as error:
        _problems(error, N_("Nicht gespeichert. Bitte diese Stellen ändern:"), language)
        return
    except WerkstattError as error:
        show_error(error)
        return
    st.success(t("Übersetzungen gespeichert.", language), icon=":material/check_circle:")
