"""Tables for people who work in Excel: a workshop's (or a whole process's) summary, ratings,
cards, actions and action history, as an .xlsx workbook or as CSV files in a zip.

Column and sheet names are German (or English) words from the catalogue; numbers stay numbers
and dates stay dates. Ratings are anonymous and sorted by field and level, so that one person's
answers do not stand in consecutive rows. Any text that a spreadsheet could read as a formula
(it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, as OWASP lists them) is
neutralised: in CSV it gets a leading apostrophe, in the workbook it is stored as a text cell
marked "quote prefix", which Excel and LibreOffice show as typed and never evaluate.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from werkstatt import actions as rules
from werkstatt.actions import ATTRIBUTE_NAMES, PRIORITY_NAMES, STATUS_NAMES
from werkstatt.cards import KIND_NAMES
from werkstatt.i18n import N_, t, word

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TABLES = ("summary", "ratings", "cards", "actions", "history")
SHEET_NAMES = {"summary": N_("Zusammenfassung"), "ratings": N_("Bewertungen"), "cards": N_("Karten"),
               "actions": N_("Maßnahmen"), "history": N_("Verlauf")}
MAX_COLUMN_WIDTH = 60


def workshop_tables(app, workshop_id: int, lang: str = "de") -> dict[str, pd.DataFrame]:
    """The five tables of one workshop (actions and history: those of its process, if any)."""
    workshop = app.workshop(workshop_id)
    tables = _workshop_rows(app, workshop, lang, with_workshop=False)
    tables.update(_action_rows(app, workshop.process_id, lang))
    return {name: tables[name] for name in TABLES}


def process_tables(app, process_id: int, lang: str = "de") -> dict[str, pd.DataFrame]:
    """The five tables of a process: each workshop's rows under its title, and the actions."""
    parts = [_workshop_rows(app, w, lang, with_workshop=True) for w in app.process_workshops(process_id)]
    tables = {name: pd.concat([p[name] for p in parts], ignore_index=True) if parts else pd.DataFrame()
              for name in ("summary", "ratings", "cards")}
    tables.update(_action_rows(app, process_id, lang))
    return {name: tables[name] for name in TABLES}


def sheet_name(table: str, lang: str) -> str:
    return t(SHEET_NAMES[table], lang)


def to_xlsx(tables: dict[str, pd.DataFrame], lang: str = "de") -> bytes:
    """One sheet per table: header row bold and frozen, columns as wide as their content."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in tables.items():
        sheet = book.create_sheet(sheet_name(name, lang))
        sheet.append(list(frame.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in frame.itertuples(index=False):
            sheet.append([_cell_value(value) for value in row])
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl would store "=…" as a formula
                    cell.quotePrefix = cell.value.startswith(FORMULA_STARTS)
                elif isinstance(cell.value, dt.datetime):
                    cell.number_format = "DD.MM.YYYY HH:MM" if lang == "de" else "YYYY-MM-DD HH:MM"
                elif isinstance(cell.value, dt.date):
                    cell.number_format = "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"
        sheet.freeze_panes = "A2"
        for index, column in enumerate(frame.columns, start=1):
            longest = max([len(str(column))]
                          + [len(str(v)) for v in frame.iloc[:, index - 1] if v is not None])
            sheet.column_dimensions[get_column_letter(index)].width = min(MAX_COLUMN_WIDTH, longest + 2)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv_zip(tables: dict[str, pd.DataFrame], lang: str = "de", delimiter: str = ";") -> bytes:
    """One CSV per table in a zip: UTF-8 with byte-order mark, so Excel reads the umlauts;
    semicolons (German Excel's separator) unless ``delimiter=","``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            text = io.StringIO()
            writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
            writer.writerow(frame.columns)
            for row in frame.itertuples(index=False):
                writer.writerow([_csv_value(value, lang) for value in row])
            archive.writestr(f"{sheet_name(name, lang)}.csv", text.getvalue().encode("utf-8-sig"))
    return out.getvalue()


def escape_formula(text: str) -> str:
    """``'=1+1``: a text that a spreadsheet would run as a formula, made plain text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell_value(value):
    """pandas' missing values as empty cells; everything else as it is."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value


def _csv_value(value, lang: str) -> str:
    value = _cell_value(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_formula(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M" if lang == "de" else "%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y" if lang == "de" else "%Y-%m-%d")
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "de" else text
    return str(value)


def _workshop_rows(app, workshop, lang: str, with_workshop: bool) -> dict[str, pd.DataFrame]:
    fieldset = app.fieldset(workshop)
    title = {f.id: f.title.get(lang) for f in fieldset.fields}
    prefix = {t("Workshop", lang): workshop.title} if with_workshop else {}
    self_check = app.self_check(workshop.id)
    summary = app.summary(workshop.id)
    summary_rows = []
    for row in summary.itertuples(index=False):
        record = {**prefix, t("Handlungsfeld", lang): title[row.field_id], t("Antworten", lang): int(row.n),
                  t("kann ich nicht einschätzen", lang): int(row.dont_know)}
        for value in fieldset.scale.values:
            record[fieldset.scale.label(value, lang)] = int(getattr(row, f"dist_{value}"))
        record.update({
            t("Median", lang): row.median, t("Mittelwert", lang): row.mean,
            t("Konsens", lang): row.consensus, t("Einschätzung", lang): word("verdict", row.verdict, lang),
            t("Selbstcheck", lang): self_check.get(row.field_id),
        })
        summary_rows.append(record)

    ratings = app.ratings(workshop.id)
    ratings = ratings.assign(order=ratings["field_id"].map({f: i for i, f in enumerate(fieldset.field_ids)}))
    ratings = ratings.sort_values(["order", "level", "sector"], na_position="last", kind="stable")
    sectors = {s.id: s.label.get(lang) for s in fieldset.sectors}
    levels = ({None: fieldset.scale.label(None, lang)}
              | {v: fieldset.scale.label(v, lang) for v in fieldset.scale.values})
    rating_rows = []
    for r in ratings.itertuples(index=False):
        level = None if pd.isna(r.level) else int(r.level)  # None: "kann ich nicht einschätzen"
        rating_rows.append({
            **prefix, t("Handlungsfeld", lang): title.get(r.field_id, r.field_id), t("Stufe", lang): level,
            t("Stufe (Text)", lang): levels.get(level, ""),
            t("Bereich", lang): sectors.get(r.sector, "") if isinstance(r.sector, str) else "",
        })

    groups = {g.id: g.name for g in app.groups(workshop.id)}
    card_rows = [{
        **prefix, t("Karte Nr.", lang): card.id,
        t("Handlungsfeld", lang): title.get(card.field_id, card.field_id),
        t("Art", lang): t(KIND_NAMES[card.kind], lang), t("Text", lang): card.text,
        t("Punkte", lang): card.dots if card.visible else None,
        t("Gruppe", lang): groups.get(card.group_id, ""),
        t("Zustand", lang): _card_state(card, lang),
        t("Ursprünglicher Text (vor Korrektur)", lang): card.original_text or "",
    } for card in app.board(workshop.id)]
    return {"summary": pd.DataFrame(summary_rows), "ratings": pd.DataFrame(rating_rows),
            "cards": pd.DataFrame(card_rows)}


def _card_state(card, lang: str) -> str:
    if card.merged_into is not None:
        return t("zusammengeführt in Karte {card}", lang, card=card.merged_into)
    return t("ausgeblendet", lang) if card.hidden else t("sichtbar", lang)


def _action_rows(app, process_id: int | None, lang: str) -> dict[str, pd.DataFrame]:
    """Actions and their history; empty tables (with their columns) outside a process."""
    action_columns = [t(text, lang) for text in (
        N_("Maßnahme Nr."), N_("Maßnahme"), N_("Beschreibung"), N_("Handlungsfeld"), N_("Verantwortlich"),
        N_("Fällig am"), N_("Priorität"), N_("Status"), N_("Überfällig"), N_("Angelegt am"))]
    history_columns = [t(text, lang) for text in (
        N_("Maßnahme Nr."), N_("Maßnahme"), N_("Wann"), N_("Was"), N_("Vorher"), N_("Nachher"),
        N_("Notiz"))]
    if process_id is None:
        return {"actions": pd.DataFrame(columns=action_columns),
                "history": pd.DataFrame(columns=history_columns)}
    fieldset = app.process_fieldset(app.process(process_id))
    members = {m.id: m for m in app.members(process_id)}
    today = app.today()
    actions = app.actions(process_id)
    action_rows = [[
        a.id, a.title, a.description, fieldset.field(a.field_id).title.get(lang),
        rules.owner_label(a.owner, members, lang), a.due_date, t(PRIORITY_NAMES[a.priority], lang),
        t(STATUS_NAMES[a.status], lang), t("ja", lang) if a.overdue(today) else "",
        rules.local_time(a.created_at),
    ] for a in actions]
    history_rows = [[
        a.id, a.title, rules.local_time(c.changed_at), t(ATTRIBUTE_NAMES[c.attribute], lang),
        "" if c.attribute == "created" else rules.change_value(c.attribute, c.old, fieldset, members, lang),
        rules.change_value(c.attribute, c.new, fieldset, members, lang), c.note,
    ] for a in actions for c in app.action_history(process_id, a.id)]
    return {"actions": pd.DataFrame(action_rows, columns=action_columns),
            "history": pd.DataFrame(history_rows, columns=history_columns)}
