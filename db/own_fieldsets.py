"""Storage of the fieldsets a city makes in the app: versions by lineage, and which of them a
workshop or process uses. A mixin of ``Store`` (it uses its pooled ``_rows``/``_one``); write
methods take an open write transaction."""

from __future__ import annotations

from sqlite_utils import Database

# A version is in use once a workshop or a process refers to it; then it never changes.
_USED = """
    (SELECT count(*) FROM workshops w WHERE w.fieldset = 'own:' || f.lineage || '@' || f.version)
    + (SELECT count(*) FROM processes p WHERE p.fieldset = 'own:' || f.lineage || '@' || f.version)
"""


class OwnFieldsetStore:
    """Named questions and writes for own fieldsets."""

    def own_fieldset_version(self, lineage: str, version: int, db: Database | None = None) -> dict | None:
        sql = f"SELECT f.*, {_USED} AS used FROM own_fieldsets f WHERE lineage = ? AND version = ?"
        if db is not None:
            return next(db.query(sql, (lineage, version)), None)
        return self._one(sql, (lineage, version))

    def own_fieldset_latest(self, lineage: str, db: Database | None = None) -> dict | None:
        sql = (f"SELECT f.*, {_USED} AS used FROM own_fieldsets f WHERE lineage = ?"
               " ORDER BY version DESC LIMIT 1")
        if db is not None:
            return next(db.query(sql, (lineage,)), None)
        return self._one(sql, (lineage,))

    def own_fieldset_lineages(self, organizer_id: int | None = None) -> list[dict]:
        """The newest version of each lineage (of one organiser, or all), with how many workshops
        and processes use any of its versions."""
        where, params = ("AND f.organizer_id = ?", (organizer_id,)) if organizer_id is not None else ("", ())
        return self._rows(
            f"SELECT f.*, {_USED} AS used,"
            "  (SELECT count(*) FROM own_fieldsets o WHERE o.lineage = f.lineage) AS versions,"
            "  (SELECT count(*) FROM workshops w WHERE w.fieldset LIKE 'own:' || f.lineage || '@%')"
            "    AS workshops"
            " FROM own_fieldsets f"
            " WHERE f.version = (SELECT max(version) FROM own_fieldsets o WHERE o.lineage = f.lineage)"
            f" {where} ORDER BY f.updated_at DESC, f.lineage",
            params,
        )

    def lineage_taken(self, db: Database, lineage: str) -> bool:
        return next(db.query("SELECT 1 FROM own_fieldsets WHERE lineage = ? LIMIT 1", (lineage,)), None) is not None

    def lineage_in_use(self, db: Database, lineage: str) -> int:
        """How many workshops and processes use any version of ``lineage``."""
        pattern = f"own:{lineage}@%"
        row = next(db.query(
            "SELECT (SELECT count(*) FROM workshops WHERE fieldset LIKE ?)"
            " + (SELECT count(*) FROM processes WHERE fieldset LIKE ?) AS n", (pattern, pattern)))
        return row["n"]

    def insert_own_fieldset(self, db: Database, record: dict) -> None:
        db.execute(
            "INSERT INTO own_fieldsets (lineage, version, definition, translations, organizer_id,"
            " created_at, updated_at) VALUES (:lineage, :version, :definition, :translations,"
            " :organizer_id, :created_at, :created_at)",
            record,
        )

    def update_own_fieldset(self, db: Database, lineage: str, version: int, definition: str,
                            translations: str, updated_at: str) -> None:
        db.execute("UPDATE own_fieldsets SET definition = ?, translations = ?, updated_at = ?"
                   " WHERE lineage = ? AND version = ?", (definition, translations, updated_at, lineage, version))

    def set_own_fieldset_translations(self, db: Database, lineage: str, version: int, translations: str,
                                      updated_at: str) -> None:
        db.execute("UPDATE own_fieldsets SET translations = ?, updated_at = ? WHERE lineage = ? AND version = ?",
                   (translations, updated_at, lineage, version))

    def delete_own_fieldset(self, db: Database, lineage: str) -> None:
        db.execute("DELETE FROM own_fieldsets WHERE lineage = ?", (lineage,))
