"""The task force's tab "Andere Kommunen": read in other model municipalities' exchange files, see
per field where our city stands among them, and take over what the others did.

The numbers come from ``werkstatt.peer_compare`` over exchange documents (ours is our workshop's
own export), the sentences from ``werkstatt.peer_report``; this module only lays them out."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from werkstatt import peer_compare as compare
from werkstatt.actions import STATUS_NAMES
from werkstatt.cards import KIND_NAMES
from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import N_, format_day, format_number, marked, nt, t
from werkstatt.peer_charts import peer_chart
from werkstatt.peer_report import level_labels, places, rank_sentence
from werkstatt.taskforce import Process
from werkstatt.ui.action_form import FLASH_KEY
from werkstatt.ui.compare import workshop_label
from werkstatt.ui.context import ACTION_ERROR_KEY, act, get_app
from werkstatt.ui.results import CHART_CONFIG
from werkstatt.ui.text import literal, literal_lines

UPLOAD_ROUND = "peer_upload_round"  # a new uploader after each import: the chosen files are done
OUTCOMES_KEY = "peer_outcomes"
LARGE_KEY = "peer_large"


def peers_tab(process: Process, fieldset: Fieldset, workshops: list, language: str) -> None:
    st.caption(t("Andere Modellkommunen schicken ihre anonymisierte Austauschdatei (Reiter "
                 "„Dokumentation“). Hier eingelesen, zeigen sie je Handlungsfeld, wo Ihre Kommune "
                 "unter ihnen steht und was die anderen tun.", language))
    _upload(process, language)
    peers = get_app().peers(process.id)
    if not peers:
        st.info(t("Noch keine Austauschdatei eingelesen.", language), icon=":material/travel_explore:")
        return
    _peer_list(process, peers, language)
    if not workshops:
        st.info(t("Zum Vergleich braucht der Prozess einen Workshop mit Ergebnissen.", language),
                icon=":material/event_busy:")
        return
    by_id = {w.id: w for w in workshops}
    chosen = st.selectbox(t("Unser Workshop", language), list(by_id), index=len(by_id) - 1, key="peer_workshop",
                          format_func=lambda i: workshop_label(by_id[i], language))
    own = get_app().own_city(process.id, chosen)
    _matched(own, peers, fieldset, language)
    field_id = st.selectbox(t("Handlungsfeld", language), list(fieldset.field_ids), key="peer_field",
                            format_func=lambda f: _field_choice(own, fieldset, f, language))
    _comparison(own, peers, fieldset, field_id, language)
    _what_others_did(process, own, peers, fieldset, field_id, language)


# --- reading files in ---------------------------------------------------------------------------

def _import(process_id: int, key: str) -> None:
    files = st.session_state.get(key) or []
    outcomes = get_app().import_peer_files(process_id, [(f.name, f.getvalue()) for f in files])
    st.session_state[OUTCOMES_KEY] = outcomes
    st.session_state[UPLOAD_ROUND] = st.session_state.get(UPLOAD_ROUND, 0) + 1


def _upload(process: Process, language: str) -> None:
    key = f"peer_upload_{st.session_state.get(UPLOAD_ROUND, 0)}"
    with st.container(border=True):
        st.file_uploader(t("Austauschdateien (.json), eine oder mehrere", language), type=["json"],
                         accept_multiple_files=True, key=key)
        st.button(t("Einlesen", language), icon=":material/upload_file:", key="peer_import", type="primary",
                  disabled=not st.session_state.get(key), on_click=_import, args=(process.id, key))
    for outcome in st.session_state.pop(OUTCOMES_KEY, []):
        if outcome.peer is not None:
            st.success(t("„{file}“ eingelesen: {city}, {title}.", language, file=outcome.file_name,
                         city=outcome.peer.name, title=outcome.peer.workshop_title), icon=":material/check_circle:")
        else:
            st.error(outcome.error.message(language), icon=":material/error:")


def _peer_list(process: Process, peers: list, language: str) -> None:
    st.subheader(nt("{n} eingelesene Kommune", "{n} eingelesene Kommunen", len(peers), language), anchor=False)
    for peer in peers:
        with st.container(border=True):
            left, right = st.columns([5, 1])
            day = format_day(dt.date.fromisoformat(peer.workshop_date), language) if peer.workshop_date else "–"
            left.markdown(f"**{literal(peer.name)}** · {literal(peer.workshop_title)} · {day}  \n"
                          + literal(t("Datei „{file}“", language, file=peer.file_name)))
            right.button(t("Entfernen", language), icon=":material/delete:", key=f"peer_remove_{peer.id}",
                         width="stretch", on_click=act, args=(get_app().remove_peer, process.id, peer.id))


def _matched(own: compare.City, peers: list, fieldset: Fieldset, language: str) -> None:
    """Which fields each file is compared on (its fieldset may differ from ours)."""
    lines = []
    for peer in peers:
        matched = compare.matched_fields(own, peer.city)
        if peer.city.levels != own.levels:
            text = t("nicht verglichen: andere Skala ({n} Stufen statt {ours})", language,
                     n=len(peer.city.levels), ours=len(own.levels))
        elif len(matched) == len(own.field_ids):
            text = t("alle {n} Felder", language, n=len(matched))
        else:
            missing = [fieldset.field(f).title.get(language) for f in own.field_ids if f not in matched]
            text = t("{matched} von {total} Feldern; ohne: {missing}", language, matched=len(matched),
                     total=len(own.field_ids), missing=", ".join(missing) or "–")
        lines.append(f"- **{literal(peer.name)}**: {literal(text)}")
    with st.expander(t("Verglichene Felder", language), icon=":material/join_inner:",
                     expanded=any(len(compare.matched_fields(own, p.city)) < len(own.field_ids) for p in peers)):
        st.caption(t("Verglichen wird nur, was beide Dateien haben: dieselbe Feld-Kennung auf derselben "
                     "Skala.", language))
        st.markdown("\n".join(lines))


def _field_choice(own: compare.City, fieldset: Fieldset, field_id: str, language: str) -> str:
    result = own.result(field_id)
    title = fieldset.field(field_id).title.get(language)
    return f"{title} · {marked('verdict', result['verdict'], language)}" if result else title


# --- where we stand -----------------------------------------------------------------------------

def _comparison(own: compare.City, peers: list, fieldset: Fieldset, field_id: str, language: str) -> None:
    title = fieldset.field(field_id).title.get(language)
    frame = compare.field_frame(own, [p.city for p in peers], field_id)
    rank = compare.rank(frame)
    answering = int((frame["role"] == "peer").sum())
    if rank is not None:
        st.markdown(f"### {literal(rank_sentence(rank, own.name, title, language))}")
        st.caption(t("{places}, nach dem Median; Kommunen mit gleichem Median teilen sich die Plätze.",
                     language, places=places(rank, language)))
    elif frame.iloc[0]["verdict"] == "too_few":
        st.info(t("Für {city} gibt es bei „{field}“ zu wenige Antworten für einen Vergleich.", language,
                  city=own.name, field=title), icon=":material/info:")
    if answering < compare.MIN_PEERS:
        st.info(t("Zusammengefasst und eingeordnet wird erst ab {min} anderen Kommunen mit Antworten in "
                  "diesem Feld (bisher {n}), damit keine einzelne Kommune herauszulesen ist.", language,
                  min=compare.MIN_PEERS, n=answering), icon=":material/groups:")
    large = st.toggle(t("Große Schrift für den Beamer", language), key=LARGE_KEY)
    st.plotly_chart(peer_chart(frame, level_labels(own, language), language, large=large), config=CHART_CONFIG,
                    theme=None, key="peer_chart",
                    alt=t("Balkendiagramm: Verteilung der Antworten je Kommune im Handlungsfeld {field}. "
                          "Dieselben Zahlen stehen in der Tabelle darunter.", language, field=title))
    st.dataframe(_numbers(frame, own, language), hide_index=True, width="stretch")


def _numbers(frame: pd.DataFrame, own: compare.City, language: str) -> pd.DataFrame:
    names = {"own": lambda name: t("{city} (wir)", language, city=name),
             "peer": lambda name: name, "pool": lambda name: t("Alle anderen zusammen", language)}
    table = {
        t("Kommune", language): [names[role](name) for role, name in zip(frame["role"], frame["name"])],
        t("Antworten", language): frame["n"].astype(int).tolist(),
        t("Median", language): [format_number(v, language) for v in frame["median"]],
        t("Konsens", language): [format_number(v, language, digits=2) for v in frame["consensus"]],
        t("Einschätzung", language): [marked("verdict", v, language) if v else "" for v in frame["verdict"]],
    }
    for value, label in level_labels(own, language).items():
        table[label] = frame[f"dist_{value}"].astype(int).tolist()
    return pd.DataFrame(table)


# --- what the others did ------------------------------------------------------------------------

def _adopt(adopt, process_id: int, peer_id: int, index: int) -> None:
    try:
        action = adopt(process_id, peer_id, index)
    except WerkstattError as error:
        st.session_state[ACTION_ERROR_KEY] = error
        return
    st.session_state[FLASH_KEY] = (N_("Maßnahme „{title}“ angelegt."), {"title": action.title})


def _what_others_did(process: Process, own: compare.City, peers: list, fieldset: Fieldset, field_id: str,
                     language: str) -> None:
    st.subheader(t("Was die anderen getan haben", language), anchor=False)
    result = own.result(field_id)
    if result and result["verdict"] in ("gap", "contested"):
        st.caption(t("Bei uns ist dieses Feld {verdict}: Vielleicht hilft, was andere hier vorhaben.", language,
                     verdict=marked("verdict", result["verdict"], language)))
    by_city = {peer.city.name: peer for peer in peers}
    cities = [peer.city for peer in peers]
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('Die wichtigsten Handlungsbedarfe und Ideen der anderen (nach Punkten)', language)}**")
        cards = compare.top_cards(cities, field_id, own)
        if not cards:
            st.caption(t("Keine Karten zu diesem Feld.", language))
        for city, card in cards:
            index = city.document["cards"].index(card)
            _offer(f"{literal_lines(card['text'])}  \n"
                   + literal(f"{city.name} · {t(KIND_NAMES[card['kind']], language)} · "
                             + nt("{n} Punkt", "{n} Punkte", card["dots"], language)),
                   get_app().adopt_peer_card, process.id, by_city[city.name].id, index, f"card_{index}", language)
    with right:
        st.markdown(f"**{t('Maßnahmen der anderen', language)}**")
        actions = compare.peer_actions(cities, field_id, own)
        if not actions:
            st.caption(t("Keine Maßnahmen zu diesem Feld.", language))
        for city, index, action in actions:
            text = f"**{literal(action['title'])}**"
            if action["description"]:
                text += "  \n" + literal_lines(action["description"])
            text += "  \n" + literal(f"{city.name} · {t(STATUS_NAMES[action['status']], language)}")
            _offer(text, get_app().adopt_peer_action, process.id, by_city[city.name].id, index,
                   f"action_{index}", language)


def _offer(markdown: str, adopt, process_id: int, peer_id: int, index: int, key: str, language: str) -> None:
    with st.container(border=True):
        st.markdown(markdown)
        st.button(t("Maßnahme übernehmen", language), icon=":material/add_task:", key=f"adopt_{peer_id}_{key}",
                  on_click=_adopt, args=(adopt, process_id, peer_id, index))
