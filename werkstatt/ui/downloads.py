"""Download buttons for the exports: on the results page for one workshop, on the task-force
page for the whole process and each of its workshops. Tables and JSON files are built when their
button is pressed (``download_button`` takes a callable, and they take a fraction of a second), so
the pages stay as fast as before; the report, which takes seconds, has its own button and spinner."""

from __future__ import annotations

import re
import unicodedata

import streamlit as st

from werkstatt import exchange, export, report, transfer
from werkstatt.i18n import t
from werkstatt.ui.context import get_app

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_stem(title: str) -> str:
    """``Folge-Workshop Größe 2026`` → ``folge-workshop-groesse-2026``: a name every system keeps."""
    text = title.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "werkstatt"


def _button(column, label: str, build, file_name: str, mime: str, icon: str, key: str) -> None:
    """A download that does not rerun the page: nothing on it changes, and a rerun racing the
    deferred build of the file could lose the download on a busy server."""
    column.download_button(label, build, file_name=file_name, mime=mime, icon=icon, key=key, width="stretch",
                           on_click="ignore")


def _tables(tables, language: str, key: str, stem: str) -> None:
    """Excel and CSV of ``tables()`` (built on click)."""
    comma = st.checkbox(t("CSV mit Komma statt Semikolon", language), key=f"{key}_comma",
                        help=t("Deutsches Excel erwartet Semikolons. Komma nur für englische Programme "
                               "wählen.", language))
    excel, csv_zip = st.columns(2)
    _button(excel, t("Excel-Datei (.xlsx)", language), lambda: export.to_xlsx(tables(), language),
            f"{stem}.xlsx", XLSX, ":material/table_view:", f"{key}_xlsx")
    _button(csv_zip, t("CSV-Dateien (.zip)", language),
            lambda: export.to_csv_zip(tables(), language, "," if comma else ";"),
            f"{stem}-csv.zip", "application/zip", ":material/folder_zip:", f"{key}_csv")


def _report(workshop, language: str, key: str, stem: str) -> None:
    """The report takes seconds (charts drawn by chromium, then the PDF), so it is made on a
    button under a spinner and kept for this browser until something it shows changes: the
    workshop's data, the self-check, the process's actions or the other cities' files read in
    (the page "Im Vergleich mit anderen Modellkommunen")."""
    app = get_app()
    state_key = f"{key}_report"
    made = st.session_state.get(state_key)
    actions = (tuple((a.id, a.version) for a in app.actions(workshop.process_id))
               if workshop.process_id else ())
    peers = tuple(peer.id for peer in app.peers(workshop.process_id)) if workshop.process_id else ()
    current = (workshop.id, workshop.data_version, language,
               tuple(sorted(app.self_check(workshop.id).items())), actions, peers)
    if made is None or made[0] != current:
        if not st.button(t("Bericht erstellen", language), icon=":material/description:", key=f"{key}_make"):
            return
        try:
            with st.spinner(t("Der Bericht wird erstellt: Grafiken zeichnen, Seiten setzen … (etwa "
                              "10 Sekunden)", language)):
                html = report.report_html(app, workshop.id, language)
                made = (current, html.encode(), report.pdf_from_html(html))
        except RuntimeError:  # kaleido found no chromium to draw the charts with
            st.error(t("Die Grafiken des Berichts konnten nicht gezeichnet werden: Auf dem Server "
                       "fehlt Chromium. Bitte die Betreuung des Servers bitten, „make system“ "
                       "auszuführen (installiert chromium).", language), icon=":material/error:")
            return
        st.session_state[state_key] = made
    _, html, pdf = made
    left, right = st.columns(2)
    _button(left, t("Bericht als PDF", language), pdf, f"{stem}-bericht.pdf", "application/pdf",
            ":material/picture_as_pdf:", f"{key}_pdf")
    _button(right, t("Bericht als Webseite (HTML)", language), html, f"{stem}-bericht.html", "text/html",
            ":material/article:", f"{key}_html")


def workshop_downloads(workshop, language: str, key: str = "workshop") -> None:
    """The report for the council, the tables, the anonymised exchange file and the full copy."""
    app = get_app()
    stem = file_stem(f"{workshop.title} {workshop.date or ''}")
    st.markdown(f"**{t('Bericht für Rat und Öffentlichkeit', language)}**")
    st.caption(t("Ergebnisse je Handlungsfeld mit Grafiken, Stärken, Handlungsbedarfen, Maßnahmen "
                 "und Vergleichen. Ohne Namen von Taskforce-Mitgliedern; Zahlen unter 3 Personen "
                 "werden nicht aufgeschlüsselt. Das erste Erstellen dauert einige Sekunden.", language))
    _report(workshop, language, key, stem)
    st.markdown(f"**{t('Tabellen', language)}**")
    st.caption(t("Tabellen für Excel oder LibreOffice: Zusammenfassung, Bewertungen (anonym), Karten "
                 "mit Punkten, Maßnahmen und ihr Verlauf.", language))
    _tables(lambda: export.workshop_tables(app, workshop.id, language), language, key, stem)
    st.markdown(f"**{t('Austausch und Umzug', language)}**")
    st.caption(t("Die anonymisierte Datei ist für andere Kommunen und das Programmteam (ohne Namen, "
                 "ohne Zugangsdaten). Die vollständige Datei nimmt alles mit auf einen anderen "
                 "Rechner (python -m werkstatt import) – sie enthält Zugangsdaten, also bitte nicht "
                 "weitergeben.", language))
    anonymous, full = st.columns(2)
    _button(anonymous, t("Anonymisiert (JSON)", language), lambda: exchange.anonymised_json(app, workshop.id),
            f"{stem}-anonym.json", "application/json", ":material/public:", f"{key}_anon")
    _button(full, t("Vollständig für einen anderen Rechner (JSON)", language),
            lambda: transfer.export_workshop(app, workshop.id),
            f"{stem}.werkstatt.json", "application/json", ":material/move_up:", f"{key}_transfer")


def process_downloads(process, workshops, language: str) -> None:
    """The whole process in one workbook or one transfer file, then one workshop's files."""
    app = get_app()
    stem = file_stem(process.title)
    st.subheader(t("Der ganze Prozess", language), anchor=False)
    st.caption(t("Alle Workshops des Prozesses in einer Datei, dazu die Maßnahmen und ihr Verlauf.",
                 language))
    _tables(lambda: export.process_tables(app, process.id, language), language, "process", stem)
    _button(st, t("Ganzer Prozess für einen anderen Rechner (JSON)", language),
            lambda: transfer.export_process(app, process.id),
            f"{stem}.werkstatt.json", "application/json", ":material/move_up:", "process_transfer")
    if not workshops:
        return
    st.subheader(t("Ein Workshop", language), anchor=False)
    by_id = {w.id: w for w in workshops}
    chosen = st.selectbox(t("Workshop", language), list(by_id), index=len(by_id) - 1,
                          key="download_workshop", format_func=lambda i: by_id[i].title)
    workshop_downloads(by_id[chosen], language, key=f"workshop_{chosen}")
