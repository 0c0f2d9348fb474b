"""German and English texts that only the light participant client (``werkstatt.web``) shows.

The texts its screens share with the rest of the app (the steps, the scale, the card kinds,
every error) stay in the main catalogue; Turkish, Arabic, Russian and Ukrainian for all of
them are in ``messages_community``.
"""

from __future__ import annotations

PARTICIPANT_MESSAGES: dict[str, dict[str, str]] = {
    "web.title": {"de": "Mitmachen", "en": "Take part"},
    "web.skip": {"de": "Zum Inhalt springen", "en": "Skip to the content"},
    "web.code.intro": {
        "de": "Geben Sie den Code ein, der am Beamer steht. Groß- und Kleinschreibung ist egal.",
        "en": "Type the code shown on the projector. Upper or lower case does not matter.",
    },
    "web.code.missing": {"de": "Bitte geben Sie den Code vom Beamer ein.", "en": "Please type the code from the projector."},
    "web.code.hint": {"de": "6 Zeichen, zum Beispiel K7Q2XY", "en": "6 characters, for example K7Q2XY"},
    "web.sector.none": {"de": "Keine Angabe", "en": "Prefer not to say"},
    "web.join.again": {
        "de": "Auf diesem Gerät sind Sie schon dabei.",
        "en": "You have already joined on this device.",
    },
    "web.join.continue": {"de": "Weiter zu meinen Antworten", "en": "Continue to my answers"},
    "web.join.new": {
        "de": "Oder melden Sie sich unten neu an, wenn jemand anderes dieses Gerät benutzt.",
        "en": "Or join anew below if someone else uses this device.",
    },
    "web.error.title": {"de": "Das hat nicht geklappt", "en": "That did not work"},
    "web.rating.send": {"de": "Bewertung speichern", "en": "Save rating"},
    "web.group": {"de": "Ihre Gruppe:", "en": "Your group:"},
    "web.group_tablet": {"de": "Gruppentablet der Gruppe:", "en": "Group tablet of the group:"},
    "web.group.fields": {"de": "Ihre Themen:", "en": "Your topics:"},
    "web.group.choose": {"de": "Gruppe wählen", "en": "Choose group"},
    "web.group.chosen": {"de": "Ihre Gruppe ist gespeichert.", "en": "Your group is saved."},
    "web.card.field": {"de": "Zu welchem Thema?", "en": "On which topic?"},
    "web.card.kept": {
        "de": "Ihr Text bleibt hier stehen und kann gesendet werden, sobald die Eingabe wieder offen ist.",
        "en": "Your text stays here and can be sent as soon as input is open again.",
    },
    "web.card.count": {"de": "{n} von {max} Zeichen", "en": "{n} of {max} characters"},
    "web.dots.legend": {"de": "Ihre Punkte für diese Karte", "en": "Your dots for this card"},
    "web.dots.send": {"de": "Punkte speichern", "en": "Save dots"},
    "web.dots.none_yet": {
        "de": "Noch keine Karten zum Bepunkten. Diese Seite wechselt von selbst.",
        "en": "No cards to vote on yet. This page changes by itself.",
    },
    "web.dots.on_field": {"de": "Ihre Punkte hier: {n}", "en": "Your dots here: {n}"},
    "web.results.title": {"de": "Das Ergebnis im Raum", "en": "The room's result"},
    "web.results.median": {"de": "Mittlere Einschätzung (Median): {level}", "en": "Middle rating (median): {level}"},
    "web.results.answers": {"de": "Antworten: {n}", "en": "Answers: {n}"},
    "web.results.yours": {"de": "Ihre Antwort: {level}", "en": "Your answer: {level}"},
    "web.offline": {
        "de": "Keine Verbindung. Ihre Eingabe ist auf diesem Gerät gemerkt und wird gesendet, "
        "sobald das Netz wieder da ist.",
        "en": "No connection. Your input is kept on this device and will be sent as soon as the "
        "network is back.",
    },
    "web.sending": {"de": "Wird gesendet …", "en": "Sending …"},
    "web.back_online": {"de": "Wieder verbunden. Alles ist gesendet.", "en": "Connected again. Everything is sent."},
    "web.not_found": {
        "de": "Diesen Link kennen wir nicht. Bitte geben Sie den Code vom Beamer ein.",
        "en": "We do not know this link. Please type the code from the projector.",
    },
    "web.too_large": {
        "de": "Das war zu viel Text auf einmal. Bitte fassen Sie sich kürzer.",
        "en": "That was too much text at once. Please keep it shorter.",
    },
}
