"""The report's part of the message catalogue (merged into ``werkstatt.i18n.MESSAGES``).

The report also reuses shared keys (verdicts, column names, card kinds, action states); the
ones here are only what the printed document says and the screens do not.
"""

REPORT_MESSAGES: dict[str, dict[str, str]] = {
    "report.kind": {"de": "Ergebnisbericht", "en": "Results report"},
    "report.fieldset": {"de": "Grundlage", "en": "Framework"},
    "report.municipality": {"de": "Kommune", "en": "Municipality"},
    "report.date": {"de": "Datum", "en": "Date"},
    "report.place": {"de": "Ort", "en": "Place"},
    "report.process": {"de": "Prozess", "en": "Process"},
    "report.people": {"de": "Teilnehmende", "en": "Participants"},
    "report.people_by_sector": {"de": "Teilnehmende nach Bereich", "en": "Participants by sector"},
    "report.people_count": {"de": "Personen", "en": "People"},
    "report.sector_rest": {"de": "Weitere Bereiche oder ohne Angabe", "en": "Other sectors or not stated"},
    "report.fewer_than": {"de": "weniger als {n}", "en": "fewer than {n}"},
    "report.small_cells": {
        "de": "Bereiche mit weniger als {n} Personen sind zusammengefasst, damit niemand einzeln erkennbar ist.",
        "en": "Sectors with fewer than {n} people are combined, so that nobody can be singled out.",
    },
    "report.generated": {"de": "Erstellt am {date} mit Werkstatt.", "en": "Created on {date} with Werkstatt."},
    "report.page": {"de": "Seite", "en": "Page"},
    "report.page_of": {"de": "von", "en": "of"},
    "report.toc": {"de": "Inhalt", "en": "Contents"},
    "report.overview": {"de": "Überblick", "en": "Overview"},
    "report.overview.intro": {
        "de": "{people} Personen haben im Workshop {fields} Handlungsfelder auf einer Skala von „{low}“ "
              "bis „{high}“ bewertet. Die Tabelle zeigt je Feld die Einschätzung der Runde; die Abschnitte "
              "danach zeigen jedes Feld im Einzelnen mit den Karten der Kleingruppen.",
        "en": "{people} people rated {fields} action fields in the workshop on a scale from “{low}” to "
              "“{high}”. The table shows the room's verdict per field; the sections after it show each field "
              "in detail with the small groups' cards.",
    },
    "report.how_to_read": {
        "de": "So lesen Sie die Zahlen: Der Median ist der mittlere Wert aller Antworten, der Mittelwert steht "
              "nur daneben. Konsens: 1 = alle einig, 0 = je zur Hälfte an beiden Enden der Skala. "
              "„Kann ich nicht einschätzen“ wird gezählt, aber nie gemittelt. Einschätzung: {strength} ab einem "
              "Median von {strength_at}, umstritten bei einem Konsens unter {contested_below}, zu wenige "
              "Antworten unter {min_answers}.",
        "en": "How to read the numbers: the median is the middle of all answers; the mean is only shown "
              "beside it. Consensus: 1 = all agree, 0 = split in half between both ends of the scale. "
              "“Can't judge” is counted but never averaged. Verdict: {strength} from a median of "
              "{strength_at}, contested below a consensus of {contested_below}, too few answers under "
              "{min_answers}.",
    },
    "report.fields": {"de": "Die Handlungsfelder im Einzelnen", "en": "The action fields in detail"},
    "report.figures": {"de": "Kennzahlen", "en": "Key figures"},
    "report.distribution": {"de": "Verteilung der Antworten", "en": "Distribution of the answers"},
    "report.comparisons": {"de": "Im Vergleich", "en": "Compared"},
    "report.self_check_row": {"de": "Selbstcheck der Verwaltung", "en": "Administration's self-check"},
    "report.self_check_value": {
        "de": "{score} (Workshop: {median}; Differenz {difference}) · {view}",
        "en": "{score} (workshop: {median}; difference {difference}) · {view}",
    },
    "report.previous_row": {"de": "Voriger Workshop ({date})", "en": "Previous workshop ({date})"},
    "report.previous_value": {
        "de": "Median {before} → {after} ({change}) · {trend}",
        "en": "Median {before} → {after} ({change}) · {trend}",
    },
    "report.previous": {"de": "Vergleich mit dem vorigen Workshop", "en": "Compared with the previous workshop"},
    "report.previous.intro": {
        "de": "Verglichen wird mit „{title}“ vom {date}.",
        "en": "Compared with “{title}” of {date}.",
    },
    "report.card": {"de": "Karte", "en": "Card"},
    "report.card_kind": {"de": "Art", "en": "Kind"},
    "report.dots": {"de": "Punkte", "en": "Dots"},
    "report.named": {"de": "Genannt", "en": "Named"},
    "report.actions": {"de": "Vereinbarte Maßnahmen", "en": "Agreed actions"},
    "report.no_actions": {
        "de": "Für dieses Handlungsfeld ist noch keine Maßnahme vereinbart.",
        "en": "No action has been agreed for this field yet.",
    },
    "report.member_owner": {"de": "Taskforce-Mitglied", "en": "Task-force member"},
    "report.chart.overview": {
        "de": "Diagramm: Median und Konsens je Handlungsfeld",
        "en": "Chart: median and consensus per action field",
    },
    "report.chart.distribution": {
        "de": "Diagramm: Verteilung der Antworten im Handlungsfeld {field}",
        "en": "Chart: distribution of the answers in the field {field}",
    },
    "report.chart.perspective": {
        "de": "Diagramm: Selbstcheck der Verwaltung und Median des Workshops je Handlungsfeld",
        "en": "Chart: the administration's self-check and the workshop's median per action field",
    },
}
