"""Entering the administration's self-check scores of a workshop: by hand, one number per
field, or from a CSV file (with a template to fill in). Used in the facilitator console and
on the task-force page."""

from __future__ import annotations

import streamlit as st

from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import nt, t
from werkstatt.selfcheck import parse_score, score_text, template_csv
from werkstatt.service import Workshop
from werkstatt.ui.context import get_app, show_error


def self_check_editor(workshop: Workshop, fieldset: Fieldset, language: str, key: str) -> None:
    """``key`` keeps two editors on one page apart."""
    app = get_app()
    stored = app.self_check(workshop.id)
    scale = fieldset.scale
    st.caption(t("Ein Wert je Handlungsfeld aus dem Fragebogen, auf der Skala des Workshops ({low} "
                 "bis {high}, Kommazahlen erlaubt). Leer lassen, wenn ein Feld nicht bewertet wurde.",
                 language, low=scale.min, high=scale.max))
    saved_count = st.session_state.pop(f"{key}_saved", None)
    if saved_count is not None:
        st.success(nt("Selbstcheck gespeichert: {n} Feld mit Wert.",
                      "Selbstcheck gespeichert: {n} Felder mit Wert.",
                      saved_count, language), icon=":material/check_circle:")
    # The widgets are keyed by what is stored, so after a save or an import they show it. Text
    # inputs rather than number inputs: those show and take only "2.5", a German types "2,5".
    generation = abs(hash(tuple(sorted(stored.items()))))
    with st.form(f"{key}_self_check"):
        for field in fieldset.fields:
            st.text_input(field.title.get(language), value=score_text(stored.get(field.id), language),
                          max_chars=10, placeholder=t("nicht bewertet", language),
                          key=f"{key}_score_{field.id}_{generation}")
        saved = st.form_submit_button(t("Selbstcheck speichern", language), icon=":material/save:")
    if saved:
        typed = {f.id: st.session_state[f"{key}_score_{f.id}_{generation}"].strip() for f in fieldset.fields}
        unreadable = [f for f in fieldset.fields if typed[f.id] and parse_score(typed[f.id]) is None]
        if unreadable:
            st.error(t("Bei „{field}“ steht keine Zahl. Bitte eine Zahl wie 2,5 eingeben oder das "
                       "Feld leer lassen.", language, field=unreadable[0].title.get(language)),
                     icon=":material/error:")
        else:
            scores = {field_id: parse_score(text) if text else None for field_id, text in typed.items()}
            _run(lambda: app.set_self_check(workshop.id, scores), key)

    st.markdown(f"**{t('Aus einer CSV-Datei übernehmen', language)}**")
    st.caption(t("Spalten „feld“ (Kennung oder Titel des Feldes) und „wert“. Komma oder Semikolon "
                 "als Trenner, auch direkt aus Excel gespeichert. Die Vorlage enthält alle Felder.",
                 language))
    upload = st.file_uploader(t("CSV-Datei", language), type=["csv", "txt"], key=f"{key}_upload")
    left, right = st.columns(2)
    if left.button(t("Datei übernehmen", language), icon=":material/upload_file:",
                   disabled=upload is None, key=f"{key}_import"):
        _run(lambda: app.import_self_check(workshop.id, upload.getvalue()), key)
    right.download_button(t("Vorlage herunterladen", language), template_csv(fieldset, language),
                          file_name="selbstcheck-vorlage.csv", mime="text/csv", icon=":material/download:",
                          key=f"{key}_template")


def _run(store_scores, key: str) -> None:
    """Store the scores and show the form again with them; a refused file changes nothing
    and its message lists every broken row."""
    try:
        scores = store_scores()
    except WerkstattError as error:
        show_error(error)
        return
    st.session_state[f"{key}_saved"] = len(scores)
    st.rerun()
