"""Storage of the health checks and the operator's overview: can the file take a write, is its
schema the one this code knows, which workshops are open. A mixin of ``Store`` (it uses its
pooled ``_db``, its write lock and its refusals), kept apart so the live workshop's store stays
readable."""

from __future__ import annotations

from sqlite_utils import Database

from db.schema import MIGRATIONS

# Every migration this code knows, in order: all of them are pending on an empty database.
KNOWN_MIGRATIONS = tuple(migration.name for migration in MIGRATIONS.pending(Database(memory=True)))


class HealthStore:
    """Named questions for ``werkstatt.health``; nothing here keeps a change."""

    def try_write(self) -> None:
        """Change one row and roll the change back: the write every action of a person needs,
        kept nowhere.

        ``BEGIN IMMEDIATE`` alone succeeds on a file opened read-only; the UPDATE is what SQLite
        refuses there. (An UPDATE to the same value would not do: SQLite leaves such a row alone.)
        A refusal leaves as ``StorageReadOnly`` or ``StorageFull`` (``_refusals``), anything else as
        SQLite raised it. Takes the write lock in turn like every other write."""
        with self._write_lock, self._refusals(), self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute(
                    f"UPDATE {MIGRATIONS.migrations_table} SET applied_at = 'health check'"
                    f" WHERE id = (SELECT max(id) FROM {MIGRATIONS.migrations_table})"
                )
            finally:
                db.rollback()

    def applied_migrations(self) -> list[str]:
        """The names of the migrations the file has, in the order they were applied (read only)."""
        with self._db() as db:
            return [migration.name for migration in MIGRATIONS.applied(db)]

    def open_workshops_overview(self) -> list[dict]:
        """Every workshop that is not closed, oldest first, with how many devices joined it and
        the time of its latest input (a join, a rating, a card, a dot or a moderation; the
        creation when there is none). Timestamps are the service's ISO strings in UTC, so the
        greatest string is the latest time."""
        return self._rows(
            "SELECT w.id, w.title, w.municipality, w.live_step, w.created_at,"
            " (SELECT count(*) FROM participants p WHERE p.workshop_id = w.id) AS participants,"
            " max(w.created_at,"
            "  coalesce((SELECT max(p.joined_at) FROM participants p WHERE p.workshop_id = w.id), ''),"
            "  coalesce((SELECT max(r.rated_at) FROM ratings r JOIN participants p"
            "            ON p.id = r.participant_id WHERE p.workshop_id = w.id), ''),"
            "  coalesce((SELECT max(c.updated_at) FROM cards c WHERE c.workshop_id = w.id), ''),"
            "  coalesce((SELECT max(v.voted_at) FROM votes v JOIN cards c ON c.id = v.card_id"
            "            WHERE c.workshop_id = w.id), ''),"
            "  coalesce((SELECT max(m.created_at) FROM moderation_log m WHERE m.workshop_id = w.id), '')"
            " ) AS last_input"
            " FROM workshops w WHERE w.live_step != 'closed' ORDER BY w.id"
        )
