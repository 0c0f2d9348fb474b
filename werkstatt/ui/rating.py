"""The rating control of one field: a labelled radio scale saved on every tap.

Each tap is stored at once (no submit button to forget), and on every page run
the control is set from the database, so a participant always sees what is
*stored*: after a reload, a second tab, or a tap the server refused.
"""

from __future__ import annotations

import streamlit as st

from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import Field, Fieldset
from werkstatt.i18n import t
from werkstatt.ui.context import get_app

DONT_KNOW = "dont_know"  # radio option for "kann ich nicht einschätzen"; None means "no choice yet"
ERROR_KEY = "rating_error"


def _key(field_id: str) -> str:
    return f"rate_{field_id}"


def _save(token: str, field_id: str, language: str) -> None:
    choice = st.session_state[_key(field_id)]
    if choice is None:
        return
    try:
        get_app().rate(token, field_id, None if choice == DONT_KNOW else int(choice))
    except WerkstattError as error:
        st.session_state[ERROR_KEY] = (field_id, error.message(language))


def rating_control(token: str, fieldset: Fieldset, field: Field, stored: dict, language: str,
                   disabled: bool = False) -> None:
    """Title, description, guiding questions and the scale for ``field`` (read-only while locked)."""
    key = _key(field.id)
    if field.id in stored:
        st.session_state[key] = DONT_KNOW if stored[field.id] is None else stored[field.id]
    else:
        st.session_state[key] = None
    scale = fieldset.scale
    options = list(scale.values) + ([DONT_KNOW] if scale.dont_know else [])
    with st.container(border=True):
        st.subheader(field.title.get(language), anchor=False)
        st.markdown(field.description.get(language))
        if field.questions:
            with st.expander(t("participate.questions", language)):
                st.markdown("\n".join("- " + q.get(language) for q in field.questions))
        st.radio(
            t("participate.your_rating", language, field=field.title.get(language)),
            options,
            format_func=lambda v: scale.label(None if v == DONT_KNOW else v, language),
            key=key,
            width="stretch",
            disabled=disabled,
            on_change=_save,
            args=(token, field.id, language),
        )
        error = st.session_state.get(ERROR_KEY)
        if error and error[0] == field.id:
            st.error(error[1], icon=":material/error:")
            del st.session_state[ERROR_KEY]
        elif field.id in stored:
            st.success(t("participate.saved", language, level=scale.label(stored[field.id], language)),
                       icon=":material/check_circle:")
