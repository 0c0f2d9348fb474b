"""The task force's page, behind its own password: review a workshop field by field, track the
actions, compare workshops and the self-check, keep the roster, and download the documentation
(only the open tab renders)."""

import streamlit as st

from werkstatt import actions as rules
from werkstatt.i18n import N_, t
from werkstatt.ui.action_form import FLASH_KEY, OPEN_KEY, action_detail, new_action_form, start_from_card
from werkstatt.ui.action_list import action_filters, action_table
from werkstatt.ui.archive import archive_panel
from werkstatt.ui.compare import comparison_panel, perspective_panel, workshop_label
from werkstatt.ui.context import get_app, lang, show_action_error
from werkstatt.ui.downloads import process_downloads
from werkstatt.ui.frame import frame
from werkstatt.ui.guard import require_taskforce
from werkstatt.ui.peers import peers_tab
from werkstatt.ui.review import review_panel
from werkstatt.ui.roster import roster
from werkstatt.ui.text import literal

TABS_KEY = "taskforce_tab"
TAB_NAMES = {"review": N_("Auswertung"), "actions": N_("Maßnahmen"),
             "compare": N_("Vergleich & Selbstcheck"), "peers": N_("Andere Kommunen"), "roster": N_("Mitglieder"),
             "downloads": N_("Dokumentation")}
TABS = tuple(TAB_NAMES)


def _make_action(card, language: str) -> None:
    """From a card in the review to the new-action form, prefilled."""
    start_from_card(card)
    st.session_state[TABS_KEY] = t("Maßnahmen", language)


def _show_flash(language: str) -> None:
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash is not None:
        key, params = flash
        st.success(t(key, language, **params), icon=":material/check_circle:")


def actions_tab(process, fieldset, members, board, today, language: str) -> None:
    app = get_app()
    actions = app.actions(process.id)
    new_action_form(process, fieldset, members, board, language)
    chosen = rules.select(actions, today, **action_filters(actions, members, fieldset, language))
    action_table(chosen, members, fieldset, today, language)
    if not actions:
        return
    by_id = {a.id: a for a in actions}
    if st.session_state.get(OPEN_KEY) not in by_id:
        st.session_state[OPEN_KEY] = (chosen or actions)[0].id
    opened = st.selectbox(t("Maßnahme öffnen", language), list(by_id), key=OPEN_KEY,
                          format_func=lambda i: f"#{i} {by_id[i].title}")
    action_detail(process, by_id[opened], fieldset, members, board, today, language)


def taskforce_page() -> None:
    language = lang()
    app = get_app()
    process = require_taskforce()
    fieldset = app.process_fieldset(process)
    workshops = app.process_workshops(process.id)
    members = {m.id: m for m in app.members(process.id)}
    today = app.today()
    st.title(literal(process.title), anchor=False)
    st.caption(literal(" · ".join([process.municipality, fieldset.title.get(language),
                                   t("Prozess-Code {code}", language, code=process.code)])))
    show_action_error()
    _show_flash(language)
    # Every card of the process, for the actions that link one.
    board = {card.id: card for w in workshops for card in app.board(w.id)}
    tabs = st.tabs([t(TAB_NAMES[name], language) for name in TABS], key=TABS_KEY, on_change="rerun")
    review, actions, compare, others, team, files = tabs
    if review.open:
        with review:
            if not workshops:
                st.info(t("Zu diesem Prozess gehört noch kein Workshop. Die Moderation fügt ihn in "
                          "der Moderationsansicht im Reiter „Taskforce & Selbstcheck“ hinzu.", language),
                        icon=":material/event_busy:")
            else:
                by_id = {w.id: w for w in workshops}
                ids = list(by_id)
                chosen = st.selectbox(t("Workshop", language), ids, index=len(ids) - 1, key="review_workshop",
                                      format_func=lambda i: workshop_label(by_id[i], language))
                position = ids.index(chosen)
                review_panel(by_id[chosen], by_id[ids[position - 1]] if position else None,
                             app.fieldset(by_id[chosen]),
                             app.actions(process.id), members, today, language,
                             make_action=lambda card: _make_action(card, language))
    if actions.open:
        with actions:
            actions_tab(process, fieldset, members, board, today, language)
    if compare.open:
        with compare:
            comparison_panel(workshops, language)
            if workshops:
                perspective_panel(workshops, language)
    if others.open:
        with others:
            peers_tab(process, fieldset, workshops, language)
    if team.open:
        with team:
            roster(process, list(members.values()), fieldset, language)
    if files.open:
        with files:
            process_downloads(process, workshops, language)
            archive_panel(process, language)


frame(wide=True)
taskforce_page()
