"""Storage of the transfer export and import: every row of some workshops (and their process)
read as one snapshot, and written back as one transaction. A mixin of ``Store`` (it uses its
pooled ``_db``), kept apart so the live workshop's store stays readable.

The tables and columns a transfer moves are listed here once (``TRANSFER_COLUMNS``); the
insert builds its SQL only from this list, never from names in the imported file. Ids are
left to SQLite: the file's own numbers are references inside the file, and the importer maps
them to the new ids.
"""

from __future__ import annotations

from typing import Iterable

from sqlite_utils import Database

# Every column a transfer writes, per table (the id is new in the target). Sign-in sessions
# are left out on purpose: they are hashes of tokens handed out on the old machine.
TRANSFER_COLUMNS: dict[str, tuple[str, ...]] = {
    "processes": ("code", "title", "municipality", "fieldset", "password_hash", "password_failures",
                  "password_locked_until", "created_at"),
    "members": ("process_id", "name", "organisation", "sector", "created_at", "removed_at"),
    "workshops": ("title", "municipality", "date", "place", "fieldset", "language", "join_code",
                  "pin_hash", "pin_failures", "pin_locked_until", "live_step", "step_version",
                  "data_version", "created_at", "locked", "dot_budget", "dots_per_card", "timer_ends_at",
                  "timer_seconds", "timer_locks", "wall_field", "process_id"),
    "groups": ("workshop_id", "name", "fields", "created_at"),
    "participants": ("workshop_id", "token", "sector", "joined_at", "group_id", "group_tablet"),
    "ratings": ("participant_id", "field_id", "level", "rated_at"),
    # merged_into is set once every card exists (``set_merged_into``): it may point to a later card
    "cards": ("workshop_id", "participant_id", "group_id", "field_id", "kind", "text", "original_text",
              "hidden", "created_at", "updated_at"),
    "votes": ("participant_id", "card_id", "dots", "voted_at"),
    "moderation_log": ("workshop_id", "action", "card_id", "before", "created_at", "undone_at"),
    "self_check": ("workshop_id", "field_id", "score"),
    "actions": ("process_id", "workshop_id", "field_id", "title", "description", "owner_member_id",
                "owner_organisation", "due_date", "priority", "status", "version", "created_at",
                "updated_at"),
    "action_cards": ("action_id", "card_id"),
    "action_history": ("action_id", "changed_at", "attribute", "old_value", "new_value", "note"),
}
# How many values one ``IN (…)`` gets: far below SQLite's limit on parameters.
CHUNK = 500


def _marks(values: Iterable) -> str:
    return ", ".join("?" for _ in values)


class TransferStore:
    """Reads and writes of the transfer export; write methods take an open transaction."""

    def transfer_rows(self, workshop_ids: list[int], process_id: int | None) -> dict[str, list[dict]]:
        """Every row of the given workshops and (if given) of the process, per table, oldest
        first (by id), read in one read transaction: a consistent snapshot even while people
        keep rating and voting.

        Votes, ratings and action links whose other end lies outside the export are left out,
        so the export never points to a row it does not hold.
        """
        ws = tuple(workshop_ids)
        w = _marks(ws) or "NULL"
        p = (process_id,)
        queries: dict[str, tuple[str, tuple]] = {
            "processes": ("SELECT * FROM processes WHERE id = ?", p),
            "members": ("SELECT * FROM members WHERE process_id = ? ORDER BY id", p),
            "workshops": (f"SELECT * FROM workshops WHERE id IN ({w}) ORDER BY id", ws),
            "groups": (f"SELECT * FROM groups WHERE workshop_id IN ({w}) ORDER BY id", ws),
            "participants": (f"SELECT * FROM participants WHERE workshop_id IN ({w}) ORDER BY id", ws),
            "ratings": (f"SELECT r.* FROM ratings r JOIN participants p ON p.id = r.participant_id"
                        f" WHERE p.workshop_id IN ({w}) ORDER BY r.participant_id, r.field_id", ws),
            "cards": (f"SELECT * FROM cards WHERE workshop_id IN ({w}) ORDER BY id", ws),
            "votes": (f"SELECT v.* FROM votes v JOIN cards c ON c.id = v.card_id"
                      f" JOIN participants p ON p.id = v.participant_id"
                      f" WHERE c.workshop_id IN ({w}) AND p.workshop_id = c.workshop_id"
                      f" ORDER BY v.participant_id, v.card_id", ws),
            "moderation_log": (f"SELECT * FROM moderation_log WHERE workshop_id IN ({w}) ORDER BY id", ws),
            "self_check": (f"SELECT * FROM self_check WHERE workshop_id IN ({w})"
                           f" ORDER BY workshop_id, field_id", ws),
            "actions": ("SELECT * FROM actions WHERE process_id = ? ORDER BY id", p),
            "action_cards": (f"SELECT ac.* FROM action_cards ac JOIN actions a ON a.id = ac.action_id"
                             f" JOIN cards c ON c.id = ac.card_id"
                             f" WHERE a.process_id = ? AND c.workshop_id IN ({w})"
                             f" ORDER BY ac.action_id, ac.card_id", (*p, *ws)),
            "action_history": ("SELECT h.* FROM action_history h JOIN actions a ON a.id = h.action_id"
                               " WHERE a.process_id = ? ORDER BY h.id", p),
        }
        with self._db() as db:
            db.execute("BEGIN")
            try:
                result = {}
                for table, (sql, params) in queries.items():
                    cursor = db.execute(sql, params)
                    names = [d[0] for d in cursor.description]
                    result[table] = [dict(zip(names, row)) for row in cursor.fetchall()]
            finally:
                db.execute("COMMIT")
        return result

    def tokens_taken(self, db: Database, tokens: list[str]) -> int:
        """How many of ``tokens`` some participant in the target already has."""
        taken = 0
        for start in range(0, len(tokens), CHUNK):
            chunk = tokens[start:start + CHUNK]
            row = db.execute(f"SELECT count(*) FROM participants WHERE token IN ({_marks(chunk)})",
                             chunk).fetchone()
            taken += row[0]
        return taken

    def process_code_taken(self, db: Database, code: str) -> bool:
        return db.execute("SELECT 1 FROM processes WHERE code = ?", (code,)).fetchone() is not None

    def copy_exists(self, db: Database, workshop: tuple[str, str] | None = None,
                    process: tuple[str, str] | None = None) -> bool:
        """Whether the target holds a workshop ``(join code, PIN hash)`` or a process ``(code,
        password hash)`` already: the hashes are salted, so equal ones come from one source.
        Catches a second import of a file even where there are no participant tokens."""
        if workshop is not None:
            sql, params = "SELECT 1 FROM workshops WHERE join_code = ? AND pin_hash = ?", workshop
        else:
            sql, params = "SELECT 1 FROM processes WHERE code = ? AND password_hash = ?", process
        return db.execute(sql, params).fetchone() is not None

    def insert_transfer_row(self, db: Database, table: str, values: dict) -> int:
        """Insert one row of ``table`` with the columns of ``TRANSFER_COLUMNS``; returns its id."""
        columns = TRANSFER_COLUMNS[table]
        cursor = db.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})",
            {c: values[c] for c in columns},
        )
        return cursor.lastrowid

    def set_merged_into(self, db: Database, card_id: int, target_id: int) -> None:
        db.execute("UPDATE cards SET merged_into = ? WHERE id = ?", (target_id, card_id))
