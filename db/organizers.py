"""Storage of organiser accounts: the accounts, their invitations and sessions, and which
workshops belong to whom. A mixin of ``Store`` (it uses its pooled ``_rows``/``_one``)."""

from __future__ import annotations

from sqlite_utils import Database

# A workshop's state for its organiser: open, closed, or archived with its process.
_WORKSHOP_STATE = """
    CASE WHEN p.archived_at IS NOT NULL THEN 'archived'
         WHEN w.live_step = 'closed' THEN 'closed'
         ELSE 'open' END
"""


class OrganizerStore:
    """Named questions and writes for organiser accounts; write methods take an open transaction."""

    def insert_organizer(self, db: Database, record: dict) -> int:
        cursor = db.execute(
            "INSERT INTO organizers (name, name_key, invitation_hash, invitation_expires_at, created_at)"
            " VALUES (:name, :name_key, :invitation_hash, :invitation_expires_at, :created_at)",
            record,
        )
        return cursor.lastrowid

    def organizer(self, organizer_id: int) -> dict | None:
        return self._one("SELECT * FROM organizers WHERE id = ? AND removed_at IS NULL", (organizer_id,))

    def organizer_by_name(self, name_key: str, db: Database | None = None) -> dict | None:
        sql = "SELECT * FROM organizers WHERE name_key = ?"
        if db is not None:
            return next(db.query(sql, (name_key,)), None)
        return self._one(sql, (name_key,))

    def organizer_by_invitation(self, db: Database, invitation_hash: str) -> dict | None:
        return next(db.query("SELECT * FROM organizers WHERE invitation_hash = ?", (invitation_hash,)), None)

    def organizers(self) -> list[dict]:
        return self._rows(
            "SELECT o.*, (SELECT count(*) FROM workshops w WHERE w.organizer_id = o.id) AS workshops"
            " FROM organizers o WHERE o.removed_at IS NULL ORDER BY o.name_key"
        )

    def set_invitation(self, db: Database, organizer_id: int, invitation_hash: str | None,
                       expires_at: str | None) -> None:
        db.execute("UPDATE organizers SET invitation_hash = ?, invitation_expires_at = ? WHERE id = ?",
                   (invitation_hash, expires_at, organizer_id))

    def set_organizer_password(self, db: Database, organizer_id: int, password_hash: str) -> None:
        db.execute(
            "UPDATE organizers SET password_hash = ?, password_failures = 0, password_locked_until = NULL,"
            " invitation_hash = NULL, invitation_expires_at = NULL WHERE id = ?",
            (password_hash, organizer_id),
        )

    def set_organizer_password_state(self, db: Database, organizer_id: int, failures: int,
                                     locked_until: str | None) -> None:
        db.execute("UPDATE organizers SET password_failures = ?, password_locked_until = ? WHERE id = ?",
                   (failures, locked_until, organizer_id))

    def remove_organizer(self, db: Database, organizer_id: int, removed_at: str) -> None:
        """Forget the name and the secrets; the row stays so that workshops keep a valid reference."""
        db.execute(
            "UPDATE organizers SET name = NULL, name_key = NULL, password_hash = NULL, invitation_hash = NULL,"
            " invitation_expires_at = NULL, removed_at = ? WHERE id = ?",
            (removed_at, organizer_id),
        )
        db.execute("DELETE FROM organizer_sessions WHERE organizer_id = ?", (organizer_id,))

    # --- sessions ----------------------------------------------------------------------

    def insert_organizer_session(self, db: Database, token_hash: str, organizer_id: int,
                                 created_at: str, expires_at: str) -> None:
        db.execute(
            "INSERT INTO organizer_sessions (token_hash, organizer_id, created_at, expires_at)"
            " VALUES (?, ?, ?, ?)",
            (token_hash, organizer_id, created_at, expires_at),
        )

    def organizer_session(self, token_hash: str) -> dict | None:
        return self._one("SELECT * FROM organizer_sessions WHERE token_hash = ?", (token_hash,))

    def delete_organizer_session(self, db: Database, token_hash: str) -> None:
        db.execute("DELETE FROM organizer_sessions WHERE token_hash = ?", (token_hash,))

    def delete_expired_organizer_sessions(self, db: Database, now: str) -> None:
        db.execute("DELETE FROM organizer_sessions WHERE expires_at <= ?", (now,))

    # --- their workshops ---------------------------------------------------------------

    def organizer_workshops(self, organizer_id: int) -> list[dict]:
        """The organiser's workshops, newest first, with their state and process."""
        return self._rows(
            f"SELECT w.*, {_WORKSHOP_STATE} AS state, p.title AS process_title"
            " FROM workshops w LEFT JOIN processes p ON p.id = w.process_id"
            " WHERE w.organizer_id = ? ORDER BY w.date DESC, w.id DESC",
            (organizer_id,),
        )

    def set_workshop_organizer(self, db: Database, workshop_id: int, organizer_id: int | None) -> None:
        db.execute("UPDATE workshops SET organizer_id = ? WHERE id = ?", (organizer_id, workshop_id))

    def hand_over_workshops(self, db: Database, from_id: int, to_id: int | None) -> int:
        return db.execute("UPDATE workshops SET organizer_id = ? WHERE organizer_id = ?",
                          (to_id, from_id)).rowcount

    def delete_workshop(self, db: Database, workshop_id: int) -> None:
        """The workshop and everything entered in it (its rows cascade); actions of its process
        stay and forget the workshop."""
        db.execute("DELETE FROM workshops WHERE id = ?", (workshop_id,))
