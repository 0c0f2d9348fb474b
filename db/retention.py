"""Storage of retention: what is stored and since when, removing participants' tokens, archiving
and deleting a process, and leaving no removed byte behind in the file.

A helper beside ``Store`` (it borrows the store's pooled connections and its write lock) rather
than one more of its mixins, so the only SQL of retention sits in this one file. Write methods
take an open transaction, as the store's own do; ``compact`` runs outside one, as VACUUM must.

Connections run with ``PRAGMA secure_delete=ON`` (``db.store._connect``), so a token replaced
or a row deleted is overwritten with zeros in its page, not left in free space. The old pages
still sit in the write-ahead log until a checkpoint copies and truncates it, and VACUUM rewrites
the file without free pages: ``compact`` does both after every removal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:
    from db.store import Store

# When a closed workshop without ``closed_at`` (from before migration 0007, or from an import)
# closed: the newest thing stored about it, the rule and reasons of migration 0007.
CLOSED_SINCE = """coalesce(w.closed_at, max(
    w.created_at,
    coalesce((SELECT max(joined_at) FROM participants WHERE workshop_id = w.id), ''),
    coalesce((SELECT max(r.rated_at) FROM ratings r JOIN participants p ON p.id = r.participant_id
              WHERE p.workshop_id = w.id), ''),
    coalesce((SELECT max(updated_at) FROM cards WHERE workshop_id = w.id), ''),
    coalesce((SELECT max(v.voted_at) FROM votes v JOIN cards c ON c.id = v.card_id
              WHERE c.workshop_id = w.id), ''),
    coalesce((SELECT max(max(created_at, coalesce(undone_at, ''))) FROM moderation_log
              WHERE workshop_id = w.id), ''),
    coalesce((SELECT max(created_at) FROM facilitator_sessions WHERE workshop_id = w.id), '')))"""


class RetentionStore:
    """Named questions and writes of retention over one ``Store``."""

    def __init__(self, store: Store):
        self.store = store

    def workshops(self) -> list[dict]:
        """Per workshop what is stored and since when: counts of participants, ratings, cards and
        dots, ``closed_since`` for a closed one, and when its tokens were removed."""
        return self.store._rows(
            "SELECT w.id, w.title, w.municipality, w.process_id, w.live_step, w.created_at,"
            f" CASE WHEN w.live_step = 'closed' THEN {CLOSED_SINCE} END AS closed_since,"
            " w.tokens_removed_at,"
            " (SELECT count(*) FROM participants WHERE workshop_id = w.id) AS participants,"
            " (SELECT count(*) FROM ratings r JOIN participants p ON p.id = r.participant_id"
            "  WHERE p.workshop_id = w.id) AS ratings,"
            " (SELECT count(*) FROM cards WHERE workshop_id = w.id) AS cards,"
            " (SELECT coalesce(sum(v.dots), 0) FROM votes v JOIN cards c ON c.id = v.card_id"
            "  WHERE c.workshop_id = w.id) AS dots"
            " FROM workshops w ORDER BY w.id"
        )

    def processes(self) -> list[dict]:
        """Per process since when it exists, whether it is archived, and what it holds."""
        return self.store._rows(
            "SELECT pr.id, pr.title, pr.municipality, pr.created_at, pr.archived_at,"
            " (SELECT count(*) FROM workshops WHERE process_id = pr.id) AS workshops,"
            " (SELECT count(*) FROM members WHERE process_id = pr.id AND name IS NOT NULL) AS members,"
            " (SELECT count(*) FROM actions WHERE process_id = pr.id) AS actions"
            " FROM processes pr ORDER BY pr.id"
        )

    def process_archived_at(self, process_id: int) -> str | None:
        row = self.store._one("SELECT archived_at FROM processes WHERE id = ?", (process_id,))
        return row["archived_at"] if row else None

    def mark_closed(self, db: Database, workshop_id: int, closed_at: str) -> None:
        db.execute("UPDATE workshops SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                   (closed_at, workshop_id))

    def participant_ids(self, db: Database, workshop_id: int) -> list[int]:
        return [row[0] for row in db.execute(
            "SELECT id FROM participants WHERE workshop_id = ? ORDER BY id", (workshop_id,)).fetchall()]

    def replace_tokens(self, db: Database, workshop_id: int, new_tokens: dict[int, str],
                       removed_at: str) -> None:
        """Give every participant of the workshop a token nobody was ever given (``new_tokens``:
        participant id → token) and forget the key of the join form they came from; the rows,
        and the ratings, cards and dots that point to them, stay."""
        db.execute("PRAGMA secure_delete=ON")  # on already (db.store._connect); this write relies on it
        db.conn.executemany("UPDATE participants SET token = ?, join_key = NULL WHERE id = ? AND workshop_id = ?",
                       [(token, pid, workshop_id) for pid, token in new_tokens.items()])
        db.execute("UPDATE workshops SET tokens_removed_at = ? WHERE id = ?", (removed_at, workshop_id))

    def still_due(self, db: Database, workshop_id: int) -> bool:
        """Whether the workshop is closed and its tokens are not removed yet (inside the removal's
        transaction, so two runs at once remove nothing twice)."""
        return db.execute("SELECT 1 FROM workshops WHERE id = ? AND live_step = 'closed'"
                          " AND tokens_removed_at IS NULL", (workshop_id,)).fetchone() is not None

    def archive(self, db: Database, process_id: int, archived_at: str) -> None:
        """Mark the process archived (an archived one keeps its first date)."""
        db.execute("UPDATE processes SET archived_at = coalesce(archived_at, ?) WHERE id = ?",
                   (archived_at, process_id))

    def unarchive(self, db: Database, process_id: int) -> None:
        db.execute("UPDATE processes SET archived_at = NULL WHERE id = ?", (process_id,))

    def open_workshops_of(self, db: Database, process_id: int) -> list[int]:
        return [row[0] for row in db.execute(
            "SELECT id FROM workshops WHERE process_id = ? AND live_step != 'closed' ORDER BY id",
            (process_id,)).fetchall()]

    def delete_process(self, db: Database, process_id: int) -> None:
        """The process and everything of it: its workshops first (a workshop points to its
        process), whose participants, ratings, groups, cards, dots, logs and sessions go with
        them by ``ON DELETE CASCADE``; then the process with its members, actions and history."""
        db.execute("PRAGMA secure_delete=ON")
        db.execute("DELETE FROM workshops WHERE process_id = ?", (process_id,))
        db.execute("DELETE FROM processes WHERE id = ?", (process_id,))

    def compact(self) -> bool:
        """Rewrite the file without free pages (VACUUM) and copy the write-ahead log into it and
        empty it (checkpoint TRUNCATE), so no removed byte stays in either. Returns False when a
        reader elsewhere (another server process) kept the log from being emptied: its old pages
        then stay until SQLite's next checkpoint, and a second run finishes the job."""
        store = self.store
        with store._write_lock, store._refusals(), store._db() as db:
            db.execute("PRAGMA secure_delete=ON")
            db.execute("VACUUM")
            busy, _log, _done = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy == 0
