"""The message catalogue: every text a person reads on screen comes from here.

German is the default and complete; English is complete for every key. Keys are
grouped by screen. ``t(key, lang, **params)`` formats a message; numbers and
dates go through ``fmt_number`` and ``fmt_date`` so that German screens show
``2,5`` and ``23.11.2026``.

This module is pure (no Streamlit, no I/O), so the service, the charts and the
CLI can use it too.
"""

from __future__ import annotations

import datetime as dt
import math

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}

MESSAGES: dict[str, dict[str, str]] = {
    # --- shared ---------------------------------------------------------------
    "app.name": {"de": "Werkstatt", "en": "Werkstatt"},
    "app.language": {"de": "Sprache", "en": "Language"},
    "nav.start": {"de": "Start", "en": "Start"},
    "nav.participate": {"de": "Mitmachen", "en": "Take part"},
    "nav.facilitate": {"de": "Moderation", "en": "Facilitation"},
    "nav.projector": {"de": "Beamer", "en": "Projector"},
    "nav.results": {"de": "Ergebnisse", "en": "Results"},
    "common.not_available": {"de": "–", "en": "–"},
    # --- agenda steps ---------------------------------------------------------
    "step.checkin": {"de": "Ankommen", "en": "Arrival"},
    "step.rating": {"de": "Bewertung", "en": "Rating"},
    "step.results": {"de": "Ergebnis", "en": "Results"},
    "step.closed": {"de": "Abschluss", "en": "Closing"},
    "step.checkin.help": {
        "de": "Alle kommen an und melden sich mit dem Code an.",
        "en": "Everyone arrives and joins with the code.",
    },
    "step.rating.help": {
        "de": "Die Bewertung ist offen. Alle bewerten die Handlungsfelder.",
        "en": "Rating is open. Everyone rates the action fields.",
    },
    "step.results.help": {
        "de": "Die Bewertung ist geschlossen, die Ergebnisse sind sichtbar.",
        "en": "Rating is closed, the results are visible.",
    },
    "step.closed.help": {
        "de": "Der Workshop ist beendet. Niemand kann mehr etwas ändern.",
        "en": "The workshop has ended. Nothing can be changed any more.",
    },
    # --- verdicts -------------------------------------------------------------
    "verdict.strength": {"de": "Stärke", "en": "Strength"},
    "verdict.gap": {"de": "Handlungsbedarf", "en": "Needs action"},
    "verdict.contested": {"de": "umstritten", "en": "contested"},
    "verdict.too_few": {"de": "zu wenige Antworten", "en": "too few answers"},
    # --- start page -----------------------------------------------------------
    "start.title": {"de": "Werkstatt", "en": "Werkstatt"},
    "start.intro": {
        "de": "Gemeinsam einschätzen, wo unsere Kommune steht: Alle bewerten die Handlungsfelder "
        "auf dem Tablet oder Handy, der Beamer zeigt das Bild des ganzen Raums.",
        "en": "Assess together where our municipality stands: everyone rates the action fields "
        "on a tablet or phone, the projector shows the picture of the whole room.",
    },
    "start.join.title": {"de": "Mitmachen", "en": "Take part"},
    "start.join.code": {"de": "Code vom Beamer", "en": "Code from the projector"},
    "start.join.button": {"de": "Weiter", "en": "Continue"},
    "start.facilitate.title": {"de": "Moderation", "en": "Facilitation"},
    "start.create.tab": {"de": "Neuen Workshop anlegen", "en": "Create a workshop"},
    "start.create.button": {"de": "Workshop anlegen", "en": "Create workshop"},
    "start.create.working": {"de": "Workshop wird angelegt …", "en": "Creating the workshop …"},
    "start.create.pin_mismatch": {
        "de": "Die beiden PINs stimmen nicht überein. Bitte noch einmal eingeben.",
        "en": "The two PINs do not match. Please enter them again.",
    },
    "start.login.tab": {"de": "Moderation öffnen", "en": "Open facilitation"},
    "start.login.button": {"de": "Anmelden", "en": "Sign in"},
    "start.login.working": {"de": "PIN wird geprüft …", "en": "Checking the PIN …"},
    # --- workshop form ---------------------------------------------------------
    "form.title": {"de": "Titel", "en": "Title"},
    "form.title.placeholder": {
        "de": "z. B. Selbstcheck-Workshop Weltoffene Kommune",
        "en": "e.g. Welcoming municipality self-check workshop",
    },
    "form.municipality": {"de": "Kommune", "en": "Municipality"},
    "form.date": {"de": "Datum", "en": "Date"},
    "form.place": {"de": "Ort", "en": "Place"},
    "form.fieldset": {"de": "Handlungsfelder", "en": "Action fields"},
    "form.pin": {"de": "Moderations-PIN", "en": "Facilitator PIN"},
    "form.pin.help": {
        "de": "Mindestens 4 Zeichen. Mit Code und PIN öffnen Sie später die Moderation wieder.",
        "en": "At least 4 characters. With the code and PIN you can open facilitation again later.",
    },
    "form.pin_again": {"de": "PIN wiederholen", "en": "Repeat the PIN"},
    # --- participant (tablet) ------------------------------------------------------
    "participate.join.title": {"de": "Willkommen!", "en": "Welcome!"},
    "participate.code.button": {"de": "Weiter", "en": "Continue"},
    "participate.join.button": {"de": "Mitmachen", "en": "Take part"},
    "participate.sector": {
        "de": "Aus welchem Bereich kommen Sie? (freiwillig)",
        "en": "Which sector are you from? (optional)",
    },
    "participate.sector.help": {
        "de": "Ihre Antworten bleiben anonym. Der Bereich hilft nur, Unterschiede zwischen Gruppen zu sehen.",
        "en": "Your answers stay anonymous. The sector only helps to see differences between groups.",
    },
    "participate.step.checkin": {"de": "Schön, dass Sie da sind!", "en": "Good to have you here!"},
    "participate.step.rating": {"de": "Ihre Einschätzung", "en": "Your assessment"},
    "participate.step.results": {"de": "Die Ergebnisse", "en": "The results"},
    "participate.step.closed": {"de": "Vielen Dank!", "en": "Thank you!"},
    "participate.wait.checkin": {
        "de": "Gleich geht es los. Diese Seite wechselt von selbst, sobald die Bewertung beginnt.",
        "en": "We start soon. This page changes by itself as soon as the rating begins.",
    },
    "participate.wait.results": {
        "de": "Die Bewertung ist geschlossen. Die Ergebnisse sehen Sie jetzt am Beamer.",
        "en": "Rating is closed. You can see the results on the projector now.",
    },
    "participate.wait.closed": {
        "de": "Der Workshop ist beendet. Vielen Dank fürs Mitmachen!",
        "en": "The workshop has ended. Thank you for taking part!",
    },
    "participate.rating.intro": {
        "de": "Wie weit ist unsere Kommune in jedem Handlungsfeld? Tippen Sie eine Stufe an. "
        "Ihre Wahl wird sofort gespeichert und Sie können sie ändern, bis die Bewertung schließt.",
        "en": "How far has our municipality come in each action field? Tap a level. "
        "Your choice is saved at once, and you can change it until the rating closes.",
    },
    "participate.rated_count": {
        "de": "{done} von {total} Feldern bewertet",
        "en": "{done} of {total} fields rated",
    },
    "participate.questions": {"de": "Leitfragen zum Nachdenken", "en": "Questions to think about"},
    "participate.your_rating": {"de": "Ihre Bewertung: {field}", "en": "Your rating: {field}"},
    "participate.saved": {"de": "Gespeichert: {level}", "en": "Saved: {level}"},
    "participate.all_done": {
        "de": "Alle Felder bewertet – danke! Sie können Ihre Antworten noch ändern, solange die Bewertung offen ist.",
        "en": "All fields rated – thank you! You can still change your answers while the rating is open.",
    },
    "participate.my_answers": {"de": "Meine Antworten", "en": "My answers"},
    # --- facilitator console ---------------------------------------------------
    "facilitate.join_code": {"de": "Code für die Teilnahme", "en": "Code for joining"},
    "facilitate.join_link": {"de": "Link für Tablets und Handys:", "en": "Link for tablets and phones:"},
    "facilitate.open_projector": {"de": "Beamer-Ansicht öffnen", "en": "Open projector view"},
    "facilitate.projector_hint": {
        "de": "Öffnet sich in einem neuen Fenster. Ziehen Sie es auf den Beamer und drücken Sie F11.",
        "en": "Opens in a new window. Move it to the projector and press F11.",
    },
    "facilitate.step.title": {"de": "Ablauf", "en": "Agenda"},
    "facilitate.step.current": {"de": "Jetzt live: **{step}**", "en": "Live now: **{step}**"},
    "facilitate.go.checkin": {"de": "Ankommen", "en": "Arrival"},
    "facilitate.go.rating": {"de": "Bewertung starten", "en": "Start rating"},
    "facilitate.go.results": {"de": "Ergebnis zeigen", "en": "Show results"},
    "facilitate.go.closed": {"de": "Workshop beenden", "en": "End workshop"},
    "facilitate.confirm_close": {
        "de": "Ja, ich möchte den Workshop endgültig beenden.",
        "en": "Yes, I want to end the workshop for good.",
    },
    "facilitate.results_hidden": {
        "de": "Die Ergebnisse sind für Beamer und Teilnehmende noch verborgen.",
        "en": "The results are still hidden from the projector and the participants.",
    },
    "facilitate.joined": {"de": "Angemeldet", "en": "Joined"},
    "facilitate.rated": {"de": "haben bewertet", "en": "have rated"},
    "facilitate.open_results": {"de": "Ergebnisse im Detail", "en": "Detailed results"},
    # --- projector -----------------------------------------------------------------
    "projector.join_with": {
        "de": "Mitmachen: QR-Code scannen oder Code eingeben",
        "en": "Take part: scan the QR code or enter the code",
    },
    "projector.code": {"de": "Code", "en": "Code"},
    "projector.joined": {"de": "sind dabei", "en": "have joined"},
    "projector.rated_per_field": {"de": "So viele haben schon bewertet:", "en": "How many have rated so far:"},
    "projector.missing_link": {
        "de": "Dieser Beamer-Link ist nicht vollständig. Bitte den Link aus der Moderation öffnen.",
        "en": "This projector link is incomplete. Please open the link from the facilitation page.",
    },
    # --- results page --------------------------------------------------------------
    "results.back": {"de": "Zurück zur Moderation", "en": "Back to facilitation"},
    "results.title": {"de": "Ergebnisse: {title}", "en": "Results: {title}"},
    "results.not_revealed": {
        "de": "Noch nicht freigegeben: Beamer und Teilnehmende sehen diese Ergebnisse erst im Schritt „Ergebnis“.",
        "en": "Not revealed yet: the projector and participants see these results only in the “Results” step.",
    },
    "results.per_field": {"de": "Je Handlungsfeld", "en": "Per action field"},
    "results.legend": {
        "de": "Median und Verteilung zuerst; der Mittelwert steht nur daneben. Konsens: 1 = alle einig, "
        "0 = je zur Hälfte an beiden Enden der Skala. „Kann ich nicht einschätzen“ wird gezählt, aber nie gemittelt.",
        "en": "Median and distribution first; the mean only beside them. Consensus: 1 = all agree, "
        "0 = split in half between both ends of the scale. “Can't judge” is counted but never averaged.",
    },
    "results.by_sector": {"de": "Nach Bereich", "en": "By sector"},
    "results.by_sector.help": {
        "de": "Median je Bereich. Ein Feld bleibt leer, wenn weniger als 3 Antworten darin stehen – so bleibt jede Bewertung anonym.",
        "en": "Median per sector. A cell stays empty when it holds fewer than 3 answers, so every rating stays anonymous.",
    },
    # --- errors (werkstatt.errors) ---------------------------------------------
    "error.generic": {"de": "Das hat leider nicht geklappt.", "en": "Sorry, that did not work."},
    "error.invalid_input": {"de": "Bitte die Eingabe prüfen.", "en": "Please check your input."},
    "error.unknown_join_code": {
        "de": "Zum Code „{code}“ gibt es keinen offenen Workshop. Bitte den Code auf dem Beamer noch einmal prüfen.",
        "en": "There is no open workshop with the code “{code}”. Please check the code on the projector.",
    },
    "error.unknown_participant": {
        "de": "Dieser Teilnahme-Link ist nicht bekannt. Bitte mit dem Code vom Beamer neu anmelden.",
        "en": "This participation link is not known. Please join again with the code on the projector.",
    },
    "error.unknown_workshop": {
        "de": "Diesen Workshop gibt es nicht (mehr).",
        "en": "This workshop does not exist (any more).",
    },
    "error.unknown_field": {
        "de": "Das Handlungsfeld „{field}“ gehört nicht zu diesem Workshop.",
        "en": "The action field “{field}” is not part of this workshop.",
    },
    "error.unknown_sector": {
        "de": "Den Bereich „{sector}“ gibt es in diesem Workshop nicht.",
        "en": "The sector “{sector}” is not offered in this workshop.",
    },
    "error.invalid_level": {
        "de": "„{level}“ ist keine Stufe der Skala. Erlaubt sind {levels} oder „kann ich nicht einschätzen“.",
        "en": "“{level}” is not a level of the scale. Allowed are {levels} or “I can't judge this”.",
    },
    "error.rating_closed": {
        "de": "Die Bewertung ist gerade nicht geöffnet. Ihre gespeicherten Antworten bleiben erhalten.",
        "en": "Rating is not open right now. Your saved answers are kept.",
    },
    "error.workshop_closed": {
        "de": "Dieser Workshop ist beendet. Vielen Dank fürs Mitmachen!",
        "en": "This workshop has ended. Thank you for taking part!",
    },
    "error.invalid_step": {
        "de": "Den Schritt „{step}“ gibt es nicht. Möglich sind: {steps}.",
        "en": "There is no step “{step}”. Possible steps: {steps}.",
    },
    "error.step_move_not_allowed": {
        "de": "Der Workshop ist abgeschlossen und kann nicht wieder geöffnet werden.",
        "en": "The workshop is closed and cannot be reopened.",
    },
    "error.wrong_pin": {
        "de": "Die PIN stimmt nicht. Noch {attempts_left} Versuch(e), dann wird die Moderation für {minutes} Minuten gesperrt.",
        "en": "Wrong PIN. {attempts_left} attempt(s) left before facilitation is locked for {minutes} minutes.",
    },
    "error.pin_locked": {
        "de": "Zu viele falsche PINs. Die Moderation ist gesperrt. Bitte in {minutes} Minute(n) noch einmal versuchen.",
        "en": "Too many wrong PINs. Facilitation is locked. Please try again in {minutes} minute(s).",
    },
    "error.not_authorized": {
        "de": "Für die Moderation bitte zuerst mit Code und PIN anmelden.",
        "en": "Please sign in with the code and PIN to facilitate.",
    },
    "problem.title_missing": {
        "de": "Bitte einen Titel für den Workshop eingeben.",
        "en": "Please enter a title for the workshop.",
    },
    "problem.municipality_missing": {
        "de": "Bitte die Kommune eingeben.",
        "en": "Please enter the municipality.",
    },
    "problem.text_too_long": {
        "de": "„{label}“ ist zu lang: höchstens {max} Zeichen.",
        "en": "“{label}” is too long: at most {max} characters.",
    },
    "problem.pin_too_short": {
        "de": "Die PIN braucht mindestens {min} Zeichen.",
        "en": "The PIN needs at least {min} characters.",
    },
    "problem.pin_too_long": {
        "de": "Die PIN darf höchstens {max} Zeichen haben.",
        "en": "The PIN may have at most {max} characters.",
    },
    "problem.unknown_fieldset": {
        "de": "Die Feldliste „{fieldset}“ gibt es nicht.",
        "en": "There is no field list “{fieldset}”.",
    },
    "problem.bad_date": {
        "de": "Das Datum „{value}“ ist ungültig.",
        "en": "The date “{value}” is not valid.",
    },
    # --- charts and result tables ----------------------------------------------
    "chart.distribution.title": {
        "de": "Wie wurden die Handlungsfelder bewertet?",
        "en": "How were the action fields rated?",
    },
    "chart.distribution.xaxis": {"de": "Anteil der Antworten", "en": "Share of answers"},
    "chart.overview.title": {
        "de": "Überblick: Einschätzung und Einigkeit",
        "en": "Overview: rating and agreement",
    },
    "chart.overview.xaxis": {"de": "Median der Bewertung", "en": "Median rating"},
    "chart.overview.yaxis": {"de": "Einigkeit (Konsens)", "en": "Agreement (consensus)"},
    "col.field": {"de": "Handlungsfeld", "en": "Action field"},
    "col.n": {"de": "Antworten", "en": "Answers"},
    "col.dont_know": {"de": "kann ich nicht einschätzen", "en": "can't judge"},
    "col.median": {"de": "Median", "en": "Median"},
    "col.mean": {"de": "Mittelwert", "en": "Mean"},
    "col.consensus": {"de": "Konsens", "en": "Consensus"},
    "col.verdict": {"de": "Einschätzung", "en": "Verdict"},
    "col.sector": {"de": "Bereich", "en": "Sector"},
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """Return the message ``key`` in ``lang``, formatted with ``params``.

    An unknown language falls back to German. An unknown key raises KeyError:
    a missing text is a bug that the catalogue test must catch, not a blank on
    the projector.
    """
    entry = MESSAGES[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def normalize_language(value: object) -> str:
    """Turn a query-parameter value into a supported language code."""
    text = str(value or "").strip().lower()[:2]
    return text if text in LANGUAGES else DEFAULT_LANGUAGE


def fmt_number(value: float | int | None, lang: str = DEFAULT_LANGUAGE, digits: int = 1) -> str:
    """Format a number for the screen: ``2,5`` in German, ``2.5`` in English.

    Missing values (None, NaN) become a dash, never ``nan``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MESSAGES["common.not_available"][DEFAULT_LANGUAGE]
    if isinstance(value, int) or float(value).is_integer() and digits == 0:
        text = f"{int(round(value)):,}"
    else:
        text = f"{float(value):,.{digits}f}"
    if lang == "de":
        text = text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return text


def fmt_date(value: dt.date | str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """Format a date: ``23.11.2026`` in German, ``23 Nov 2026`` in English."""
    if value is None or value == "":
        return MESSAGES["common.not_available"][DEFAULT_LANGUAGE]
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if lang == "de":
        return value.strftime("%d.%m.%Y")
    return value.strftime("%d %b %Y")
