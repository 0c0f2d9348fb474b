"""The schema, as ordered migrations that run when a Store opens the file."""

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("werkstatt")


@MIGRATIONS(name="0001_initial")
def initial(db: Database) -> None:
    # One statement per execute: executescript() would commit the transaction
    # that the migration runs in.
    for statement in """
        CREATE TABLE workshops (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            municipality TEXT NOT NULL,
            date TEXT,
            place TEXT NOT NULL DEFAULT '',
            fieldset TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT 'de',
            join_code TEXT NOT NULL,
            pin_hash TEXT NOT NULL,
            pin_failures INTEGER NOT NULL DEFAULT 0,
            pin_locked_until TEXT,
            live_step TEXT NOT NULL,
            step_version INTEGER NOT NULL DEFAULT 1,
            data_version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        -- a join code is unique among workshops that are not closed
        CREATE UNIQUE INDEX workshops_open_join_code
            ON workshops (join_code) WHERE live_step != 'closed';

        CREATE TABLE facilitator_sessions (
            token_hash TEXT PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        );

        CREATE TABLE participants (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
            token TEXT NOT NULL UNIQUE,
            sector TEXT,
            joined_at TEXT NOT NULL
        );
        CREATE INDEX participants_workshop ON participants (workshop_id);

        CREATE TABLE ratings (
            participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
            field_id TEXT NOT NULL,
            level INTEGER,              -- NULL: "kann ich nicht einschätzen"
            rated_at TEXT NOT NULL,
            PRIMARY KEY (participant_id, field_id)
        )
        """.split(";"):
        if statement.strip():
            db.execute(statement)
