"""Storage of the task force: processes, sign-ins, the roster, actions, their history and the
self-check scores. A mixin of ``Store`` (it uses its pooled ``_rows``/``_one``), kept apart so
the live workshop's store stays readable."""

from __future__ import annotations

from sqlite_utils import Database


class TaskForceStore:
    """Named questions and writes for the task force; write methods take an open transaction."""

    # --- processes -------------------------------------------------------------

    def insert_process(self, db: Database, record: dict) -> int:
        cursor = db.execute(
            "INSERT INTO processes (code, title, municipality, fieldset, password_hash, created_at)"
            " VALUES (:code, :title, :municipality, :fieldset, :password_hash, :created_at)",
            record,
        )
        return cursor.lastrowid

    def process(self, process_id: int) -> dict | None:
        return self._one("SELECT * FROM processes WHERE id = ?", (process_id,))

    def all_processes(self) -> list[dict]:
        return self._rows("SELECT * FROM processes ORDER BY id")

    def process_by_code(self, code: str) -> dict | None:
        return self._one("SELECT * FROM processes WHERE code = ?", (code,))

    def set_password_state(self, db: Database, process_id: int, failures: int, locked_until: str | None) -> None:
        db.execute(
            "UPDATE processes SET password_failures = ?, password_locked_until = ? WHERE id = ?",
            (failures, locked_until, process_id),
        )

    def set_workshop_process(self, db: Database, workshop_id: int, process_id: int) -> None:
        db.execute("UPDATE workshops SET process_id = ? WHERE id = ?", (process_id, workshop_id))

    def process_workshops(self, process_id: int) -> list[dict]:
        """The process's workshops, oldest first (by date, then by creation)."""
        return self._rows(
            "SELECT * FROM workshops WHERE process_id = ? ORDER BY coalesce(date, created_at), id",
            (process_id,),
        )

    def insert_taskforce_session(self, db: Database, token_hash: str, process_id: int, created_at: str) -> None:
        db.execute(
            "INSERT INTO taskforce_sessions (token_hash, process_id, created_at) VALUES (?, ?, ?)",
            (token_hash, process_id, created_at),
        )

    def taskforce_session(self, token_hash: str) -> dict | None:
        return self._one("SELECT * FROM taskforce_sessions WHERE token_hash = ?", (token_hash,))

    # --- roster ------------------------------------------------------------------

    def insert_member(self, db: Database, record: dict) -> int:
        cursor = db.execute(
            "INSERT INTO members (process_id, name, organisation, sector, created_at)"
            " VALUES (:process_id, :name, :organisation, :sector, :created_at)",
            record,
        )
        return cursor.lastrowid

    def members(self, process_id: int) -> list[dict]:
        return self._rows("SELECT * FROM members WHERE process_id = ? ORDER BY id", (process_id,))

    def erase_member(self, db: Database, member_id: int, removed_at: str) -> None:
        """Delete the member's name; the row stays, so actions keep pointing to "a former member".

        Connections run with ``secure_delete``, so the old row is overwritten in the file.
        """
        db.execute(
            "UPDATE members SET name = NULL, sector = NULL, removed_at = ? WHERE id = ?",
            (removed_at, member_id),
        )

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file and empty it, so no old page
        (a removed member's name, say) stays behind in the log. Best effort: a
        reader that is busy right now only postpones it to SQLite's next checkpoint."""
        with self._db() as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # --- actions -------------------------------------------------------------------

    def insert_action(self, db: Database, record: dict) -> int:
        cursor = db.execute(
            "INSERT INTO actions (process_id, workshop_id, field_id, title, description, owner_member_id,"
            " owner_organisation, due_date, priority, status, created_at, updated_at)"
            " VALUES (:process_id, :workshop_id, :field_id, :title, :description, :owner_member_id,"
            " :owner_organisation, :due_date, :priority, :status, :created_at, :created_at)",
            record,
        )
        return cursor.lastrowid

    def update_action(self, db: Database, action_id: int, **columns: object) -> None:
        """Set action columns by name and count the version up (the edit check of the next save)."""
        assignments = ", ".join(f"{name} = :{name}" for name in columns)
        db.execute(
            f"UPDATE actions SET {assignments}, version = version + 1 WHERE id = :id",
            {**columns, "id": action_id},
        )

    def link_card(self, db: Database, action_id: int, card_id: int) -> None:
        db.execute("INSERT OR IGNORE INTO action_cards (action_id, card_id) VALUES (?, ?)", (action_id, card_id))

    def action_version(self, db: Database, action_id: int) -> int | None:
        """The stored version, read inside the write transaction that checks it."""
        row = db.execute("SELECT version FROM actions WHERE id = ?", (action_id,)).fetchone()
        return row[0] if row else None

    ACTION_ROW = "SELECT a.*, (SELECT group_concat(card_id) FROM action_cards WHERE action_id = a.id) AS card_ids"

    def actions(self, process_id: int) -> list[dict]:
        """The process's actions, oldest first, each with ``card_ids`` (comma-separated or None)."""
        return self._rows(f"{self.ACTION_ROW} FROM actions a WHERE a.process_id = ? ORDER BY a.id", (process_id,))

    def action(self, process_id: int, action_id: int) -> dict | None:
        """One action, only if it belongs to ``process_id``."""
        return self._one(f"{self.ACTION_ROW} FROM actions a WHERE a.id = ? AND a.process_id = ?",
                         (action_id, process_id))

    def insert_history(self, db: Database, action_id: int, changed_at: str, attribute: str,
                       old: str | None, new: str | None, note: str) -> None:
        db.execute(
            "INSERT INTO action_history (action_id, changed_at, attribute, old_value, new_value, note)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (action_id, changed_at, attribute, old, new, note),
        )

    def action_history(self, action_id: int) -> list[dict]:
        return self._rows("SELECT * FROM action_history WHERE action_id = ? ORDER BY id", (action_id,))

    # --- self-check ------------------------------------------------------------------

    def replace_self_check(self, db: Database, workshop_id: int, scores: dict[str, float]) -> None:
        db.execute("DELETE FROM self_check WHERE workshop_id = ?", (workshop_id,))
        for field_id, score in scores.items():
            db.execute(
                "INSERT INTO self_check (workshop_id, field_id, score) VALUES (?, ?, ?)",
                (workshop_id, field_id, score),
            )

    def self_check(self, workshop_id: int) -> dict[str, float]:
        rows = self._rows("SELECT field_id, score FROM self_check WHERE workshop_id = ?", (workshop_id,))
        return {row["field_id"]: row["score"] for row in rows}
