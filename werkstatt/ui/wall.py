"""The card wall, the groups and the dot ranking on the projector.

Read from 8 m: one field per page, a column per kind, big text that wraps.
When the cards do not fit, the wall turns the page by itself every few seconds
(a fragment that reruns only itself); the facilitator can pin one field. Every
card text goes through ``html.escape``: what people typed is shown, never run.
"""

from __future__ import annotations

import html
import math
import time

import streamlit as st

from werkstatt.cards import KIND_HEADINGS, KINDS, VOTABLE_KINDS, Card, ranked
from werkstatt.fieldsets import Fieldset
from werkstatt.groupwork import Group
from werkstatt.i18n import N_, format_number, nt, t

PAGE_SECONDS = 12
CARDS_PER_COLUMN = 5  # about what fits under each other at projector size
RANKING_SIZE = 8
RANKING_HEADINGS = {"gap": N_("Wichtigste Handlungsbedarfe"), "idea": N_("Wichtigste Ideen")}

CSS = """
<style>
.ws-groups { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; font-size: 1.5rem; color: #111;
  margin: 0.3rem 0; }
.ws-groups span { border: 2px solid #555; border-radius: 2rem; padding: 0.1rem 0.9rem; }
.ws-wall-head { font-size: 2.3rem; font-weight: 800; color: #111; margin: 0.2rem 0 0.4rem 0; }
.ws-wall-head small { font-size: 1.3rem; font-weight: 400; color: #333; margin-left: 1rem; }
.ws-wall { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1.2rem; }
.ws-head { font-size: 1.7rem; font-weight: 800; margin: 0 0 0.4rem 0; padding: 0.2rem 0.6rem; color: #fff;
  border-radius: 0.4rem; }
.ws-kind-strength .ws-head { background: #1b6e3a; }
.ws-kind-gap .ws-head { background: #a4262c; }
.ws-kind-idea .ws-head { background: #0b5cad; }
.ws-note { border: 2px solid #888; border-left-width: 0.6rem; border-radius: 0.4rem; padding: 0.45rem 0.7rem;
  margin-bottom: 0.6rem; font-size: 1.9rem; line-height: 1.25; color: #111; background: #fffdf3;
  white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.ws-kind-strength .ws-note { border-left-color: #1b6e3a; }
.ws-kind-gap .ws-note { border-left-color: #a4262c; }
.ws-kind-idea .ws-note { border-left-color: #0b5cad; }
.ws-note small { display: block; font-size: 1.3rem; color: #444; white-space: normal; }
.ws-empty { font-size: 1.6rem; color: #333; }
.ws-rank { width: 100%; border-collapse: collapse; font-size: 1.8rem; color: #111; }
.ws-rank td { padding: 0.35rem 0.5rem; border-bottom: 1px solid #ccc; vertical-align: top; }
.ws-rank td.dots { font-weight: 800; white-space: nowrap; text-align: right; width: 6rem; }
.ws-rank td.text { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.ws-rank small { display: block; font-size: 1.3rem; color: #444; }
.ws-tie { font-size: 1.4rem; color: #333; padding: 0.35rem 0.5rem; }
</style>
"""


def group_strip(groups: list[Group], lang: str) -> None:
    """Which groups exist and how many cards each has written."""
    if not groups:
        return
    chips = "".join(
        f"<span>{html.escape(g.name)}: <b>{format_number(g.cards, lang)}</b></span>" for g in groups
    )
    st.html(f'<div class="ws-label">{html.escape(t("Gruppen und ihre Karten:", lang))}</div>'
            f'<div class="ws-groups">{chips}</div>')


def wall_pages(board: list[Card], fieldset: Fieldset, pinned: str | None) -> list[tuple[str, int, int]]:
    """``(field id, page of that field, pages of that field)`` for every page the wall turns through.

    Fields without cards are skipped unless pinned; a field with more cards of
    one kind than fit in a column gets several pages.
    """
    pages = []
    for field in fieldset.fields:
        if pinned and field.id != pinned:
            continue
        most = max((sum(1 for c in board if c.visible and c.field_id == field.id and c.kind == k)
                    for k in KINDS))
        if most == 0 and not pinned:
            continue
        count = max(1, math.ceil(most / CARDS_PER_COLUMN))
        pages.extend((field.id, page, count) for page in range(count))
    return pages


def _note(card: Card, lang: str) -> str:
    """A card as a note; dots stay off the wall until the ranking is revealed."""
    small = (f"<small>{html.escape(t('{n}× genannt', lang, n=len(card.sources) + 1))}</small>"
             if card.sources else "")
    return f'<div class="ws-note">{html.escape(card.text)}{small}</div>'


@st.fragment(run_every=PAGE_SECONDS)
def card_wall(board: list[Card], fieldset: Fieldset, pinned: str | None, lang: str) -> None:
    """One page of the wall; turns to the next page every ``PAGE_SECONDS``."""
    st.html(CSS)
    pages = wall_pages(board, fieldset, pinned)
    if not pages:
        st.html(f'<div class="ws-empty">{html.escape(t("Noch keine Karten.", lang))}</div>')
        return
    index = int(time.time() // PAGE_SECONDS) % len(pages)
    field_id, page, _count = pages[index]
    field = fieldset.field(field_id)
    # the room sees that the wall turns by itself, and how far it has got
    counter = t("Seite {page} von {pages}", lang, page=index + 1, pages=len(pages)) if len(pages) > 1 else ""
    columns = []
    for kind in KINDS:
        cards = [c for c in board if c.visible and c.field_id == field_id and c.kind == kind]
        shown = cards[page * CARDS_PER_COLUMN:(page + 1) * CARDS_PER_COLUMN]
        notes = "".join(_note(c, lang) for c in shown)
        columns.append(f'<div class="ws-kind-{kind}"><h3 class="ws-head">'
                       f'{html.escape(t(KIND_HEADINGS[kind], lang))}'
                       f' ({format_number(len(cards), lang)})</h3>{notes}</div>')
    st.html(f'<div class="ws-wall-head">{html.escape(field.title.get(lang))}'
            f'<small>{html.escape(counter)}</small></div>'
            f'<div class="ws-wall">{"".join(columns)}</div>')


def ranking(board: list[Card], fieldset: Fieldset, lang: str) -> None:
    """The gaps and the ideas with the most dots, side by side."""
    st.html(CSS)
    columns = st.columns(2, gap="large")
    for column, kind in zip(columns, VOTABLE_KINDS):
        voted = [card for card in ranked(board, kinds=(kind,)) if card.dots]
        shown = voted[:RANKING_SIZE]
        rows = "".join(
            f'<tr><td class="dots">● {format_number(card.dots, lang)}</td>'
            f'<td class="text">{html.escape(card.text)}'
            f'<small>{html.escape(fieldset.field(card.field_id).title.get(lang))}</small></td></tr>'
            for card in shown
        )
        body = f'<table class="ws-rank">{rows}</table>' if rows else \
            f'<div class="ws-empty">{html.escape(t("Noch keine Punkte.", lang))}</div>'
        # The cut must not hide a tie: say how many more have as many dots as the last row shown.
        tied = [card for card in voted[RANKING_SIZE:] if card.dots == shown[-1].dots]
        if tied:
            more = nt("+ {n} weitere Karte mit gleich vielen Punkten",
                      "+ {n} weitere Karten mit gleich vielen Punkten", len(tied), lang)
            body += f'<div class="ws-tie">{html.escape(more)}</div>'
        column.html(f'<div class="ws-kind-{kind}"><h3 class="ws-head">'
                    f'{html.escape(t(RANKING_HEADINGS[kind], lang))}</h3></div>{body}')
