"""The message catalogue: every text a person reads on screen comes from here.

German is the default and complete; English is complete for every key; the
texts a participant's screens can show are also in Turkish, Arabic, Russian and
Ukrainian (``messages_community``). Keys are grouped by screen.
``t(key, lang, **params)`` formats a message; numbers and dates go through
``fmt_number`` and ``fmt_date`` so that German screens show ``2,5`` and
``23.11.2026``.

This module is pure (no Streamlit, no I/O), so the service, the charts and the
CLI can use it too.
"""

from __future__ import annotations

import datetime as dt
import math

from werkstatt.messages_accessibility import ACCESSIBILITY_MESSAGES
from werkstatt.messages_community import COMMUNITY_MESSAGES
from werkstatt.messages_exchange import EXCHANGE_MESSAGES
from werkstatt.messages_export import EXPORT_MESSAGES
from werkstatt.messages_participant import PARTICIPANT_MESSAGES
from werkstatt.messages_report import REPORT_MESSAGES
from werkstatt.messages_storage import STORAGE_MESSAGES
from werkstatt.messages_taskforce import TASKFORCE_MESSAGES

LANGUAGES = ("de", "en")  # facilitator, projector, results and task force
# A participant's screens also speak the languages of the people a welcoming city invites;
# each name is written in its own language, so a person finds theirs without reading German.
PARTICIPANT_LANGUAGES = ("de", "en", "tr", "ar", "ru", "uk")
RTL_LANGUAGES = frozenset({"ar"})
DEFAULT_LANGUAGE = "de"
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English", "tr": "Türkçe", "ar": "العربية", "ru": "Русский",
                  "uk": "Українська"}

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
    "step.cards": {"de": "Gruppenarbeit", "en": "Group work"},
    "step.voting": {"de": "Punkte vergeben", "en": "Dot voting"},
    "step.ranking": {"de": "Ranking", "en": "Ranking"},
    "step.cards.help": {
        "de": "Die Kleingruppen schreiben Karten: Stärken, Handlungsbedarfe und Ideen. Der Beamer zeigt die Kartenwand.",
        "en": "The small groups write cards: strengths, gaps and ideas. The projector shows the card wall.",
    },
    "step.voting.help": {
        "de": "Alle verteilen ihre Punkte auf Handlungsbedarfe und Ideen. Das Ranking bleibt verborgen.",
        "en": "Everyone spends their dots on gaps and ideas. The ranking stays hidden.",
    },
    "step.ranking.help": {
        "de": "Der Beamer zeigt, was die meisten Punkte hat. Späte Punkte zählen noch, bis Sie die Eingabe sperren.",
        "en": "The projector shows what has the most dots. Late dots still count until you lock the input.",
    },
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
    "start.join.help": {
        "de": "Mit dem Code vom Beamer, ohne Anmeldung. Die Seite für Teilnehmende gibt es auch auf "
        "English, Türkçe, العربية, Русский und Українська.",
        "en": "With the code from the projector, no account needed. The participants' page also comes in "
        "Deutsch, Türkçe, العربية, Русский and Українська.",
    },
    "start.join.open": {"de": "Zur Teilnahme: Code eingeben", "en": "Take part: enter the code"},
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
    "participate.step.cards": {"de": "Gruppenarbeit: Ihre Karten", "en": "Group work: your cards"},
    "participate.step.voting": {"de": "Punkte vergeben", "en": "Give your dots"},
    "participate.step.ranking": {"de": "Das Ranking", "en": "The ranking"},
    "participate.wait.ranking": {
        "de": "Das Ranking steht jetzt am Beamer. Ihre Punkte können Sie noch ändern, bis die Moderation sperrt.",
        "en": "The ranking is on the projector now. You can still move your dots until the facilitator locks voting.",
    },
    "participate.rating.locked": {
        "de": "Die Bewertung ist gerade gesperrt. Ihre gespeicherten Antworten bleiben erhalten.",
        "en": "Rating is locked right now. Your saved answers are kept.",
    },
    "participate.join.group": {
        "de": "Sie machen in der Gruppe „{group}“ mit.",
        "en": "You are joining the group “{group}”.",
    },
    "participate.join.group_tablet": {
        "de": "Dieses Gerät wird das gemeinsame Tablet der Gruppe „{group}“. Karten von hier zählen für die ganze Gruppe.",
        "en": "This device becomes the shared tablet of the group “{group}”. Cards from here count for the whole group.",
    },
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
    "facilitate.cap": {"de": "Höchstzahl der Geräte", "en": "Most devices"},
    "facilitate.cap.help": {
        "de": "Mehr Geräte können nicht beitreten – so kann kein Skript den Workshop mit Anmeldungen fluten.",
        "en": "No more devices can join – so that no script can flood the workshop with joins.",
    },
    "facilitate.cap.save": {"de": "Höchstzahl speichern", "en": "Save limit"},
    "facilitate.cap.now": {
        "de": "Gespeichert: höchstens {cap} Geräte.",
        "en": "Saved: at most {cap} devices.",
    },
    "facilitate.step.title": {"de": "Ablauf", "en": "Agenda"},
    "facilitate.step.current": {"de": "Jetzt live: **{step}**", "en": "Live now: **{step}**"},
    "facilitate.go.checkin": {"de": "Ankommen", "en": "Arrival"},
    "facilitate.go.rating": {"de": "Bewertung starten", "en": "Start rating"},
    "facilitate.go.results": {"de": "Ergebnis zeigen", "en": "Show results"},
    "facilitate.go.cards": {"de": "Gruppenarbeit starten", "en": "Start group work"},
    "facilitate.go.voting": {"de": "Punkte vergeben", "en": "Start dot voting"},
    "facilitate.go.ranking": {"de": "Ranking zeigen", "en": "Show ranking"},
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
    "facilitate.cards": {"de": "Karten", "en": "Cards"},
    "facilitate.voters": {"de": "haben Punkte vergeben", "en": "have given dots"},
    "facilitate.tab.agenda": {"de": "Ablauf", "en": "Agenda"},
    "facilitate.tab.groups": {"de": "Gruppen", "en": "Groups"},
    "facilitate.tab.cards": {"de": "Karten moderieren", "en": "Moderate cards"},
    "facilitate.lock": {"de": "Eingabe sperren", "en": "Lock input"},
    "facilitate.locked": {
        "de": "Die Eingabe ist gesperrt: Niemand kann gerade etwas eintragen oder ändern.",
        "en": "Input is locked: nobody can enter or change anything right now.",
    },
    "facilitate.unlock": {"de": "Eingabe wieder öffnen", "en": "Reopen input"},
    "facilitate.timer": {"de": "Timer", "en": "Timer"},
    "facilitate.timer.minutes": {"de": "Minuten", "en": "Minutes"},
    "facilitate.timer.locks": {"de": "Bei null die Eingabe sperren", "en": "Lock input at zero"},
    "facilitate.timer.start": {"de": "Timer starten", "en": "Start timer"},
    "facilitate.timer.stop": {"de": "Timer anhalten", "en": "Stop timer"},
    # --- small groups (console) -------------------------------------------------
    "form.group_name": {"de": "Name der Gruppe", "en": "Group name"},
    "groups.help": {
        "de": "Jede Gruppe arbeitet an ihren Handlungsfeldern. Teilnehmende wählen ihre Gruppe auf dem Tablet "
        "oder kommen über den Link der Gruppe direkt hinein.",
        "en": "Each group works on its action fields. Participants pick their group on the tablet "
        "or come straight in through the group's link.",
    },
    "groups.none": {
        "de": "Noch keine Gruppen. Ohne Gruppen schreiben alle Karten für jedes Handlungsfeld.",
        "en": "No groups yet. Without groups everyone writes cards for every action field.",
    },
    "groups.default": {"de": "Eine Gruppe je Handlungsfeld anlegen", "en": "One group per action field"},
    "groups.new": {"de": "Neue Gruppe", "en": "New group"},
    "groups.fields": {"de": "Handlungsfelder der Gruppe", "en": "The group's action fields"},
    "groups.add": {"de": "Gruppe anlegen", "en": "Add group"},
    "groups.counts": {"de": "{members} Geräte · {cards} Karten", "en": "{members} devices · {cards} cards"},
    "groups.links": {"de": "Links und QR-Codes", "en": "Links and QR codes"},
    "groups.link.person": {"de": "Eigenes Gerät in dieser Gruppe:", "en": "Own device in this group:"},
    "groups.link.tablet": {
        "de": "Gemeinsames Gruppentablet (Karten zählen für die Gruppe):",
        "en": "Shared group tablet (cards count for the group):",
    },
    "groups.edit": {"de": "Ändern", "en": "Edit"},
    "groups.save": {"de": "Speichern", "en": "Save"},
    "groups.delete": {"de": "Löschen", "en": "Delete"},
    # --- card moderation (console) ----------------------------------------------
    "moderate.dot_rules": {
        "de": "Punkte-Regeln: {budget} je Person, höchstens {per_card} je Karte",
        "en": "Dot rules: {budget} per person, at most {per_card} per card",
    },
    "moderate.dot_budget": {"de": "Punkte je Person", "en": "Dots per person"},
    "moderate.dots_per_card": {"de": "Höchstens je Karte", "en": "At most per card"},
    "moderate.dot_rules.save": {"de": "Punkte-Regeln speichern", "en": "Save dot rules"},
    "moderate.undo": {
        "de": "Rückgängig: {action} (Karte #{card})",
        "en": "Undo: {action} (card #{card})",
    },
    "moderate.undo.nothing": {"de": "Nichts rückgängig zu machen", "en": "Nothing to undo"},
    "moderate.action.hide": {"de": "Ausblenden", "en": "Hide"},
    "moderate.action.restore": {"de": "Wieder zeigen", "en": "Restore"},
    "moderate.action.correct": {"de": "Text korrigiert", "en": "Text corrected"},
    "moderate.action.move": {"de": "Verschoben", "en": "Moved"},
    "moderate.action.merge": {"de": "Zusammengeführt", "en": "Merged"},
    "moderate.pin_wall": {
        "de": "Dieses Feld auf dem Beamer zeigen (sonst wechseln die Felder von selbst)",
        "en": "Show this field on the projector (otherwise the fields take turns)",
    },
    "moderate.dots": {"de": "{n} Punkte", "en": "{n} dots"},
    "moderate.sources": {"de": "zusammengeführt aus {ids}", "en": "merged from {ids}"},
    "moderate.original": {"de": "Ursprünglich:", "en": "Originally:"},
    "moderate.hide": {"de": "Ausblenden", "en": "Hide"},
    "moderate.restore": {"de": "Wieder zeigen", "en": "Show again"},
    "moderate.hidden": {"de": "Ausgeblendete Karten ({n})", "en": "Hidden cards ({n})"},
    "moderate.edit": {"de": "Korrigieren / verschieben", "en": "Correct / move"},
    "moderate.correct": {"de": "Text (das Original bleibt erhalten)", "en": "Text (the original is kept)"},
    "moderate.correct.save": {"de": "Text korrigieren", "en": "Correct text"},
    "moderate.move": {"de": "Verschieben", "en": "Move"},
    "moderate.merge": {"de": "Zusammenführen", "en": "Merge"},
    "moderate.merge.pick": {
        "de": "Diese doppelten Karten in diese Karte aufnehmen:",
        "en": "Merge these duplicate cards into this one:",
    },
    "moderate.merge.save": {"de": "Zusammenführen", "en": "Merge"},
    # --- cards on the tablet ---------------------------------------------------------
    "kind.strength": {"de": "Stärke", "en": "Strength"},
    "kind.gap": {"de": "Handlungsbedarf", "en": "Gap"},
    "kind.idea": {"de": "Idee", "en": "Idea"},
    "kind.strength.plural": {"de": "Stärken", "en": "Strengths"},
    "kind.gap.plural": {"de": "Handlungsbedarfe", "en": "Gaps"},
    "kind.idea.plural": {"de": "Ideen", "en": "Ideas"},
    "kind.strength.help": {"de": "Das klappt schon gut", "en": "What already works"},
    "kind.gap.help": {"de": "Das fehlt noch", "en": "What is missing"},
    "kind.idea.help": {"de": "Das könnten wir tun", "en": "What we could do"},
    "cards.intro": {
        "de": "Schreiben Sie auf, was gut läuft, was fehlt und was man tun könnte – eine Karte je Gedanke.",
        "en": "Write down what works, what is missing and what could be done – one card per thought.",
    },
    "cards.locked": {
        "de": "Die Kartenrunde ist gerade gesperrt. Ihre Karten bleiben gespeichert.",
        "en": "The card round is locked right now. Your cards stay saved.",
    },
    "cards.pick_group": {"de": "Bitte wählen Sie zuerst Ihre Gruppe.", "en": "Please pick your group first."},
    "cards.group": {"de": "Ihre Gruppe", "en": "Your group"},
    "cards.your_group": {"de": "Ihre Gruppe: **{group}**", "en": "Your group: **{group}**"},
    "cards.group_tablet": {"de": "Gruppentablet: **{group}**", "en": "Group tablet: **{group}**"},
    "cards.change_group": {"de": "Gruppe wechseln", "en": "Change group"},
    "cards.new": {"de": "Neue Karte", "en": "New card"},
    "cards.kind": {"de": "Art der Karte", "en": "Kind of card"},
    "cards.pick_kind": {
        "de": "Bitte wählen Sie: Stärke, Handlungsbedarf oder Idee. Ihr Text ist noch da.",
        "en": "Please choose: strength, gap or idea. Your text is still there.",
    },
    "cards.text": {"de": "Ihr Text (3 bis 500 Zeichen)", "en": "Your text (3 to 500 characters)"},
    "cards.text.placeholder": {
        "de": "Zum Beispiel: Das Bürgerbüro hat Sprechzeiten auf Türkisch und Arabisch.",
        "en": "For example: the citizens' office has opening hours in Turkish and Arabic.",
    },
    "cards.save": {"de": "Karte speichern", "en": "Save card"},
    "cards.saved": {"de": "Gespeichert: Ihre Karte „{kind}“.", "en": "Saved: your “{kind}” card."},
    "cards.mine": {"de": "Meine Karten ({n})", "en": "My cards ({n})"},
    "cards.none_yet": {"de": "Noch keine Karten.", "en": "No cards yet."},
    "cards.moderated": {
        "de": "Die Moderation hat diese Karte bearbeitet, deshalb können Sie sie nicht mehr ändern.",
        "en": "The facilitator has edited this card, so you can no longer change it.",
    },
    "cards.edit": {"de": "Ändern", "en": "Edit"},
    "cards.save_edit": {"de": "Änderung speichern", "en": "Save change"},
    "cards.edited": {"de": "Gespeichert: Ihre Änderung.", "en": "Saved: your change."},
    "cards.delete": {"de": "Löschen", "en": "Delete"},
    "cards.delete_confirm": {"de": "Diese Karte wirklich löschen?", "en": "Really delete this card?"},
    "cards.delete_yes": {"de": "Ja, löschen", "en": "Yes, delete"},
    "cards.deleted": {"de": "Die Karte ist gelöscht.", "en": "The card is deleted."},
    # --- dot voting on the tablet ---------------------------------------------------
    "vote.left": {"de": "Noch {left} von {budget} Punkten frei", "en": "{left} of {budget} dots left"},
    "vote.intro": {
        "de": "Was ist am wichtigsten? Verteilen Sie Ihre Punkte auf Handlungsbedarfe und Ideen, "
        "höchstens {per_card} je Karte. Sie können Punkte jederzeit zurücknehmen.",
        "en": "What matters most? Spread your dots over gaps and ideas, "
        "at most {per_card} per card. You can take dots back at any time.",
    },
    "vote.locked": {
        "de": "Die Punktevergabe ist gesperrt. Ihre Punkte sind gespeichert.",
        "en": "Voting is locked. Your dots are saved.",
    },
    "vote.named": {"de": "{n}× genannt", "en": "named {n}×"},
    "vote.field": {"de": "Karten aus welchem Feld?", "en": "Cards from which field?"},
    "vote.field_option": {"de": "{field} · {cards} Karten", "en": "{field} · {cards} cards"},
    "vote.field_option.one": {"de": "{field} · 1 Karte", "en": "{field} · 1 card"},
    "vote.control": {"de": "Ihre Punkte für: {text}", "en": "Your dots for: {text}"},
    # --- timer -----------------------------------------------------------------------
    "timer.time_left": {"de": "Restzeit", "en": "Time left"},
    "timer.locks_at_zero": {"de": "Restzeit – bei null wird gesperrt", "en": "Time left – locks at zero"},
    "timer.over": {"de": "Die Zeit ist um", "en": "Time is up"},
    "timer.over_locked": {"de": "Die Zeit ist um – Eingabe gesperrt", "en": "Time is up – input locked"},
    # --- card wall and ranking (projector) --------------------------------------------
    "wall.groups": {"de": "Gruppen und ihre Karten:", "en": "Groups and their cards:"},
    "wall.empty": {"de": "Noch keine Karten.", "en": "No cards yet."},
    "wall.page": {"de": "Seite {page} von {pages}", "en": "page {page} of {pages}"},
    "wall.named": {"de": "{n}× genannt", "en": "named {n}×"},
    "wall.dots": {"de": "{n} Punkte", "en": "{n} dots"},
    "ranking.no_dots": {"de": "Noch keine Punkte.", "en": "No dots yet."},
    "ranking.top.gap": {"de": "Wichtigste Handlungsbedarfe", "en": "Top gaps"},
    "ranking.top.idea": {"de": "Wichtigste Ideen", "en": "Top ideas"},
    "projector.locked": {"de": "gesperrt", "en": "locked"},
    "projector.voters": {"de": "{n} haben schon Punkte vergeben", "en": "{n} have given dots so far"},
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
    "results.cards": {"de": "Karten der Gruppen", "en": "The groups' cards"},
    "results.no_cards": {"de": "Noch keine Karten.", "en": "No cards yet."},
    "results.cards_per_group": {"de": "Karten je Gruppe", "en": "Cards per group"},
    "results.group": {"de": "Gruppe", "en": "Group"},
    "results.no_group": {"de": "ohne Gruppe", "en": "no group"},
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
    "error.unknown_group": {
        "de": "Diese Gruppe gibt es in diesem Workshop nicht (mehr).",
        "en": "This group does not exist in this workshop (any more).",
    },
    "error.group_needed": {"de": "Bitte wählen Sie zuerst Ihre Gruppe.", "en": "Please pick your group first."},
    "error.field_not_in_group": {
        "de": "Ihre Gruppe „{group}“ arbeitet nicht an diesem Handlungsfeld. Bitte ein Feld Ihrer Gruppe wählen.",
        "en": "Your group “{group}” does not work on this action field. Please pick one of your group's fields.",
    },
    "error.group_has_cards": {
        "de": "Diese Gruppe hat schon Karten geschrieben und kann nicht mehr gelöscht werden. Sie können sie umbenennen.",
        "en": "This group has written cards already and cannot be deleted. You can rename it.",
    },
    "error.unknown_card": {"de": "Diese Karte gibt es nicht (mehr).", "en": "This card does not exist (any more)."},
    "error.not_your_card": {
        "de": "Sie können nur Ihre eigenen Karten ändern.",
        "en": "You can only change your own cards.",
    },
    "error.card_moderated": {
        "de": "Die Moderation hat diese Karte schon bearbeitet, deshalb kann sie nicht mehr geändert werden.",
        "en": "The facilitator has already edited this card, so it can no longer be changed.",
    },
    "error.cards_closed": {
        "de": "Karten können gerade nicht geschrieben oder geändert werden. Ihre gespeicherten Karten bleiben erhalten.",
        "en": "Cards cannot be written or changed right now. Your saved cards are kept.",
    },
    "error.voting_closed": {
        "de": "Die Punktevergabe ist gerade nicht offen. Ihre gespeicherten Punkte bleiben erhalten.",
        "en": "Voting is not open right now. Your saved dots are kept.",
    },
    "error.card_not_votable": {
        "de": "Auf diese Karte können keine Punkte mehr – Punkte gibt es für sichtbare Handlungsbedarfe und Ideen.",
        "en": "This card cannot take dots – dots go to visible gaps and ideas.",
    },
    "error.dot_budget_exceeded": {
        "de": "Alle Ihre {budget} Punkte sind verteilt. Nehmen Sie woanders einen Punkt zurück.",
        "en": "All your {budget} dots are spent. Take a dot back somewhere else.",
    },
    "error.dot_budget_too_few": {
        "de": "So viele Punkte sind nicht mehr frei (frei: {left} von {budget}). Wählen Sie weniger "
        "oder nehmen Sie woanders einen Punkt zurück.",
        "en": "Not that many dots are free ({left} of {budget} left). Choose fewer or take a dot back "
        "somewhere else.",
    },
    "error.dots_changed": {
        "de": "Diese Karte wurde inzwischen anders bepunktet, vielleicht in einem anderen Fenster. "
        "Jetzt gespeichert: {stored}. Bitte noch einmal wählen.",
        "en": "The dots on this card changed in the meantime, perhaps in another window. "
        "Saved now: {stored}. Please choose again.",
    },
    "error.workshop_full": {
        "de": "Dieser Workshop ist voll ({cap} Geräte sind dabei). Bitte sprechen Sie die Moderation an.",
        "en": "This workshop is full ({cap} devices have joined). Please ask the facilitator.",
    },
    "error.dots_per_card_exceeded": {
        "de": "Höchstens {max} Punkte je Karte.",
        "en": "At most {max} dots per card.",
    },
    "error.nothing_to_undo": {"de": "Es gibt nichts rückgängig zu machen.", "en": "There is nothing to undo."},
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
    "problem.card_too_short": {
        "de": "Die Karte ist zu kurz: bitte mindestens {min} Zeichen schreiben.",
        "en": "The card is too short: please write at least {min} characters.",
    },
    "problem.card_too_long": {
        "de": "Die Karte ist zu lang: {length} Zeichen, erlaubt sind höchstens {max}. Bitte kürzen – Ihr Text ist noch da.",
        "en": "The card is too long: {length} characters, at most {max} are allowed. Please shorten it – your text is still there.",
    },
    "problem.unknown_kind": {
        "de": "„{kind}“ ist keine Art von Karte. Möglich sind Stärke, Handlungsbedarf und Idee.",
        "en": "“{kind}” is not a kind of card. Possible are strength, gap and idea.",
    },
    "problem.group_name_missing": {"de": "Bitte einen Namen für die Gruppe eingeben.", "en": "Please enter a name for the group."},
    "problem.group_fields_missing": {
        "de": "Bitte mindestens ein Handlungsfeld für die Gruppe wählen.",
        "en": "Please choose at least one action field for the group.",
    },
    "problem.group_name_taken": {
        "de": "Eine Gruppe „{name}“ gibt es schon. Bitte einen anderen Namen wählen.",
        "en": "There is a group “{name}” already. Please choose another name.",
    },
    "problem.groups_exist": {
        "de": "Es gibt schon Gruppen. Bitte ändern oder löschen Sie diese einzeln.",
        "en": "There are groups already. Please edit or delete them one by one.",
    },
    "problem.group_tablet_needs_group": {
        "de": "Ein Gruppentablet braucht eine Gruppe. Bitte den Link der Gruppe aus der Moderation verwenden.",
        "en": "A group tablet needs a group. Please use the group's link from the facilitation page.",
    },
    "problem.card_not_on_wall": {
        "de": "Karte #{card} ist ausgeblendet oder schon zusammengeführt.",
        "en": "Card #{card} is hidden or merged already.",
    },
    "problem.merge_needs_two": {
        "de": "Bitte mindestens eine andere Karte zum Zusammenführen wählen.",
        "en": "Please choose at least one other card to merge.",
    },
    "problem.bad_participant_cap": {
        "de": "Höchstzahl der Geräte: eine ganze Zahl von 1 bis {max}.",
        "en": "Most devices: a whole number from 1 to {max}.",
    },
    "problem.bad_dots": {
        "de": "„{dots}“ ist keine gültige Zahl von Punkten.",
        "en": "“{dots}” is not a valid number of dots.",
    },
    "problem.bad_dot_rules": {
        "de": "Punkte je Person: 1 bis {max}; je Karte: 1 bis zu den Punkten je Person.",
        "en": "Dots per person: 1 to {max}; per card: 1 up to the dots per person.",
    },
    "problem.bad_timer": {
        "de": "Der Timer braucht eine Dauer von mehr als 0 bis {max} Minuten.",
        "en": "The timer needs a duration of more than 0 and up to {max} minutes.",
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
MESSAGES.update(TASKFORCE_MESSAGES)
MESSAGES.update(EXPORT_MESSAGES)
MESSAGES.update(REPORT_MESSAGES)
MESSAGES.update(EXCHANGE_MESSAGES)
MESSAGES.update(STORAGE_MESSAGES)
MESSAGES.update(ACCESSIBILITY_MESSAGES)
MESSAGES.update(PARTICIPANT_MESSAGES)
for _key, _texts in COMMUNITY_MESSAGES.items():
    MESSAGES[_key].update(_texts)  # adds languages to existing keys; an unknown key fails at import


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """Return the message ``key`` in ``lang``, formatted with ``params``.

    A language the key lacks falls back to German, so a participant sees a
    sentence, if not theirs, rather than a gap. An unknown key raises KeyError:
    a missing text is a bug that the catalogue test must catch, not a blank on
    the projector.
    """
    entry = MESSAGES[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def normalize_language(value: object, languages: tuple[str, ...] = LANGUAGES) -> str:
    """Turn a query-parameter value into one of ``languages`` (German when it is none of them)."""
    text = str(value or "").strip().lower()[:2]
    return text if text in languages else DEFAULT_LANGUAGE


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


def fmt_change(value: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 1, minus: str = "−") -> str:
    """A difference that reads as one: ``+0,5`` / ``−1,0`` / ``±0,0``; a dash when missing.
    ``st.metric`` needs the ASCII ``minus="-"`` to point its arrow down."""
    if value is None or math.isnan(value):
        return MESSAGES["common.not_available"][DEFAULT_LANGUAGE]
    sign = "+" if value > 0 else minus if value < 0 else "±"
    return sign + fmt_number(abs(value), lang, digits=digits)


# Colour is never the only carrier of a verdict, a trend or a reading: each has a word and a
# symbol. Keys are the catalogue's prefixes, so ``marked("trend", "improved", lang)`` finds its word.
SYMBOLS = {
    "verdict": {"strength": "▲", "gap": "▼", "contested": "◆", "too_few": "…"},
    "trend": {"improved": "↑", "fell_back": "↓", "unchanged": "→", "too_few": "…"},
    "perspective.view": {"admin_higher": "▲", "admin_lower": "▼", "agree": "=", "no_data": "…"},
}


def marked(kind: str, value: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The symbol and the word of a verdict, trend or reading, joined by a no-break space, so the
    symbol never stands alone on a line."""
    return f"{SYMBOLS[kind][value]}\u00a0{t(f'{kind}.{value}', lang)}"


def fmt_date(value: dt.date | str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """Format a date: ``23.11.2026`` in German, ``23 Nov 2026`` in English."""
    if value is None or value == "":
        return MESSAGES["common.not_available"][DEFAULT_LANGUAGE]
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if lang == "de":
        return value.strftime("%d.%m.%Y")
    return value.strftime("%d %b %Y")
