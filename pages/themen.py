"""Own topic lists ("Eigene Themenliste"): make a fieldset in the app, from a template or an
Excel file, translate it, download it. Anyone at the laptop may; on a hosted server (accounts
on) a signed-in organiser, with their session in ``?o=``, as for creating a workshop."""

import streamlit as st

from werkstatt.errors import NotAuthorized
from werkstatt.i18n import N_, t
from werkstatt.ui.context import get_app, lang, page_params, show_error
from werkstatt.ui.fieldset_editor import editor
from werkstatt.ui.fieldset_lists import (
    EDITOR,
    IMPORT,
    LISTS,
    MODE,
    TRANSLATE,
    import_file,
    own_lists,
    start_choices,
    translations,
)
from werkstatt.ui.frame import frame

MODES = {EDITOR: N_("Bearbeiten"), LISTS: N_("Meine Themenlisten"), IMPORT: N_("Aus Excel oder CSV einlesen"),
         TRANSLATE: N_("Übersetzen")}


def themen_page() -> None:
    language = lang()
    app = get_app()
    token = st.query_params.get("o", "")
    back = "pages/konto.py" if app.accounts else "pages/start.py"
    if app.accounts:
        try:
            app.signed_in_organizer(token)
        except NotAuthorized as error:
            st.title(t("Eigene Themenliste", language), anchor=False)
            show_error(error)
            st.page_link("pages/konto.py", label=t("Anmelden", language), icon=":material/login:",
                         query_params=page_params())
            return
    st.page_link(back, label=t("Zurück", language), icon=":material/arrow_back:",
                 query_params=page_params(**({"o": token} if token else {})))
    st.title(t("Eigene Themenliste", language), anchor=False)
    st.write(t("Legen Sie die Felder an, die Ihr Workshop bewertet: mit Beschreibung, Leitfragen, Skala und "
               "Bereichen. Die mitgelieferten Listen bleiben unverändert; kopieren Sie eine als Vorlage.", language))
    mode = st.segmented_control(t("Bereich", language), list(MODES), format_func=lambda m: t(MODES[m], language),
                                key=MODE, default=EDITOR, label_visibility="collapsed", required=True)
    if mode == EDITOR:
        start_choices(language)
        st.divider()
        editor(language, token)
    elif mode == LISTS:
        own_lists(language, token)
    elif mode == IMPORT:
        import_file(language, token)
    else:
        translations(language, token)


frame(wide=True)
themen_page()
