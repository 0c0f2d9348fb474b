"""The task force's action list: filters (field, owner, status, overdue), sorting (due date or
priority), overdue actions marked with a word and a symbol, and the words for owners."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from werkstatt import actions as rules
from werkstatt.actions import PRIORITY_NAMES, SORT_NAMES, STATUS_NAMES, Action, Member, owner_label
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import format_day, nt, t

ALL = "__all__"
OVERDUE_MARK = "⚠"


def status_label(action: Action, today: dt.date, language: str) -> str:
    label = t(STATUS_NAMES[action.status], language)
    return f"{label} · {OVERDUE_MARK} {t('überfällig', language)}" if action.overdue(today) else label


def action_filters(actions: list[Action], members: dict[int, Member], fieldset: Fieldset,
                   language: str) -> dict:
    """The filter row; returns the keyword arguments of ``actions.select``."""
    owners = sorted({a.owner for a in actions if a.owner},
                    key=lambda o: owner_label(o, members, language).lower())
    field_col, owner_col, status_col, sort_col = st.columns(4)
    field_id = field_col.selectbox(t("Handlungsfeld", language), [ALL, *fieldset.field_ids],
                                   key="filter_field", format_func=lambda f: t("alle", language) if f == ALL
                                   else fieldset.field(f).title.get(language))
    owner = owner_col.selectbox(t("Verantwortlich", language), [ALL, *owners], key="filter_owner",
                                format_func=lambda o: t("alle", language) if o == ALL
                                else owner_label(o, members, language))
    status = status_col.selectbox(t("Status", language), [ALL, *rules.STATUSES], key="filter_status",
                                  format_func=lambda s: t("alle", language) if s == ALL
                                  else t(STATUS_NAMES[s], language))
    sort = sort_col.radio(t("Sortieren nach", language), rules.SORTS, key="filter_sort", horizontal=True,
                          format_func=lambda s: t(SORT_NAMES[s], language))
    overdue_only = st.checkbox(t("Nur überfällige", language), key="filter_overdue")
    return {
        "field_id": None if field_id == ALL else field_id,
        "owner": None if owner == ALL else owner,
        "status": None if status == ALL else status,
        "overdue_only": overdue_only,
        "sort": sort,
    }


def action_table(chosen: list[Action], members: dict[int, Member], fieldset: Fieldset, today: dt.date,
                 language: str, empty: str | None = None) -> None:
    """``empty`` is what to say when there is nothing to list (default: no action matches the filters)."""
    if not chosen:
        st.info(empty or t("Keine Maßnahme passt zu diesen Filtern.", language),
                icon=":material/filter_alt_off:")
        return
    frame = pd.DataFrame({
        t("Maßnahme", language): [a.title for a in chosen],
        t("Status", language): [status_label(a, today, language) for a in chosen],
        t("Fällig am", language): [format_day(a.due_date, language) for a in chosen],
        t("Verantwortlich", language): [owner_label(a.owner, members, language) for a in chosen],
        t("Priorität", language): [t(PRIORITY_NAMES[a.priority], language) for a in chosen],
        t("Handlungsfeld", language): [fieldset.field(a.field_id).title.get(language) for a in chosen],
    })
    overdue = [a.overdue(today) for a in chosen]
    styled = frame.style.apply(
        lambda row: ["background-color: #FDE2D9; color: #7A1F00" if overdue[row.name] else "" for _ in row],
        axis=1
    )
    st.dataframe(styled, hide_index=True, width="stretch")
    late = sum(overdue)
    if late:
        st.warning(nt("{n} Maßnahme überfällig.", "{n} Maßnahmen überfällig.", late, language),
                   icon=":material/schedule:")
