"""Errors a person can cause, each with a message from the catalogue.

``str(error)`` is the German message, so a script or the CLI prints something
readable; pages call ``error.message(lang)`` for the participant's language.
"""

from __future__ import annotations

from werkstatt.i18n import DEFAULT_LANGUAGE, t


class WerkstattError(Exception):
    """Something a person did that the workshop cannot accept."""

    key = "error.generic"

    def __init__(self, **params: object):
        self.params = params
        super().__init__(self.message(DEFAULT_LANGUAGE))

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


class InvalidInput(WerkstattError):
    """A form value is missing or malformed (``problem`` is a message key)."""

    key = "error.invalid_input"

    def message(self, lang: str) -> str:
        params = dict(self.params)
        if "label" in params:  # the name of the form field, itself a message key
            params["label"] = t(params["label"], lang)
        return t(params.pop("problem"), lang, **params)


class UnknownJoinCode(WerkstattError):
    """No open workshop has this join code."""

    key = "error.unknown_join_code"


class UnknownParticipant(WerkstattError):
    """The participant token is not known (a link from another workshop or mistyped)."""

    key = "error.unknown_participant"


class UnknownWorkshop(WerkstattError):
    """No workshop with this id."""

    key = "error.unknown_workshop"


class UnknownField(WerkstattError):
    """The field is not in the workshop's fieldset."""

    key = "error.unknown_field"


class UnknownSector(WerkstattError):
    """The sector is not offered by the workshop's fieldset."""

    key = "error.unknown_sector"


class InvalidLevel(WerkstattError):
    """The rating level is not on the scale."""

    key = "error.invalid_level"


class RatingClosed(WerkstattError):
    """Ratings are only accepted while the rating step is live."""

    key = "error.rating_closed"


class WorkshopClosed(WerkstattError):
    """The workshop has ended; nothing can be joined or changed."""

    key = "error.workshop_closed"


class WorkshopFull(WerkstattError):
    """The workshop has reached its participant cap (set in the console)."""

    key = "error.workshop_full"


class InvalidStep(WerkstattError):
    """No agenda step has this id."""

    key = "error.invalid_step"


class StepMoveNotAllowed(WerkstattError):
    """The agenda does not allow this move of the live step."""

    key = "error.step_move_not_allowed"


class WrongPin(WerkstattError):
    """The facilitator PIN does not match."""

    key = "error.wrong_pin"


class PinLocked(WerkstattError):
    """Too many wrong PINs in a row; the console is locked for a while."""

    key = "error.pin_locked"


class NotAuthorized(WerkstattError):
    """The facilitator link is not (or no longer) valid."""

    key = "error.not_authorized"


class UnknownGroup(WerkstattError):
    """No group with this id in the workshop."""

    key = "error.unknown_group"


class GroupNeeded(WerkstattError):
    """The workshop has groups, and cards are written in one."""

    key = "error.group_needed"


class FieldNotInGroup(WerkstattError):
    """The participant's group does not work on this field."""

    key = "error.field_not_in_group"


class GroupHasCards(WerkstattError):
    """A group with cards cannot be deleted: the cards would lose their group."""

    key = "error.group_has_cards"


class UnknownCard(WerkstattError):
    """No card with this id in the workshop."""

    key = "error.unknown_card"


class NotYourCard(WerkstattError):
    """A participant may change only the cards they wrote."""

    key = "error.not_your_card"


class CardModerated(WerkstattError):
    """The facilitator has hidden, corrected or merged the card; its author can no longer change it."""

    key = "error.card_moderated"


class CardsClosed(WerkstattError):
    """Cards are written, edited and deleted only while the card step is open."""

    key = "error.cards_closed"


class VotingClosed(WerkstattError):
    """Dots are given and taken back only while voting is open."""

    key = "error.voting_closed"


class CardNotVotable(WerkstattError):
    """Dots go to visible gaps and ideas only."""

    key = "error.card_not_votable"


class DotBudgetExceeded(WerkstattError):
    """Not enough of the participant's dots are free for this choice (``left`` are)."""

    key = "error.dot_budget_exceeded"

    def message(self, lang: str) -> str:
        key = self.key if not self.params.get("left") else "error.dot_budget_too_few"
        return t(key, lang, **self.params)


class DotsChanged(WerkstattError):
    """The card's dots changed since this screen showed them (another tab of the same person):
    the tap is refused rather than overwrite what the other tab stored."""

    key = "error.dots_changed"


class DotsPerCardExceeded(WerkstattError):
    """No card takes more than the workshop's dots per card from one participant."""

    key = "error.dots_per_card_exceeded"


class NothingToUndo(WerkstattError):
    """Every moderation action is already undone."""

    key = "error.nothing_to_undo"


class UnknownProcess(WerkstattError):
    """No process has this code."""

    key = "error.unknown_process"


class WrongPassword(WerkstattError):
    """The task-force password does not match (``attempts_left`` before the lock)."""

    key = "error.wrong_password"


class PasswordLocked(WerkstattError):
    """Too many wrong task-force passwords in a row: wait ``minutes``."""

    key = "error.password_locked"


class UnknownMember(WerkstattError):
    """No task-force member with this id in the process (or already removed)."""

    key = "error.unknown_member"


class UnknownAction(WerkstattError):
    """No action with this id in the process."""

    key = "error.unknown_action"


class ActionChanged(WerkstattError):
    """Someone saved the action since this form was opened; the form keeps what was typed."""

    key = "error.action_changed"


class SelfCheckFileError(WerkstattError):
    """A self-check file that cannot be imported; ``problems`` are (message key, params) pairs,
    one per broken row or column, so every language lists them all."""

    key = "error.self_check_file"
    MAX_SHOWN = 8

    def message(self, lang: str) -> str:
        problems = self.params["problems"]
        lines = [t(key, lang, **params) for key, params in problems[: self.MAX_SHOWN]]
        if len(problems) > self.MAX_SHOWN:
            lines.append(t("selfcheck.problem.more", lang, n=len(problems) - self.MAX_SHOWN))
        return t(self.key, lang) + "\n" + "\n".join(f"- {line}" for line in lines)


class TaskforceNotAuthorized(NotAuthorized):
    """No valid task-force sign-in (a participant's or facilitator's link opens nothing here)."""

    key = "error.taskforce_not_authorized"


class StorageError(WerkstattError):
    """SQLite refused to write the database file. The write transaction is rolled back, so
    nothing of the refused action is stored and everything committed before stays intact;
    ``start_message`` says the same for a server that cannot open its file at all."""

    start_key = "storage.start.unusable"

    def start_message(self, lang: str) -> str:
        return t(self.start_key, lang, **self.params)


class StorageFull(StorageError):
    """The disk holding the database file is full (SQLITE_FULL, or ENOSPC for its folder)."""

    key = "error.storage_full"
    start_key = "storage.start.full"


class StorageReadOnly(StorageError):
    """The database file, or the folder its write-ahead log goes into, cannot be written
    (SQLITE_READONLY; SQLITE_CANTOPEN when the -wal/-shm files cannot be created)."""

    key = "error.storage_read_only"
    start_key = "storage.start.read_only"


class StorageUnusable(StorageError):
    """The file cannot be opened as this app's database at all (not a database, damaged, a
    migration failed, a folder in the way): only at start, with SQLite's or the OS's ``reason``."""

    key = "storage.start.unusable"
