"""Storage of other municipalities' exchange files (``peer_files``). A mixin of ``Store`` (it uses
its pooled ``_rows``/``_one``); write methods take an open transaction."""

from __future__ import annotations

from sqlite_utils import Database


class PeerStore:
    """Named questions and writes for the exchange files a task force read in."""

    def insert_peer_file(self, db: Database, record: dict) -> int:
        cursor = db.execute(
            "INSERT INTO peer_files (process_id, file_name, content_hash, municipality, workshop_title,"
            " workshop_date, fieldset, document, imported_at)"
            " VALUES (:process_id, :file_name, :content_hash, :municipality, :workshop_title,"
            " :workshop_date, :fieldset, :document, :imported_at)",
            record,
        )
        return cursor.lastrowid

    def peer_file_by_hash(self, db: Database, process_id: int, content_hash: str) -> dict | None:
        """Read inside the write transaction that would insert it, so two uploads of one file at
        once cannot both pass (the unique index backs it)."""
        row = db.execute(
            "SELECT id, file_name, imported_at FROM peer_files WHERE process_id = ? AND content_hash = ?",
            (process_id, content_hash),
        ).fetchone()
        return dict(zip(("id", "file_name", "imported_at"), row)) if row else None

    def peer_files(self, process_id: int) -> list[dict]:
        """The process's files in the order they were read in."""
        return self._rows("SELECT * FROM peer_files WHERE process_id = ? ORDER BY id", (process_id,))

    def delete_peer_file(self, db: Database, process_id: int, peer_id: int) -> bool:
        cursor = db.execute("DELETE FROM peer_files WHERE id = ? AND process_id = ?", (peer_id, process_id))
        return cursor.rowcount > 0
