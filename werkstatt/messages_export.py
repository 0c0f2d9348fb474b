"""The exports' part of the message catalogue (merged into ``werkstatt.i18n.MESSAGES``): sheet
and column names of the Excel and CSV files, and the download buttons."""

EXPORT_MESSAGES: dict[str, dict[str, str]] = {
    "export.sheet.summary": {"de": "Zusammenfassung", "en": "Summary"},
    "export.sheet.ratings": {"de": "Bewertungen", "en": "Ratings"},
    "export.sheet.cards": {"de": "Karten", "en": "Cards"},
    "export.sheet.actions": {"de": "Maßnahmen", "en": "Actions"},
    "export.sheet.history": {"de": "Verlauf", "en": "History"},
    "export.col.workshop": {"de": "Workshop", "en": "Workshop"},
    "export.col.level": {"de": "Stufe", "en": "Level"},
    "export.col.level_label": {"de": "Stufe (Text)", "en": "Level (label)"},
    "export.col.card": {"de": "Karte Nr.", "en": "Card no."},
    "export.col.kind": {"de": "Art", "en": "Kind"},
    "export.col.text": {"de": "Text", "en": "Text"},
    "export.col.dots": {"de": "Punkte", "en": "Dots"},
    "export.col.group": {"de": "Gruppe", "en": "Group"},
    "export.col.state": {"de": "Zustand", "en": "State"},
    "export.col.original": {"de": "Ursprünglicher Text (vor Korrektur)", "en": "Original text (before correction)"},
    "export.state.visible": {"de": "sichtbar", "en": "visible"},
    "export.state.hidden": {"de": "ausgeblendet", "en": "hidden"},
    "export.state.merged": {"de": "zusammengeführt in Karte {card}", "en": "merged into card {card}"},
    "export.col.action_id": {"de": "Maßnahme Nr.", "en": "Action no."},
    "export.col.action": {"de": "Maßnahme", "en": "Action"},
    "export.col.description": {"de": "Beschreibung", "en": "Description"},
    "export.col.field": {"de": "Handlungsfeld", "en": "Field"},
    "export.col.owner": {"de": "Verantwortlich", "en": "Owner"},
    "export.col.due": {"de": "Fällig am", "en": "Due"},
    "export.col.priority": {"de": "Priorität", "en": "Priority"},
    "export.col.status": {"de": "Status", "en": "Status"},
    "export.col.overdue": {"de": "Überfällig", "en": "Overdue"},
    "export.col.created": {"de": "Angelegt am", "en": "Created"},
    "export.col.when": {"de": "Wann", "en": "When"},
    "export.col.what": {"de": "Was", "en": "What"},
    "export.col.before": {"de": "Vorher", "en": "Before"},
    "export.col.after": {"de": "Nachher", "en": "After"},
    "export.col.note": {"de": "Notiz", "en": "Note"},
    "export.yes": {"de": "ja", "en": "yes"},
    "problem.file_exists": {
        "de": "Die Datei {path} gibt es schon. Bitte einen anderen Namen wählen oder mit --force überschreiben.",
        "en": "The file {path} exists already. Please choose another name or overwrite it with --force.",
    },
    "problem.format_needs_workshop": {
        "de": "Das Format „{format}“ gibt es nur für einen einzelnen Workshop (--workshop).",
        "en": "The format “{format}” is for one workshop only (--workshop).",
    },
    "problem.backup_exists": {
        "de": "Die Datei {path} gibt es schon. Bitte einen neuen Namen wählen; eine Sicherung überschreibt nichts.",
        "en": "The file {path} exists already. Please choose a new name; a backup overwrites nothing.",
    },
    "downloads.title": {"de": "Herunterladen", "en": "Download"},
    "taskforce.tab.downloads": {"de": "Dokumentation", "en": "Documentation"},
    "downloads.help": {
        "de": "Tabellen für Excel oder LibreOffice: Zusammenfassung, Bewertungen (anonym), Karten mit Punkten, Maßnahmen und ihr Verlauf.",
        "en": "Tables for Excel or LibreOffice: summary, ratings (anonymous), cards with dots, actions and their history.",
    },
    "downloads.process_help": {
        "de": "Alle Workshops des Prozesses in einer Datei, dazu die Maßnahmen und ihr Verlauf.",
        "en": "Every workshop of the process in one file, with the actions and their history.",
    },
    "downloads.report": {"de": "Bericht für Rat und Öffentlichkeit", "en": "Report for the council and the public"},
    "downloads.report.help": {
        "de": "Ergebnisse je Handlungsfeld mit Grafiken, Stärken, Handlungsbedarfen, Maßnahmen und Vergleichen. "
              "Ohne Namen von Taskforce-Mitgliedern; Zahlen unter 3 Personen werden nicht aufgeschlüsselt. "
              "Das erste Erstellen dauert einige Sekunden.",
        "en": "Results per field with charts, strengths, gaps, actions and comparisons. No task-force member names; "
              "no breakdown below 3 people. The first one takes a few seconds.",
    },
    "downloads.make_report": {"de": "Bericht erstellen", "en": "Make the report"},
    "downloads.making_report": {
        "de": "Der Bericht wird erstellt: Grafiken zeichnen, Seiten setzen … (etwa 10 Sekunden)",
        "en": "Making the report: drawing the charts, setting the pages … (about 10 seconds)",
    },
    "downloads.no_chromium": {
        "de": "Die Grafiken des Berichts konnten nicht gezeichnet werden: Auf dem Server fehlt Chromium. "
              "Bitte die Betreuung des Servers bitten, „make system“ auszuführen (installiert chromium).",
        "en": "The report's charts could not be drawn: chromium is missing on the server. "
              "Please ask whoever runs the server to run “make system” (it installs chromium).",
    },
    "downloads.pdf": {"de": "Bericht als PDF", "en": "Report as PDF"},
    "downloads.html": {"de": "Bericht als Webseite (HTML)", "en": "Report as web page (HTML)"},
    "downloads.tables": {"de": "Tabellen", "en": "Tables"},
    "downloads.exchange": {"de": "Austausch und Umzug", "en": "Exchange and moving"},
    "downloads.exchange.help": {
        "de": "Die anonymisierte Datei ist für andere Kommunen und das Programmteam (ohne Namen, ohne Zugangsdaten). "
              "Die vollständige Datei nimmt alles mit auf einen anderen Rechner (python -m werkstatt import) – "
              "sie enthält Zugangsdaten, also bitte nicht weitergeben.",
        "en": "The anonymised file is for other municipalities and the programme team (no names, no sign-in data). "
              "The full file takes everything to another machine (python -m werkstatt import) – it holds sign-in "
              "data, so please do not pass it on.",
    },
    "downloads.anon": {"de": "Anonymisiert (JSON)", "en": "Anonymised (JSON)"},
    "downloads.transfer": {"de": "Vollständig für einen anderen Rechner (JSON)", "en": "Complete, for another machine (JSON)"},
    "downloads.transfer_process": {
        "de": "Ganzer Prozess für einen anderen Rechner (JSON)", "en": "Whole process, for another machine (JSON)"},
    "downloads.process": {"de": "Der ganze Prozess", "en": "The whole process"},
    "downloads.one_workshop": {"de": "Ein Workshop", "en": "One workshop"},
    "downloads.xlsx": {"de": "Excel-Datei (.xlsx)", "en": "Excel file (.xlsx)"},
    "downloads.csv": {"de": "CSV-Dateien (.zip)", "en": "CSV files (.zip)"},
    "downloads.comma": {"de": "CSV mit Komma statt Semikolon", "en": "CSV with commas instead of semicolons"},
    "downloads.comma.help": {
        "de": "Deutsches Excel erwartet Semikolons. Komma nur für englische Programme wählen.",
        "en": "German Excel expects semicolons. Choose commas only for English-language programs.",
    },
}
