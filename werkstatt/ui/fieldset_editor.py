"""The fieldset editor: a list's title, its fields (add, remove, reorder), the scale, the sectors
and the verdict thresholds, with the participants' rating screen beside it as a preview.

Nothing is lost while someone types: the draft lives in the session (``DRAFT``), every box is
seeded from it and written back to it, so switching to another part of the page and back, or a
refused save, keeps everything. Only "Speichern" checks it, by the rules of every fieldset.
"""

from __future__ import annotations

import secrets

import streamlit as st
import streamlit.components.v1 as components

from werkstatt import fieldset_drafts as drafts
from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import MAX_LEVELS, MIN_LEVELS, FieldsetError, check_data
from werkstatt.i18n import LANGUAGE_NAMES, PARTICIPANT_LANGUAGES, t
from werkstatt.ui.context import get_app, show_error
from werkstatt.ui.text import literal
from werkstatt.web.preview import rating_preview

DRAFT, EDITING, SAVED = "fs_draft", "fs_editing", "fs_saved"
BOXES = ("fs_title", "fs_description", "fs_sectors", "fs_dont_know", "fs_min_answers", "fs_strength",
         "fs_contested", "fs_level_", "fs_f_")  # the keys (or their beginnings) of the editor's boxes


def start_draft(draft: dict, lineage: str | None) -> None:
    """Put ``draft`` into the editor (a new list, a copy, or the list ``lineage``), replacing
    the boxes' values."""
    for key in [k for k in st.session_state if str(k).startswith(BOXES)]:
        del st.session_state[key]
    for field in draft["fields"]:
        field["uid"] = secrets.token_hex(4)
    st.session_state[DRAFT], st.session_state[EDITING] = draft, lineage


def _draft() -> dict:
    if DRAFT not in st.session_state:
        start_draft(drafts.blank_draft(), None)
    return st.session_state[DRAFT]


def _seed(key: str, value) -> str:
    """The box ``key`` starts from the draft's value (the draft outlives the box)."""
    if key not in st.session_state:
        st.session_state[key] = value
    return key


def _collect() -> None:
    """Write every box's value back into the draft (before a button changes the draft)."""
    draft, state = _draft(), st.session_state
    for name in ("title", "description", "sectors", "dont_know", "min_answers", "strength", "contested"):
        if f"fs_{name}" in state:
            draft[name] = state[f"fs_{name}"]
    count = state.get("fs_level_count", len(draft["levels"]))
    levels = [state.get(f"fs_level_{i}", draft["levels"][i] if i < len(draft["levels"]) else "")
              for i in range(count)]
    draft["levels"] = levels
    for field in draft["fields"]:
        for part in ("title", "description", "questions"):
            key = f"fs_f_{field['uid']}_{part}"
            if key in state:
                field[part] = state[key]


def _move(index: int, step: int) -> None:
    _collect()
    fields = _draft()["fields"]
    other = index + step
    if 0 <= other < len(fields):
        fields[index], fields[other] = fields[other], fields[index]


def _remove(index: int) -> None:
    _collect()
    del _draft()["fields"][index]


def _add() -> None:
    _collect()
    _draft()["fields"].append({"id": "", "title": "", "description": "", "questions": "",
                               "uid": secrets.token_hex(4)})


def _fields(language: str) -> None:
    fields = _draft()["fields"]
    st.subheader(t("Felder", language), anchor=False)
    st.caption(t("Die Themen, die bewertet werden. Die Kurzbeschreibung steht auf dem Handy über der "
                 "Skala; Leitfragen helfen beim Nachdenken, je eine pro Zeile.", language))
    for i, field in enumerate(fields):
        uid = field["uid"]
        with st.container(border=True, key=f"fs_box_{uid}"):
            head, up, down, remove = st.columns([8, 1, 1, 1], vertical_alignment="bottom")
            head.text_input(t("Feld {n}: Titel", language, n=i + 1), key=_seed(f"fs_f_{uid}_title", field["title"]),
                            max_chars=120)
            up.button("↑", key=f"fs_up_{uid}", on_click=_move, args=(i, -1), disabled=i == 0,
                      help=t("Nach oben", language))
            down.button("↓", key=f"fs_down_{uid}", on_click=_move, args=(i, 1), disabled=i == len(fields) - 1,
                        help=t("Nach unten", language))
            remove.button("✕", key=f"fs_remove_{uid}", on_click=_remove, args=(i,), disabled=len(fields) == 1,
                          help=t("Feld entfernen", language))
            st.text_area(t("Kurzbeschreibung", language), key=_seed(f"fs_f_{uid}_description", field["description"]),
                         max_chars=400, height=80)
            st.text_area(t("Leitfragen (eine pro Zeile)", language),
                         key=_seed(f"fs_f_{uid}_questions", field["questions"]), height=100)
    st.button(t("Feld hinzufügen", language), key="fs_add", on_click=_add, icon=":material/add:")


def _scale(language: str) -> None:
    draft = _draft()
    st.subheader(t("Skala", language), anchor=False)
    count = st.number_input(t("Anzahl der Stufen", language), min_value=MIN_LEVELS, max_value=MAX_LEVELS, step=1,
                            key=_seed("fs_level_count", len(draft["levels"])))
    columns = st.columns(min(count, 4))
    for i in range(count):
        default = draft["levels"][i] if i < len(draft["levels"]) else ""
        columns[i % len(columns)].text_input(t("Stufe {n}", language, n=i + 1), key=_seed(f"fs_level_{i}", default),
                                             max_chars=60)
    st.caption(t("Von der niedrigsten Stufe (1) zur höchsten.", language))
    st.checkbox(t("„kann ich nicht einschätzen“ anbieten", language), key=_seed("fs_dont_know", draft["dont_know"]))
    st.subheader(t("Bereiche", language), anchor=False)
    st.text_area(t("Bereiche, aus denen Teilnehmende kommen (einer pro Zeile)", language),
                 key=_seed("fs_sectors", draft["sectors"]), height=140,
                 help=t("Die Angabe ist für Teilnehmende freiwillig; leer lassen, wenn nicht gefragt wird.", language))


def _verdict(language: str) -> None:
    draft = _draft()
    st.subheader(t("Urteil je Feld", language), anchor=False)
    left, middle, right = st.columns(3)
    left.number_input(t("Mindestzahl an Antworten", language), min_value=1, max_value=500, step=1,
                      key=_seed("fs_min_answers", int(draft["min_answers"])))
    left.caption(t("Mit weniger Antworten auf der Skala heißt es „zu wenige Antworten“ statt eines Urteils.",
                   language))
    middle.number_input(t("Stärke ab Median", language), min_value=1.0, max_value=float(MAX_LEVELS), step=0.5,
                        key=_seed("fs_strength", float(draft["strength"])))
    middle.caption(t("Liegt der Median mindestens hier, gilt das Feld als Stärke, sonst als Handlungsbedarf.",
                     language))
    right.number_input(t("Umstritten unter Konsens", language), min_value=0.0, max_value=1.0, step=0.05,
                       key=_seed("fs_contested", float(draft["contested"])))
    right.caption(t("Liegt die Einigkeit (0 = gespalten, 1 = alle gleich) darunter, heißt das Feld „umstritten“.",
                    language))


def _preview(language: str) -> None:
    """The rating screen of one field as a phone shows it (the participants' own template)."""
    draft = _draft()
    st.subheader(t("Vorschau", language), anchor=False)
    titles = [f["title"] or t("Feld {n}", language, n=i + 1) for i, f in enumerate(draft["fields"])]
    left, right = st.columns(2)
    index = left.selectbox(t("Feld", language), range(len(titles)), format_func=lambda i: titles[i],
                           key="fs_preview_field")
    shown = right.selectbox(t("Sprache", language), PARTICIPANT_LANGUAGES, format_func=LANGUAGE_NAMES.get,
                            key="fs_preview_language")
    one = dict(draft, fields=[draft["fields"][min(index or 0, len(draft["fields"]) - 1)]], title="Vorschau")
    try:
        fieldset = check_data(drafts.to_data(one, "vorschau"), drafts.draft_place, stem="vorschau")
    except FieldsetError as error:
        st.info(t("Die Vorschau erscheint, sobald das Feld und die Skala vollständig sind: {problems}", language,
                  problems=literal("; ".join(p.text for p in error.problems[:3]))), icon=":material/visibility:")
        return
    if st.session_state.get(EDITING):
        fieldset = _with_translations(fieldset, st.session_state[EDITING])
    with st.container(border=True, key="fs_preview"):
        components.html(rating_preview(fieldset, fieldset.fields[0].id, shown), height=520, scrolling=True)


def _with_translations(fieldset, lineage: str):
    """The preview in another language shows the stored translations of the list being edited."""
    try:
        stored = get_app().own_fieldset(lineage, st.query_params.get("o", "")).fieldset
    except (WerkstattError, FieldsetError):
        return fieldset
    texts = {}
    for lang in PARTICIPANT_LANGUAGES:
        known = dict(stored.texts())
        texts[lang] = {where: known[where].values[lang] for where, _ in fieldset.texts()
                       if where in known and known[where].has(lang) and lang != stored.language}
    for lang, values in texts.items():
        if values:
            fieldset = fieldset.translated(lang, values)
    return fieldset


def _save(language: str, token: str) -> None:
    _collect()
    app = get_app()
    try:
        saved = app.save_own_fieldset(_draft(), st.session_state.get(EDITING), token)
    except FieldsetError as error:
        st.error(t("Noch nicht gespeichert. Bitte diese Stellen ändern:", language) + "\n\n"
                 + "\n".join(f"- {literal(str(p))}" for p in error.problems), icon=":material/error:")
        return
    except WerkstattError as error:
        show_error(error)
        return
    st.session_state[EDITING] = saved.lineage
    start_draft(drafts.draft_from_fieldset(saved.fieldset), saved.lineage)
    st.session_state[SAVED] = saved.version
    st.rerun()


def editor(language: str, token: str) -> None:
    """The whole editor: boxes on the left, the preview on the right, save at the end."""
    draft = _draft()
    if st.session_state.get(SAVED):
        st.success(t("Gespeichert (Version {version}). Sie finden die Liste jetzt beim Anlegen eines Workshops.",
                     language, version=st.session_state.pop(SAVED)), icon=":material/check_circle:")
    form, preview = st.columns([3, 2], gap="large")
    with form:
        st.text_input(t("Titel der Themenliste", language), key=_seed("fs_title", draft["title"]), max_chars=120,
                      placeholder=t("z. B. Integrationskonzept Kaiserslautern 2019", language))
        st.text_area(t("Beschreibung (freiwillig)", language), key=_seed("fs_description", draft["description"]),
                     max_chars=600, height=80)
        _fields(language)
        _scale(language)
        _verdict(language)
    with preview:
        _collect()
        _preview(language)
    _collect()
    if st.button(t("Themenliste speichern", language), type="primary", key="fs_save", icon=":material/save:"):
        _save(language, token)
