"""The rating control of one field: a labelled radio scale saved on every tap.

Each tap is stored at once (no submit button to forget), and on every run the
control is set from the database, so a participant always sees what is
*stored*: after a reload, a second tab, or a tap the server refused.

Each field is an ``st.fragment``: a tap reruns that field's card only, not the
page with all seven, which is what lets one server answer 150 tablets tapping
at once (bench/README.md). So nothing outside the card may depend on the
tap; the one page-wide consequence, "all fields rated", reruns the page once.
"""

from __future__ import annotations

import streamlit as st

from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import Field, Fieldset
from werkstatt.i18n import t
from werkstatt.ui.context import get_app

DONT_KNOW = "dont_know"  # radio option for "kann ich nicht einschätzen"; None means "no choice yet"
ERROR_KEY = "rating_error"
_RATED_KEY = "rating_just_saved"  # the field of the tap this run answers


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
        return
    st.session_state[_RATED_KEY] = field_id


@st.fragment
def rating_control(token: str, fieldset: Fieldset, field: Field, language: str, disabled: bool = False,
                   all_rated_on_page: bool = False) -> None:
    """One field's card, as stored now. ``all_rated_on_page`` says whether the page around it
    already shows "all rated"; when a tap here completes the set, the page reruns to show it."""
    stored = get_app().my_ratings(token)
    if st.session_state.get(_RATED_KEY) == field.id:
        del st.session_state[_RATED_KEY]
        if not all_rated_on_page and len(stored) == len(fieldset.fields):
            st.rerun(scope="app")
    rating_card(token, fieldset, field, stored, language, disabled)


def rating_card(token: str, fieldset: Fieldset, field: Field, stored: dict, language: str,
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
        st.subheader(field.title.marked(language), anchor=False)
        st.markdown(field.description.marked(language))
        if field.questions:
            with st.expander(t("participate.questions", language)):
                st.markdown("\n".join("- " + q.marked(language) for q in field.questions))
        st.radio(
            t("participate.your_rating", language, field=field.title.marked(language)),
            options,
            format_func=lambda v: scale.marked(None if v == DONT_KNOW else v, language),
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
            st.success(t("participate.saved", language, level=scale.marked(stored[field.id], language)),
                       icon=":material/check_circle:")
