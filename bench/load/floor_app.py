"""Streamlit's floor: the least a Streamlit page can do for the same workshop.

One ``st.fragment(run_every=2)`` reads a version number and reruns the page
when it changed; the join form, the rating radios, the card form and the dot
controls carry the same keys and labels as Werkstatt's participant page and
write plain rows. Whatever this page costs, Streamlit itself costs; what
Werkstatt costs beyond it is its own (bench/README.md).
"""

import os
import secrets
import sqlite3
import threading

import streamlit as st

from werkstatt import fieldsets
from werkstatt.cards import KINDS, VOTABLE_KINDS
from werkstatt.i18n import t

FIELDSET = fieldsets.load("weltoffene-kommune")
DOTS = ["○ 0", "● 1", "●● 2"]
_local = threading.local()


def db() -> sqlite3.Connection:
    """One connection per script thread, as Werkstatt's store keeps them."""
    if not hasattr(_local, "db"):
        _local.db = sqlite3.connect(os.environ["FLOOR_DB"], timeout=30, isolation_level=None)
        _local.db.execute("pragma busy_timeout = 30000")
    return _local.db


@st.fragment(run_every=2)
def poll(seen: int) -> None:
    if db().execute("select version from room").fetchone()[0] != seen:
        st.rerun(scope="app")


def join() -> None:
    st.header("Willkommen!")
    with st.form("join_form"):
        sector = st.radio("Bereich", [s.label.get("de") for s in FIELDSET.sectors], index=None, key="join_sector")
        if st.form_submit_button("Mitmachen"):
            token = secrets.token_urlsafe(16)
            db().execute("insert into participants values (?, ?)", (token, sector))
            st.query_params["t"] = token
            st.rerun()


def rate(token: str, field_id: str) -> None:
    db().execute("insert or replace into ratings values (?, ?, ?)",
                 (token, field_id, st.session_state[f"rate_{field_id}"]))


def add_card(token: str) -> None:
    state = st.session_state
    kind = KINDS[[t(f"kind.{k}") for k in KINDS].index(state["card_kind"])]
    field = next(f.id for f in FIELDSET.fields if f.title.get("de") == state["card_field"])
    db().execute("insert into cards (token, field, kind, text) values (?, ?, ?, ?)",
                 (token, field, kind, state["card_text"]))
    state["card_text"] = ""


def vote(token: str, card_id: int) -> None:
    n = DOTS.index(st.session_state[f"dots_{card_id}"])
    db().execute("insert or replace into dots values (?, ?, ?)", (token, card_id, n))


step, version = db().execute("select step, version from room").fetchone()
poll(version)
token = st.query_params.get("t")
if not token:
    join()
    st.stop()
st.header(t(f"participate.step.{step}"))
if step == "rating":
    labels = [level.label.get("de") for level in FIELDSET.scale.levels] + [FIELDSET.scale.dont_know.get("de")]
    for field in FIELDSET.fields:
        st.radio(field.title.get("de"), labels, index=None, key=f"rate_{field.id}", on_change=rate,
                 args=(token, field.id))
elif step == "cards":
    with st.form("card_form"):
        st.radio("Art", [t(f"kind.{k}") for k in KINDS], index=None, key="card_kind")
        st.selectbox("Feld", [f.title.get("de") for f in FIELDSET.fields], key="card_field")
        st.text_area("Text", key="card_text")
        st.form_submit_button("Speichern", on_click=add_card, args=(token,))
elif step == "voting":  # one field's cards at a time, as Werkstatt's ballot shows them
    cards = db().execute("select id, field, text from cards where kind in (?, ?) order by id", VOTABLE_KINDS).fetchall()
    titles = {f.id: f.title.get("de") for f in FIELDSET.fields if any(card[1] == f.id for card in cards)}
    if titles:
        shown = st.pills("Feld", list(titles.values()), key="ballot_field", default=next(iter(titles.values())))
        for card_id, field_id, text in cards:
            if titles[field_id] == shown:
                st.markdown(text)
                st.segmented_control("Punkte", DOTS, key=f"dots_{card_id}", on_change=vote, args=(token, card_id))
