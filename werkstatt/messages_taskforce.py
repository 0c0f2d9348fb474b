"""The task force's part of the message catalogue (merged into ``werkstatt.i18n.MESSAGES``):
processes, sign-in, roster, actions and their history, review, comparison, self-check."""

TASKFORCE_MESSAGES: dict[str, dict[str, str]] = {
    "nav.taskforce": {"de": "Taskforce", "en": "Task force"},
    # --- start page and sign-in -------------------------------------------------------
    "start.taskforce.tab": {"de": "Taskforce", "en": "Task force"},
    "start.taskforce.help": {
        "de": "Für die Taskforce nach dem Workshop: Maßnahmen verfolgen, Workshops vergleichen. "
              "Den Prozess-Code und das Passwort bekommen Sie von der Moderation.",
        "en": "For the task force after the workshop: track actions, compare workshops. "
              "The facilitator gives you the process code and the password.",
    },
    "start.taskforce.button": {"de": "Anmelden", "en": "Sign in"},
    "form.password": {"de": "Taskforce-Passwort", "en": "Task-force password"},
    "form.password.help": {
        "de": "Mindestens 8 Zeichen. Es schützt die Mitgliederliste und die Maßnahmen; der Teilnahme-Code öffnet diesen Bereich nicht.",
        "en": "At least 8 characters. It protects the roster and the actions; the join code does not open this area.",
    },
    "form.password_again": {"de": "Passwort wiederholen", "en": "Repeat the password"},
    "error.taskforce_not_authorized": {
        "de": "Für den Taskforce-Bereich bitte zuerst auf der Startseite mit Prozess-Code und Passwort anmelden.",
        "en": "For the task-force area, please sign in on the start page with the process code and password first.",
    },
    "error.unknown_process": {
        "de": "Zum Code „{code}“ gibt es keinen Prozess. Bitte prüfen Sie den Prozess-Code (nicht den Teilnahme-Code).",
        "en": "There is no process with the code “{code}”. Please check the process code (not the join code).",
    },
    "error.wrong_password": {
        "de": "Das Passwort stimmt nicht. Noch {attempts_left} Versuche, dann ist die Anmeldung {minutes} Minuten gesperrt.",
        "en": "Wrong password. {attempts_left} more tries, then signing in is locked for {minutes} minutes.",
    },
    "error.password_locked": {
        "de": "Zu viele falsche Passwörter. Bitte in {minutes} Minuten noch einmal versuchen.",
        "en": "Too many wrong passwords. Please try again in {minutes} minutes.",
    },
    "problem.password_too_short": {
        "de": "Das Passwort ist zu kurz: mindestens {min} Zeichen.",
        "en": "The password is too short: at least {min} characters.",
    },
    "problem.password_too_long": {
        "de": "Das Passwort ist zu lang: höchstens {max} Zeichen.",
        "en": "The password is too long: at most {max} characters.",
    },
    # --- process (console tab) --------------------------------------------------------------
    "facilitate.tab.process": {"de": "Taskforce & Selbstcheck", "en": "Task force & self-check"},
    "process.title": {"de": "Prozess", "en": "Process"},
    "process.help": {
        "de": "Ein Prozess fasst die Workshops einer Kommune über die Zeit zusammen (zum Beispiel Frühjahr und Herbst). "
            "Die Maßnahmen der Taskforce gehören zum Prozess, so sieht der Herbst-Workshop, was im Frühjahr vereinbart wurde.",
        "en": "A process groups one municipality's workshops over time (spring and autumn, say). "
              "The task force's actions belong to the process, so the autumn workshop sees what was agreed in spring.",
    },
    "process.new": {"de": "Neuen Prozess anlegen", "en": "Create a new process"},
    "process.join": {"de": "Zu einem Prozess hinzufügen", "en": "Add to a process"},
    "process.join.button": {"de": "Workshop hinzufügen", "en": "Add the workshop"},
    "process.create": {"de": "Prozess anlegen", "en": "Create the process"},
    "process.code": {"de": "Prozess-Code", "en": "Process code"},
    "process.member_of": {"de": "Dieser Workshop gehört zum Prozess „{title}“.", "en": "This workshop belongs to the process “{title}”."},
    "process.login_hint": {
        "de": "Die Taskforce meldet sich auf der Startseite ({url}) im Reiter „Taskforce“ mit diesem Code und ihrem Passwort an.",
        "en": "The task force signs in on the start page ({url}), tab “Task force”, with this code and its password.",
    },
    "process.title_suggestion": {"de": "Weltoffene Kommune {municipality} {year}", "en": "Welcoming municipality {municipality} {year}"},
    "process.password_mismatch": {
        "de": "Die beiden Passwörter sind nicht gleich. Bitte noch einmal eingeben.",
        "en": "The two passwords differ. Please enter them again.",
    },
    "form.process_title": {"de": "Name des Prozesses", "en": "Name of the process"},
    "problem.process_title_missing": {"de": "Bitte einen Namen für den Prozess eingeben.", "en": "Please enter a name for the process."},
    "problem.workshop_has_process": {
        "de": "Dieser Workshop gehört schon zu einem Prozess.",
        "en": "This workshop already belongs to a process.",
    },
    "problem.process_other_fieldset": {
        "de": "Der Prozess vergleicht andere Felder als dieser Workshop. Workshops eines Prozesses brauchen dieselbe Feldliste.",
        "en": "The process compares other fields than this workshop. The workshops of a process need the same list of fields.",
    },
    "problem.compare_other_process": {
        "de": "Verglichen werden nur Workshops desselben Prozesses.",
        "en": "Only workshops of the same process can be compared.",
    },
    # --- the task-force page --------------------------------------------------------------
    "taskforce.code": {"de": "Prozess-Code {code}", "en": "Process code {code}"},
    "taskforce.tab.review": {"de": "Auswertung", "en": "Review"},
    "taskforce.tab.actions": {"de": "Maßnahmen", "en": "Actions"},
    "taskforce.tab.compare": {"de": "Vergleich & Selbstcheck", "en": "Comparison & self-check"},
    "taskforce.tab.roster": {"de": "Mitglieder", "en": "Members"},
    "taskforce.workshop": {"de": "Workshop", "en": "Workshop"},
    "taskforce.no_workshops": {
        "de": "Zu diesem Prozess gehört noch kein Workshop. Die Moderation fügt ihn in der Moderationsansicht im Reiter „Taskforce & Selbstcheck“ hinzu.",
        "en": "No workshop belongs to this process yet. The facilitator adds it in the console, tab “Task force & self-check”.",
    },
    # --- review ------------------------------------------------------------------------------
    "review.progress": {"de": "Stand der Maßnahmen je Handlungsfeld", "en": "Actions by status per field"},
    "review.no_actions": {"de": "Noch keine Maßnahmen.", "en": "No actions yet."},
    "review.field": {"de": "Handlungsfeld", "en": "Field"},
    "review.since_previous": {"de": "seit dem letzten Workshop", "en": "since the last workshop"},
    "review.dont_know": {"de": "Dazu {n} × „kann ich nicht einschätzen“.", "en": "Plus {n} × “don't know”."},
    "review.to_room": {"de": "zum Median im Workshop", "en": "against the workshop's median"},
    "review.no_field_actions": {"de": "Noch keine Maßnahmen in diesem Feld.", "en": "No actions in this field yet."},
    "review.top_strengths": {"de": "Stärken", "en": "Strengths"},
    "review.top_gaps": {"de": "Handlungsbedarfe und Ideen nach Punkten", "en": "Gaps and ideas by dots"},
    "review.no_cards": {"de": "Keine Karten.", "en": "No cards."},
    "review.make_action": {"de": "Maßnahme daraus machen", "en": "Turn into an action"},
    "review.field_actions": {"de": "Maßnahmen in diesem Feld", "en": "Actions in this field"},
    "review.all_results": {"de": "Alle Ergebnisse dieses Workshops", "en": "All results of this workshop"},
    "chart.progress.xaxis": {"de": "Anzahl Maßnahmen", "en": "Number of actions"},
    # --- actions ------------------------------------------------------------------------------
    "action.new": {"de": "Neue Maßnahme", "en": "New action"},
    "action.from_card": {"de": "Aus dieser Karte ({kind}):", "en": "From this card ({kind}):"},
    "action.unlink_card": {"de": "Ohne Karte anlegen", "en": "Create without the card"},
    "action.title": {"de": "Maßnahme", "en": "Action"},
    "form.action_title": {"de": "Maßnahme", "en": "Action"},
    "action.description": {"de": "Beschreibung", "en": "Description"},
    "form.description": {"de": "Beschreibung", "en": "Description"},
    "action.field": {"de": "Handlungsfeld", "en": "Field"},
    "action.owner": {"de": "Verantwortlich", "en": "Owner"},
    "action.owner_member": {"de": "Verantwortlich (Mitglied)", "en": "Owner (member)"},
    "action.owner_organisation": {"de": "… oder Organisation", "en": "… or organisation"},
    "action.owner_organisation.help": {
        "de": "Wenn niemand aus der Taskforce verantwortlich ist: die Organisation, zum Beispiel „Jobcenter“. Ein gewähltes Mitglied geht vor.",
        "en": "When nobody in the task force owns it: the organisation, for example “Job centre”. A chosen member comes first.",
    },
    "action.no_member": {"de": "– niemand –", "en": "– nobody –"},
    "action.no_owner": {"de": "noch nicht vergeben", "en": "nobody yet"},
    "action.former_member": {"de": "ehemaliges Mitglied", "en": "former member"},
    "action.due": {"de": "Fällig am", "en": "Due"},
    "action.due_on": {"de": "fällig {date}", "en": "due {date}"},
    "action.priority": {"de": "Priorität", "en": "Priority"},
    "action.priority.high": {"de": "hoch", "en": "high"},
    "action.priority.medium": {"de": "mittel", "en": "medium"},
    "action.priority.low": {"de": "niedrig", "en": "low"},
    "action.status": {"de": "Status", "en": "Status"},
    "action.status.open": {"de": "offen", "en": "open"},
    "action.status.in_progress": {"de": "in Arbeit", "en": "in progress"},
    "action.status.done": {"de": "erledigt", "en": "done"},
    "action.status.dropped": {"de": "verworfen", "en": "dropped"},
    "action.overdue": {"de": "überfällig", "en": "overdue"},
    "action.overdue_count": {"de": "{n} Maßnahme(n) überfällig.", "en": "{n} action(s) overdue."},
    "action.note": {"de": "Notiz zur Änderung (freiwillig)", "en": "Note on the change (optional)"},
    "form.note": {"de": "Notiz", "en": "Note"},
    "action.note.help": {
        "de": "Steht im Verlauf neben der Änderung, zum Beispiel „besprochen in der Sitzung vom 3. März“.",
        "en": "Shown in the history beside the change, for example “agreed in the meeting of 3 March”.",
    },
    "action.create": {"de": "Maßnahme anlegen", "en": "Create the action"},
    "action.created": {"de": "Maßnahme „{title}“ angelegt.", "en": "Action “{title}” created."},
    "action.save": {"de": "Änderungen speichern", "en": "Save the changes"},
    "action.saved": {"de": "Gespeichert. Der Verlauf zeigt jede Änderung.", "en": "Saved. The history shows every change."},
    "action.unchanged": {"de": "Nichts geändert, nichts gespeichert.", "en": "Nothing changed, nothing saved."},
    "action.open": {"de": "Maßnahme öffnen", "en": "Open an action"},
    "action.none_match": {"de": "Keine Maßnahme passt zu diesen Filtern.", "en": "No action matches these filters."},
    "action.source_card": {"de": "Aus der Karte ({kind}, {dots} Punkte):", "en": "From the card ({kind}, {dots} dots):"},
    "action.history": {"de": "Verlauf", "en": "History"},
    "action.changed_meanwhile": {
        "de": "Jemand hat diese Maßnahme inzwischen geändert. Ihre Eingaben sind noch da; „Aktuellen Stand laden“ zeigt die neue Fassung.",
        "en": "Someone has changed this action meanwhile. What you typed is still there; “Load the current state” shows the new version.",
    },
    "action.reload": {"de": "Aktuellen Stand laden", "en": "Load the current state"},
    "error.action_changed": {
        "de": "Nicht gespeichert: Jemand hat diese Maßnahme inzwischen geändert. Ihre Eingaben sind noch da.",
        "en": "Not saved: someone has changed this action meanwhile. What you typed is still there.",
    },
    "error.unknown_action": {"de": "Diese Maßnahme gibt es nicht (mehr).", "en": "This action does not exist (any more)."},
    "problem.action_title_missing": {"de": "Bitte einen Titel für die Maßnahme eingeben.", "en": "Please enter a title for the action."},
    "problem.action_from_strength": {
        "de": "Maßnahmen entstehen aus Handlungsbedarfen und Ideen, nicht aus Stärken.",
        "en": "Actions come from gaps and ideas, not from strengths.",
    },
    "problem.unknown_priority": {"de": "Die Priorität „{value}“ gibt es nicht.", "en": "There is no priority “{value}”."},
    "problem.unknown_status": {"de": "Den Status „{value}“ gibt es nicht.", "en": "There is no status “{value}”."},
    "problem.unknown_owner": {
        "de": "Verantwortlich ist ein Mitglied oder eine Organisation.",
        "en": "The owner is a member or an organisation.",
    },
    "filter.all": {"de": "alle", "en": "all"},
    "filter.sort": {"de": "Sortieren nach", "en": "Sort by"},
    "filter.sort.due": {"de": "Fälligkeit", "en": "due date"},
    "filter.sort.priority": {"de": "Priorität", "en": "priority"},
    "filter.overdue_only": {"de": "Nur überfällige", "en": "Overdue only"},
    "history.when": {"de": "Wann", "en": "When"},
    "history.what": {"de": "Was", "en": "What"},
    "history.from": {"de": "Vorher", "en": "Before"},
    "history.to": {"de": "Nachher", "en": "After"},
    "history.note": {"de": "Notiz", "en": "Note"},
    "history.attribute.created": {"de": "angelegt", "en": "created"},
    "history.attribute.title": {"de": "Titel", "en": "Title"},
    "history.attribute.description": {"de": "Beschreibung", "en": "Description"},
    "history.attribute.field_id": {"de": "Handlungsfeld", "en": "Field"},
    "history.attribute.owner": {"de": "Verantwortlich", "en": "Owner"},
    "history.attribute.due_date": {"de": "Fällig am", "en": "Due"},
    "history.attribute.priority": {"de": "Priorität", "en": "Priority"},
    "history.attribute.status": {"de": "Status", "en": "Status"},
    # --- roster ------------------------------------------------------------------------------
    "roster.privacy": {
        "de": "Die Mitgliederliste ist die einzige personenbezogene Angabe in Werkstatt. „Entfernen“ löscht Name und Sektor "
              "endgültig; die Maßnahmen bleiben und zeigen dann die Organisation oder „ehemaliges Mitglied“.",
        "en": "The roster is the only personal data Werkstatt keeps. “Remove” deletes name and sector for good; "
              "the actions stay and show the organisation or “former member” instead.",
    },
    "roster.empty": {"de": "Noch keine Mitglieder.", "en": "No members yet."},
    "roster.remove": {"de": "Entfernen", "en": "Remove"},
    "roster.remove.confirm": {
        "de": "{name} entfernen? Name und Sektor werden gelöscht und sind nicht wiederherstellbar.",
        "en": "Remove {name}? Name and sector are deleted and cannot be restored.",
    },
    "roster.remove.button": {"de": "Ja, endgültig entfernen", "en": "Yes, remove for good"},
    "roster.removed_count": {"de": "{n} ehemalige(s) Mitglied(er), ohne Namen.", "en": "{n} former member(s), names deleted."},
    "roster.add": {"de": "Mitglied hinzufügen", "en": "Add a member"},
    "roster.add.button": {"de": "Hinzufügen", "en": "Add"},
    "roster.no_sector": {"de": "– keine Angabe –", "en": "– not given –"},
    "form.member_name": {"de": "Name", "en": "Name"},
    "form.organisation": {"de": "Organisation", "en": "Organisation"},
    "form.sector": {"de": "Bereich", "en": "Sector"},
    "problem.member_name_missing": {"de": "Bitte einen Namen eingeben.", "en": "Please enter a name."},
    "error.unknown_member": {"de": "Dieses Mitglied gibt es nicht (mehr).", "en": "This member does not exist (any more)."},
    # --- comparison and perspective -------------------------------------------------------------
    "compare.title": {"de": "Zwei Workshops im Vergleich", "en": "Two workshops compared"},
    "compare.needs_two": {
        "de": "Für einen Vergleich braucht der Prozess mindestens zwei Workshops.",
        "en": "A comparison needs at least two workshops in the process.",
    },
    "compare.before": {"de": "Früherer Workshop", "en": "Earlier workshop"},
    "compare.after": {"de": "Späterer Workshop", "en": "Later workshop"},
    "compare.same": {"de": "Bitte zwei verschiedene Workshops wählen.", "en": "Please choose two different workshops."},
    "compare.median_before": {"de": "Median vorher", "en": "Median before"},
    "compare.median_after": {"de": "Median nachher", "en": "Median after"},
    "compare.median_change": {"de": "Median Δ", "en": "Median Δ"},
    "compare.mean_change": {"de": "Mittelwert Δ", "en": "Mean Δ"},
    "compare.consensus_change": {"de": "Konsens Δ", "en": "Consensus Δ"},
    "compare.n": {"de": "Antworten", "en": "Answers"},
    "compare.trend": {"de": "Entwicklung", "en": "Trend"},
    "compare.legend": {
        "de": "Die Entwicklung folgt dem Median: gestiegen heißt verbessert, gesunken zurückgefallen. "
              "Der Mittelwert steht nur daneben. Konsens Δ über 0: Die Runde ist sich einiger als vorher.",
        "en": "The trend follows the median: up means improved, down fell back. The mean is only shown beside it. "
              "Consensus Δ above 0: the room agrees more than before.",
    },
    "compare.distribution": {"de": "Verteilung: Veränderung je Stufe", "en": "Distribution: change per level"},
    "compare.distribution.help": {
        "de": "Veränderung des Anteils jeder Stufe an den Antworten, in Prozentpunkten.",
        "en": "Change of each level's share of the answers, in percentage points.",
    },
    "trend.improved": {"de": "verbessert", "en": "improved"},
    "trend.fell_back": {"de": "zurückgefallen", "en": "fell back"},
    "trend.unchanged": {"de": "unverändert", "en": "unchanged"},
    "trend.too_few": {"de": "zu wenige Antworten", "en": "too few answers"},
    "trend.improved.plural": {"de": "Verbessert", "en": "Improved"},
    "trend.fell_back.plural": {"de": "Zurückgefallen", "en": "Fell back"},
    "perspective.title": {"de": "Selbstcheck der Verwaltung und Sicht des Workshops", "en": "The administration's self-check and the workshop's view"},
    "perspective.help": {
        "de": "Wo die Verwaltung sich selbst anders sieht als die Runde im Workshop: Das ist die Perspektivlücke, "
              "die der Workshop sichtbar machen soll. Ab einer ganzen Stufe Unterschied gilt ein Feld als verschieden.",
        "en": "Where the administration sees itself differently from the workshop: the perspective gap the workshop "
              "is held to bring out. A field counts as different from one whole level apart.",
    },
    "perspective.none": {
        "de": "Für diesen Workshop ist noch kein Selbstcheck eingetragen. Unten eingeben oder als CSV-Datei importieren.",
        "en": "No self-check has been entered for this workshop yet. Enter it below or import a CSV file.",
    },
    "perspective.self_check": {"de": "Selbstcheck", "en": "Self-check"},
    "perspective.workshop": {"de": "Workshop (Median)", "en": "Workshop (median)"},
    "perspective.difference": {"de": "Differenz", "en": "Difference"},
    "perspective.view": {"de": "Einordnung", "en": "Reading"},
    "perspective.view.admin_higher": {"de": "Verwaltung sieht es besser", "en": "administration rates it higher"},
    "perspective.view.admin_lower": {"de": "Verwaltung sieht es kritischer", "en": "administration rates it lower"},
    "perspective.view.agree": {"de": "ähnlich", "en": "similar"},
    "perspective.view.no_data": {"de": "keine Angabe", "en": "no data"},
    # --- self-check entry and import ---------------------------------------------------------------
    "selfcheck.title": {"de": "Selbstcheck der Verwaltung", "en": "The administration's self-check"},
    "selfcheck.edit": {"de": "Selbstcheck eingeben oder importieren", "en": "Enter or import the self-check"},
    "selfcheck.help": {
        "de": "Ein Wert je Handlungsfeld aus dem Fragebogen, auf der Skala des Workshops ({low} bis {high}, Kommazahlen erlaubt). "
              "Leer lassen, wenn ein Feld nicht bewertet wurde.",
        "en": "One score per field from the questionnaire, on the workshop's scale ({low} to {high}, decimals allowed). "
              "Leave a field empty if it was not assessed.",
    },
    "selfcheck.skipped": {"de": "nicht bewertet", "en": "not assessed"},
    "selfcheck.not_a_number": {
        "de": "Bei „{field}“ steht keine Zahl. Bitte eine Zahl wie 2,5 eingeben oder das Feld leer lassen.",
        "en": "“{field}” has no number. Please enter a number like 2.5 or leave it empty.",
    },
    "selfcheck.save": {"de": "Selbstcheck speichern", "en": "Save the self-check"},
    "selfcheck.saved": {"de": "Selbstcheck gespeichert: {n} Felder mit Wert.", "en": "Self-check saved: {n} fields with a score."},
    "selfcheck.import.title": {"de": "Aus einer CSV-Datei übernehmen", "en": "Import from a CSV file"},
    "selfcheck.import.help": {
        "de": "Spalten „feld“ (Kennung oder Titel des Feldes) und „wert“. Komma oder Semikolon als Trenner, "
              "auch direkt aus Excel gespeichert. Die Vorlage enthält alle Felder.",
        "en": "Columns “feld” (the field's id or title) and “wert” (score). Comma or semicolon separated, "
              "also straight from Excel. The template lists every field.",
    },
    "selfcheck.import.file": {"de": "CSV-Datei", "en": "CSV file"},
    "selfcheck.import.button": {"de": "Datei übernehmen", "en": "Import the file"},
    "selfcheck.template": {"de": "Vorlage herunterladen", "en": "Download the template"},
    "problem.bad_self_check_score": {
        "de": "{field}: {value} liegt nicht zwischen {low} und {high}.",
        "en": "{field}: {value} is not between {low} and {high}.",
    },
    "error.self_check_file": {
        "de": "Die Datei wurde nicht übernommen, es hat sich nichts geändert. Bitte korrigieren:",
        "en": "The file was not imported and nothing has changed. Please fix:",
    },
    "selfcheck.problem.empty": {"de": "Die Datei ist leer.", "en": "The file is empty."},
    "selfcheck.problem.too_big": {
        "de": "Die Datei ist zu groß (höchstens {kb} KB). Ein Selbstcheck hat nur eine Zeile je Feld.",
        "en": "The file is too big (at most {kb} KB). A self-check has one row per field.",
    },
    "selfcheck.problem.spreadsheet": {
        "de": "Das ist eine Excel- oder Calc-Datei, keine CSV-Datei. Bitte in Excel „Speichern unter“ → „CSV UTF-8“ wählen.",
        "en": "This is an Excel or Calc workbook, not a CSV file. In Excel choose “Save as” → “CSV UTF-8”.",
    },
    "selfcheck.problem.unreadable": {"de": "Die Datei lässt sich nicht als CSV lesen ({detail}).", "en": "The file cannot be read as CSV ({detail})."},
    "selfcheck.problem.missing_column": {
        "de": "Die Spalte „{column}“ fehlt. Die erste Zeile braucht eine dieser Überschriften: {aliases}. Gefunden: {found}.",
        "en": "The column “{column}” is missing. The first row needs one of these headings: {aliases}. Found: {found}.",
    },
    "selfcheck.problem.unknown_field": {
        "de": "Zeile {line}: Das Feld „{value}“ gibt es nicht. Möglich sind: {fields} (oder ihr Titel).",
        "en": "Row {line}: there is no field “{value}”. Possible: {fields} (or their titles).",
    },
    "selfcheck.problem.duplicate": {
        "de": "Zeile {line}: Das Feld {field} steht schon in Zeile {first}.",
        "en": "Row {line}: the field {field} is already in row {first}.",
    },
    "selfcheck.problem.not_a_number": {
        "de": "Zeile {line}: „{value}“ ist keine Zahl.",
        "en": "Row {line}: “{value}” is not a number.",
    },
    "selfcheck.problem.out_of_range": {
        "de": "Zeile {line}: {value} liegt nicht zwischen {low} und {high}.",
        "en": "Row {line}: {value} is not between {low} and {high}.",
    },
    "selfcheck.problem.extra_cells": {
        "de": "Zeile {line} hat mehr Spalten als die Überschrift. Steht dort eine Kommazahl in einer Datei mit Komma als Trenner? "
              "Dann bitte Semikolon als Trenner nehmen oder die Zahl in Anführungszeichen setzen.",
        "en": "Row {line} has more columns than the heading. Is there a decimal comma in a comma-separated file? "
              "Then use semicolons as separators or put the number in quotes.",
    },
    "selfcheck.problem.no_scores": {
        "de": "Die Datei enthält keinen einzigen Wert.",
        "en": "The file contains no score at all.",
    },
    "selfcheck.problem.more": {"de": "… und {n} weitere.", "en": "… and {n} more."},
}
