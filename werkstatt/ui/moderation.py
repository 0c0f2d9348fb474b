"""Moderating the cards in the console: hide, correct, move, merge, and undo.

One field at a time (the one the projector shows, if it is pinned), so the list
stays short while 150 people write. Every action goes through the service,
which logs it; "Rückgängig" undoes the newest one, again and again.
"""

from __future__ import annotations

import streamlit as st

from werkstatt.cards import KIND_HEADINGS, KIND_NAMES, KINDS, VOTABLE_KINDS, Card
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import N_, nt, t
from werkstatt.service import Workshop
from werkstatt.ui.context import act, get_app
from werkstatt.ui.text import literal, literal_lines

FIELD_KEY = "moderate_field"
# The facilitator's last change, as the undo button names it.
UNDO_NAMES = {"hide": N_("Ausblenden"), "restore": N_("Wieder zeigen"), "correct": N_("Text korrigiert"),
              "move": N_("Verschoben"), "merge": N_("Zusammengeführt")}


def _card_label(card: Card, limit: int = 70) -> str:
    text = " ".join(card.text.split())
    return f"#{card.id} {text[:limit]}{'…' if len(text) > limit else ''}"


def _correct(workshop_id: int, card_id: int) -> None:
    act(get_app().correct_card, workshop_id, card_id, st.session_state[f"correct_{card_id}"])


def _move(workshop_id: int, card_id: int) -> None:
    state = st.session_state
    act(get_app().move_card, workshop_id, card_id, state[f"move_field_{card_id}"],
        state[f"move_kind_{card_id}"])


def _merge(workshop_id: int, card_id: int) -> None:
    act(get_app().merge_cards, workshop_id, card_id, st.session_state[f"merge_{card_id}"])
    st.session_state[f"merge_{card_id}"] = []


def _undo(workshop_id: int) -> None:
    """Undo, then let the edit boxes show the restored cards again instead of what was typed."""
    act(get_app().undo_moderation, workshop_id)
    for key in [k for k in st.session_state if str(k).startswith(("correct_", "move_field_", "move_kind_"))]:
        del st.session_state[key]


def _pin(workshop_id: int) -> None:
    state = st.session_state
    act(get_app().show_on_wall, workshop_id, state[FIELD_KEY] if state["pin_wall"] else None)


def _set_dot_rules(workshop_id: int) -> None:
    state = st.session_state
    act(get_app().set_dot_rules, workshop_id, state["dot_budget"], state["dots_per_card"])


def dot_rules(workshop: Workshop, language: str) -> None:
    """Dots per participant and per card (default 5 and 2), folded away until needed."""
    summary = t("Punkte-Regeln: {budget} je Person, höchstens {per_card} je Karte", language,
                budget=workshop.dot_budget, per_card=workshop.dots_per_card)
    with st.expander(summary, icon=":material/radio_button_checked:"), st.form("dot_rules", border=False):
        left, right = st.columns(2, vertical_alignment="bottom")
        left.number_input(t("Punkte je Person", language), 1, 50, workshop.dot_budget, key="dot_budget")
        right.number_input(t("Höchstens je Karte", language), 1, 50, workshop.dots_per_card,
                           key="dots_per_card")
        st.form_submit_button(t("Punkte-Regeln speichern", language), on_click=_set_dot_rules,
                              args=(workshop.id,))


def undo_button(workshop: Workshop, language: str) -> None:
    app = get_app()
    last = next((e for e in app.moderation_history(workshop.id) if not e.undone), None)
    label = t("Rückgängig: {action} (Karte #{card})", language,
              action=t(UNDO_NAMES[last.action], language), card=last.card_id) \
        if last else t("Nichts rückgängig zu machen", language)
    st.button(label, icon=":material/undo:", disabled=last is None, key="undo_moderation",
              on_click=_undo, args=(workshop.id,))


def moderation_panel(workshop: Workshop, fieldset: Fieldset, language: str) -> None:
    app = get_app()
    board = app.board(workshop.id)
    undo_button(workshop, language)
    if st.session_state.get(FIELD_KEY) not in fieldset.field_ids:
        st.session_state[FIELD_KEY] = workshop.wall_field or fieldset.fields[0].id
    counts = {f.id: sum(1 for c in board if c.visible and c.field_id == f.id) for f in fieldset.fields}
    st.pills(t("Handlungsfeld", language), list(fieldset.field_ids), key=FIELD_KEY, required=True,
             format_func=lambda f: f"{fieldset.field(f).title.get(language)} ({counts[f]})")
    field_id = st.session_state[FIELD_KEY]
    st.session_state["pin_wall"] = workshop.wall_field == field_id
    st.toggle(t("Dieses Feld auf dem Beamer zeigen (sonst wechseln die Felder von selbst)", language),
              key="pin_wall", on_change=_pin, args=(workshop.id,))
    groups = {g.id: g.name for g in app.groups(workshop.id)}
    for kind in KINDS:
        cards = [c for c in board if c.visible and c.field_id == field_id and c.kind == kind]
        st.subheader(f"{t(KIND_HEADINGS[kind], language)} ({len(cards)})", anchor=False)
        for card in cards:
            _card_row(workshop, fieldset, card, board, groups, language)
    hidden = [c for c in board if c.hidden and c.merged_into is None and c.field_id == field_id]
    if hidden:
        with st.expander(t("Ausgeblendete Karten ({n})", language, n=len(hidden))):
            for card in hidden:
                st.markdown(literal_lines(card.text))
                st.button(t("Wieder zeigen", language), key=f"restore_{card.id}",
                          icon=":material/visibility:", on_click=act,
                          args=(app.restore_card, workshop.id, card.id))


def _card_row(workshop: Workshop, fieldset: Fieldset, card: Card, board: list[Card], groups: dict,
              language: str) -> None:
    app = get_app()
    with st.container(border=True):
        meta = [f"#{card.id}", literal(groups.get(card.group_id, "")) if card.group_id else ""]
        if card.kind in VOTABLE_KINDS:
            meta.append(nt("{n} Punkt", "{n} Punkte", card.dots, language))
        if card.sources:
            meta.append(t("zusammengeführt aus {ids}", language,
                          ids=", ".join(f"#{s}" for s in card.sources)))
        st.caption(" · ".join(filter(None, meta)))
        st.markdown(literal_lines(card.text))
        if card.corrected:
            st.caption(t("Ursprünglich:", language) + " " + literal(card.original_text))
        hide, edit, merge = st.columns(3)
        hide.button(t("Ausblenden", language), key=f"hide_{card.id}", icon=":material/visibility_off:",
                    width="stretch", on_click=act, args=(app.hide_card, workshop.id, card.id))
        with edit.popover(t("Korrigieren / verschieben", language), icon=":material/edit:", width="stretch"):
            st.session_state.setdefault(f"correct_{card.id}", card.text)
            st.text_area(t("Text (das Original bleibt erhalten)", language), key=f"correct_{card.id}")
            st.button(t("Text korrigieren", language), key=f"save_correct_{card.id}",
                      on_click=_correct, args=(workshop.id, card.id))
            st.session_state.setdefault(f"move_field_{card.id}", card.field_id)
            st.session_state.setdefault(f"move_kind_{card.id}", card.kind)
            st.selectbox(t("Handlungsfeld", language), list(fieldset.field_ids), key=f"move_field_{card.id}",
                         format_func=lambda f: fieldset.field(f).title.get(language))
            st.radio(t("Art der Karte", language), KINDS, key=f"move_kind_{card.id}", horizontal=True,
                     format_func=lambda k: t(KIND_NAMES[k], language))
            st.button(t("Verschieben", language), key=f"move_{card.id}",
                      on_click=_move, args=(workshop.id, card.id))
        with merge.popover(t("Zusammenführen", language), icon=":material/merge:", width="stretch"):
            others = [c for c in board if c.visible and c.id != card.id and c.field_id == card.field_id]
            labels = {c.id: _card_label(c) for c in others}
            st.multiselect(t("Diese doppelten Karten in diese Karte aufnehmen:", language), list(labels),
                           key=f"merge_{card.id}", format_func=labels.get)
            st.button(t("Zusammenführen", language), key=f"save_merge_{card.id}",
                      on_click=_merge, args=(workshop.id, card.id))
