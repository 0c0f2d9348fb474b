"""Errors a person can cause, each with a message from the catalogue.

``str(error)`` is the German message, so a script or the CLI prints something
readable; pages call ``error.message(lang)`` for the participant's language.
"""

from __future__ import annotations

from werkstatt.i18n import DEFAULT_LANGUAGE, N_, P_, nt, t


class WerkstattError(Exception):
    """Something a person did that the workshop cannot accept."""

    key: str | tuple[str, str] = P_("Das hat leider nicht geklappt.")
    counts = ""  # the param a (singular, plural) key counts

    def __init__(self, **params: object):
        self.params = params
        super().__init__(self.message(DEFAULT_LANGUAGE))

    def message(self, lang: str) -> str:
        if self.counts:
            params = dict(self.params)
            return nt(*self.key, params.pop(self.counts), lang, **params)
        return t(self.key, lang, **self.params)


class InvalidInput(WerkstattError):
    """A form value is missing or malformed (``problem`` is a message key)."""

    key = P_("Bitte die Eingabe prüfen.")

    def message(self, lang: str) -> str:
        params = dict(self.params)
        if "label" in params:  # the name of the form field, itself a message key
            params["label"] = t(params["label"], lang)
        return t(params.pop("problem"), lang, **params)


class UnknownJoinCode(WerkstattError):
    """No open workshop has this join code."""

    key = P_("Zum Code „{code}“ gibt es keinen offenen Workshop. Bitte den Code auf dem Beamer noch "
             "einmal prüfen.")


class UnknownParticipant(WerkstattError):
    """The participant token is not known (a link from another workshop or mistyped)."""

    key = P_("Dieser Teilnahme-Link ist nicht bekannt. Bitte mit dem Code vom Beamer neu anmelden.")


class UnknownWorkshop(WerkstattError):
    """No workshop with this id."""

    key = P_("Diesen Workshop gibt es nicht (mehr).")


class UnknownField(WerkstattError):
    """The field is not in the workshop's fieldset."""

    key = P_("Das Handlungsfeld „{field}“ gehört nicht zu diesem Workshop.")


class UnknownSector(WerkstattError):
    """The sector is not offered by the workshop's fieldset."""

    key = P_("Den Bereich „{sector}“ gibt es in diesem Workshop nicht.")


class InvalidLevel(WerkstattError):
    """The rating level is not on the scale."""

    key = P_("„{level}“ ist keine Stufe der Skala. Erlaubt sind {levels} oder „kann ich nicht "
             "einschätzen“.")


class RatingClosed(WerkstattError):
    """Ratings are only accepted while the rating step is live."""

    key = P_("Die Bewertung ist gerade nicht geöffnet. Ihre gespeicherten Antworten bleiben erhalten.")


class WorkshopClosed(WerkstattError):
    """The workshop has ended; nothing can be joined or changed."""

    key = P_("Dieser Workshop ist beendet. Vielen Dank fürs Mitmachen!")


class WorkshopFull(WerkstattError):
    """The workshop has reached its participant cap (set in the console)."""

    key = P_("Dieser Workshop ist voll ({n} Gerät ist dabei). Bitte sprechen Sie die Moderation an.",
             "Dieser Workshop ist voll ({n} Geräte sind dabei). Bitte sprechen Sie die Moderation an.")
    counts = "cap"


class InvalidStep(WerkstattError):
    """No agenda step has this id."""

    key = N_("Den Schritt „{step}“ gibt es nicht. Möglich sind: {steps}.")


class StepMoveNotAllowed(WerkstattError):
    """The agenda does not allow this move of the live step."""

    key = N_("Der Workshop ist abgeschlossen und kann nicht wieder geöffnet werden.")


class WrongPin(WerkstattError):
    """The facilitator PIN does not match."""

    key = N_("Die PIN stimmt nicht. Noch {n} Versuch, dann wird die Moderation für {minutes} Minuten "
             "gesperrt.",
             "Die PIN stimmt nicht. Noch {n} Versuche, dann wird die Moderation für {minutes} Minuten "
             "gesperrt.")
    counts = "attempts_left"


class PinLocked(WerkstattError):
    """Too many wrong PINs in a row; the console is locked for a while."""

    key = N_("Zu viele falsche PINs. Die Moderation ist gesperrt. Bitte in {n} Minute noch einmal "
             "versuchen.",
             "Zu viele falsche PINs. Die Moderation ist gesperrt. Bitte in {n} Minuten noch einmal "
             "versuchen.")
    counts = "minutes"


class NotAuthorized(WerkstattError):
    """The facilitator link is not (or no longer) valid."""

    key = N_("Für die Moderation bitte zuerst mit Code und PIN anmelden.")


class UnknownGroup(WerkstattError):
    """No group with this id in the workshop."""

    key = P_("Diese Gruppe gibt es in diesem Workshop nicht (mehr).")


class GroupNeeded(WerkstattError):
    """The workshop has groups, and cards are written in one."""

    key = P_("Bitte wählen Sie zuerst Ihre Gruppe.")


class FieldNotInGroup(WerkstattError):
    """The participant's group does not work on this field."""

    key = P_("Ihre Gruppe „{group}“ arbeitet nicht an diesem Handlungsfeld. Bitte ein Feld Ihrer "
             "Gruppe wählen.")


class GroupHasCards(WerkstattError):
    """A group with cards cannot be deleted: the cards would lose their group."""

    key = N_("Diese Gruppe hat schon Karten geschrieben und kann nicht mehr gelöscht werden. Sie "
             "können sie umbenennen.")


class UnknownCard(WerkstattError):
    """No card with this id in the workshop."""

    key = P_("Diese Karte gibt es nicht (mehr).")


class NotYourCard(WerkstattError):
    """A participant may change only the cards they wrote."""

    key = P_("Sie können nur Ihre eigenen Karten ändern.")


class CardModerated(WerkstattError):
    """The facilitator has hidden, corrected or merged the card; its author can no longer change it."""

    key = P_("Die Moderation hat diese Karte schon bearbeitet, deshalb kann sie nicht mehr geändert "
             "werden.")


class CardsClosed(WerkstattError):
    """Cards are written, edited and deleted only while the card step is open."""

    key = P_("Karten können gerade nicht geschrieben oder geändert werden. Ihre gespeicherten Karten "
             "bleiben erhalten.")


class VotingClosed(WerkstattError):
    """Dots are given and taken back only while voting is open."""

    key = P_("Die Punktevergabe ist gerade nicht offen. Ihre gespeicherten Punkte bleiben erhalten.")


class CardNotVotable(WerkstattError):
    """Dots go to visible gaps and ideas only."""

    key = P_("Auf diese Karte können keine Punkte mehr – Punkte gibt es für sichtbare "
             "Handlungsbedarfe und Ideen.")


class DotBudgetExceeded(WerkstattError):
    """Not enough of the participant's dots are free for this choice (``left`` are)."""

    key = P_("Ihr {n} Punkt ist verteilt. Nehmen Sie ihn woanders zurück.",
             "Alle Ihre {n} Punkte sind verteilt. Nehmen Sie woanders einen Punkt zurück.")
    counts = "budget"

    def message(self, lang: str) -> str:
        if not self.params.get("left"):
            return super().message(lang)
        return t(P_("So viele Punkte sind nicht mehr frei (frei: {left} von {budget}). Wählen Sie weniger "
                    "oder nehmen Sie woanders einen Punkt zurück."), lang, **self.params)


class DotsChanged(WerkstattError):
    """The card's dots changed since this screen showed them (another tab of the same person):
    the tap is refused rather than overwrite what the other tab stored."""

    key = P_("Diese Karte wurde inzwischen anders bepunktet, vielleicht in einem anderen Fenster. "
             "Jetzt gespeichert: {stored}. Bitte noch einmal wählen.")


class DotsPerCardExceeded(WerkstattError):
    """No card takes more than the workshop's dots per card from one participant."""

    key = P_("Höchstens {n} Punkt je Karte.", "Höchstens {n} Punkte je Karte.")
    counts = "max"


class NothingToUndo(WerkstattError):
    """Every moderation action is already undone."""

    key = N_("Es gibt nichts rückgängig zu machen.")


class UnknownProcess(WerkstattError):
    """No process has this code."""

    key = N_("Zum Code „{code}“ gibt es keinen Prozess. Bitte prüfen Sie den Prozess-Code (nicht den "
             "Teilnahme-Code).")


class WrongPassword(WerkstattError):
    """The task-force password does not match (``attempts_left`` before the lock)."""

    key = N_("Das Passwort stimmt nicht. Noch {n} Versuch, dann ist die Anmeldung {minutes} Minuten "
             "gesperrt.",
             "Das Passwort stimmt nicht. Noch {n} Versuche, dann ist die Anmeldung {minutes} Minuten "
             "gesperrt.")
    counts = "attempts_left"


class PasswordLocked(WerkstattError):
    """Too many wrong task-force passwords in a row: wait ``minutes``."""

    key = N_("Zu viele falsche Passwörter. Bitte in {n} Minute noch einmal versuchen.",
             "Zu viele falsche Passwörter. Bitte in {n} Minuten noch einmal versuchen.")
    counts = "minutes"


class UnknownMember(WerkstattError):
    """No task-force member with this id in the process (or already removed)."""

    key = N_("Dieses Mitglied gibt es nicht (mehr).")


class UnknownAction(WerkstattError):
    """No action with this id in the process."""

    key = N_("Diese Maßnahme gibt es nicht (mehr).")


class ActionChanged(WerkstattError):
    """Someone saved the action since this form was opened; the form keeps what was typed."""

    key = N_("Nicht gespeichert: Jemand hat diese Maßnahme inzwischen geändert. Ihre Eingaben sind "
             "noch da.")


class SelfCheckFileError(WerkstattError):
    """A self-check file that cannot be imported; ``problems`` are (message key, params) pairs,
    one per broken row or column, so every language lists them all."""

    key = N_("Die Datei wurde nicht übernommen, es hat sich nichts geändert. Bitte korrigieren:")
    MAX_SHOWN = 8

    def message(self, lang: str) -> str:
        problems = self.params["problems"]
        lines = [t(key, lang, **params) for key, params in problems[: self.MAX_SHOWN]]
        if len(problems) > self.MAX_SHOWN:
            lines.append(t("… und {n} weitere.", lang, n=len(problems) - self.MAX_SHOWN))
        return t(self.key, lang) + "\n" + "\n".join(f"- {line}" for line in lines)


class TaskforceNotAuthorized(NotAuthorized):
    """No valid task-force sign-in (a participant's or facilitator's link opens nothing here)."""

    key = N_("Für den Taskforce-Bereich bitte zuerst auf der Startseite mit Prozess-Code und "
             "Passwort anmelden.")


class StorageError(WerkstattError):
    """SQLite refused to write the database file. The write transaction is rolled back, so
    nothing of the refused action is stored and everything committed before stays intact;
    ``start_message`` says the same for a server that cannot open its file at all."""

    start_key = N_("Werkstatt kann nicht starten: Die Datenbankdatei {path} lässt sich nicht öffnen "
                   "({reason}). Es wurde nichts verändert. Bitte prüfen, ob WERKSTATT_DB auf die "
                   "richtige Datei zeigt (oder die Sicherung zurückspielen), dann die Seite neu "
                   "laden.")

    def start_message(self, lang: str) -> str:
        return t(self.start_key, lang, **self.params)


class StorageFull(StorageError):
    """The disk holding the database file is full (SQLITE_FULL, or ENOSPC for its folder)."""

    key = P_("Nicht gespeichert: Der Speicherplatz auf dem Server ist voll. Von Ihrer letzten "
             "Eingabe wurde nichts übernommen; alles, was vorher gespeichert war, bleibt sicher "
             "erhalten. Die Moderation (oder wer den Server betreut) muss Speicherplatz freigeben – "
             "danach die Eingabe einfach wiederholen.")
    start_key = N_("Werkstatt kann nicht starten: Auf dem Datenträger der Datenbankdatei {path} ist "
                   "kein Speicherplatz mehr frei. Es wurde nichts verändert. Bitte Speicherplatz "
                   "freigeben und die Seite dann neu laden.")


class StorageReadOnly(StorageError):
    """The database file, or the folder its write-ahead log goes into, cannot be written
    (SQLITE_READONLY; SQLITE_CANTOPEN when the -wal/-shm files cannot be created)."""

    key = P_("Nicht gespeichert: Die Datenbankdatei auf dem Server ist schreibgeschützt. Von Ihrer "
             "letzten Eingabe wurde nichts übernommen; alles, was vorher gespeichert war, bleibt "
             "sicher erhalten. Die Moderation (oder wer den Server betreut) muss die Datei und ihren "
             "Ordner wieder beschreibbar machen – danach die Eingabe einfach wiederholen.")
    start_key = N_("Werkstatt kann nicht starten: Die Datenbankdatei {path} lässt sich nicht anlegen "
                   "oder beschreiben (Datei oder Ordner schreibgeschützt). Es wurde nichts "
                   "verändert. Bitte Datei und Ordner beschreibbar machen oder mit der "
                   "Umgebungsvariable WERKSTATT_DB einen beschreibbaren Ort angeben, dann die Seite "
                   "neu laden.")


class StorageUnusable(StorageError):
    """The file cannot be opened as this app's database at all (not a database, damaged, a
    migration failed, a folder in the way): only at start, with SQLite's or the OS's ``reason``."""

    key = N_("Werkstatt kann nicht starten: Die Datenbankdatei {path} lässt sich nicht öffnen "
             "({reason}). Es wurde nichts verändert. Bitte prüfen, ob WERKSTATT_DB auf die richtige "
             "Datei zeigt (oder die Sicherung zurückspielen), dann die Seite neu laden.")


class OrganizerNotAuthorized(NotAuthorized):
    """No valid organiser sign-in (a participant's, facilitator's or task force's link opens
    nothing here)."""

    key = N_("Bitte melden Sie sich zuerst mit Ihrem Namen und Passwort an.")


class OrganizerSessionExpired(OrganizerNotAuthorized):
    """The organiser's session ran out (``werkstatt.organizers.SESSION_HOURS``)."""

    key = N_("Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich neu an.")


class WrongOrganizerPassword(WerkstattError):
    """Name or password wrong. One message for both, so nobody can find out which names have
    an account; the count before the lock is left out for the same reason."""

    key = N_("Name oder Passwort stimmen nicht. Nach mehreren falschen Versuchen in Folge wird das "
             "Konto {minutes} Minuten gesperrt.")


class OrganizerLocked(WerkstattError):
    """Too many wrong passwords for this account in a row: wait ``minutes``."""

    key = N_("Zu viele falsche Passwörter. Das Konto ist gesperrt. Bitte in {n} Minute noch einmal "
             "versuchen.",
             "Zu viele falsche Passwörter. Das Konto ist gesperrt. Bitte in {n} Minuten noch einmal "
             "versuchen.")
    counts = "minutes"


class InvitationInvalid(WerkstattError):
    """The invitation link was used already, has expired or never existed."""

    key = N_("Dieser Einladungslink gilt nicht (mehr): Er wurde schon benutzt oder ist abgelaufen. "
             "Bitte fragen Sie beim Betrieb des Servers nach einem neuen Link.")


class UnknownOrganizer(WerkstattError):
    """No account has this name (the operator's command line, or a hand-over)."""

    key = N_("Ein Konto mit dem Namen „{name}“ gibt es nicht.")
