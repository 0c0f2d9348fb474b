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


@MIGRATIONS(name="0002_group_work")
def group_work(db: Database) -> None:
    """Small groups, cards, dot votes, the moderation log, the step lock and the timer."""
    for statement in """
        ALTER TABLE workshops ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE workshops ADD COLUMN dot_budget INTEGER NOT NULL DEFAULT 5;
        ALTER TABLE workshops ADD COLUMN dots_per_card INTEGER NOT NULL DEFAULT 2;
        ALTER TABLE workshops ADD COLUMN timer_ends_at TEXT;
        ALTER TABLE workshops ADD COLUMN timer_seconds INTEGER;
        ALTER TABLE workshops ADD COLUMN timer_locks INTEGER NOT NULL DEFAULT 0;
        -- the field the card wall shows (NULL: every field in turn)
        ALTER TABLE workshops ADD COLUMN wall_field TEXT;

        CREATE TABLE groups (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            fields TEXT NOT NULL,       -- JSON list of field ids
            created_at TEXT NOT NULL
        );
        CREATE INDEX groups_workshop ON groups (workshop_id);

        ALTER TABLE participants ADD COLUMN group_id INTEGER REFERENCES groups (id);
        -- 1: one shared tablet for a whole group, whose cards come from the group
        ALTER TABLE participants ADD COLUMN group_tablet INTEGER NOT NULL DEFAULT 0;

        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
            group_id INTEGER REFERENCES groups (id),
            field_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('strength', 'gap', 'idea')),
            text TEXT NOT NULL,
            original_text TEXT,         -- what the author wrote, once the facilitator corrected it
            hidden INTEGER NOT NULL DEFAULT 0,
            merged_into INTEGER REFERENCES cards (id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX cards_workshop ON cards (workshop_id);
        CREATE INDEX cards_participant ON cards (participant_id);

        CREATE TABLE votes (
            participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
            card_id INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
            dots INTEGER NOT NULL CHECK (dots > 0),
            voted_at TEXT NOT NULL,
            PRIMARY KEY (participant_id, card_id)
        );
        CREATE INDEX votes_card ON votes (card_id);

        -- every moderation action with the card states before it, so it can be undone
        CREATE TABLE moderation_log (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
            action TEXT NOT NULL,
            card_id INTEGER NOT NULL,
            before TEXT NOT NULL,       -- JSON: card id -> moderated columns before the action
            created_at TEXT NOT NULL,
            undone_at TEXT
        );
        CREATE INDEX moderation_log_workshop ON moderation_log (workshop_id)
        """.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0003_task_force")
def task_force(db: Database) -> None:
    """Processes over time, the task-force roster, follow-up actions with their history,
    and the administration's self-check scores per workshop."""
    for statement in """
        CREATE TABLE processes (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,  -- what a task-force member types to sign in
            title TEXT NOT NULL,
            municipality TEXT NOT NULL,
            fieldset TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            password_failures INTEGER NOT NULL DEFAULT 0,
            password_locked_until TEXT,
            created_at TEXT NOT NULL
        );
        ALTER TABLE workshops ADD COLUMN process_id INTEGER REFERENCES processes (id);

        CREATE TABLE taskforce_sessions (
            token_hash TEXT PRIMARY KEY,
            process_id INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        );

        -- the only personal data the app keeps: name is set to NULL when a member is removed
        CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            process_id INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
            name TEXT,
            organisation TEXT NOT NULL DEFAULT '',
            sector TEXT,
            created_at TEXT NOT NULL,
            removed_at TEXT
        );
        CREATE INDEX members_process ON members (process_id);

        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            process_id INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
            workshop_id INTEGER REFERENCES workshops (id) ON DELETE SET NULL,
            field_id TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            owner_member_id INTEGER REFERENCES members (id),
            owner_organisation TEXT NOT NULL DEFAULT '',
            due_date TEXT,
            priority TEXT NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
            status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX actions_process ON actions (process_id);

        CREATE TABLE action_cards (
            action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
            card_id INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
            PRIMARY KEY (action_id, card_id)
        );

        -- one row per changed attribute, owners stored as member:<id> or org:<name>
        CREATE TABLE action_history (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
            changed_at TEXT NOT NULL,
            attribute TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX action_history_action ON action_history (action_id);

        CREATE TABLE self_check (
            workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
            field_id TEXT NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (workshop_id, field_id)
        )
        """.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0004_participant_client")
def participant_client(db: Database) -> None:
    """What the light participant client needs: a cap on joins per workshop (so a script cannot
    flood it), and the key of the join form a participant was created from, so a double tap or a
    reload that sends the form again finds the same participant instead of creating a second."""
    for statement in """
        ALTER TABLE workshops ADD COLUMN participant_cap INTEGER NOT NULL DEFAULT 500;
        ALTER TABLE participants ADD COLUMN join_key TEXT;
        CREATE UNIQUE INDEX participants_join_key ON participants (workshop_id, join_key)
            WHERE join_key IS NOT NULL
        """.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0005_vote_version")
def vote_version(db: Database) -> None:
    """How many dot taps the workshop has seen. ``data_version - vote_version`` then moves with
    every change but a dot, so the wall of cards (without the dots) is computed once per change of
    the cards, not once per tap: a hall voting at once changes the dots 50 times a second."""
    db.execute("ALTER TABLE workshops ADD COLUMN vote_version INTEGER NOT NULL DEFAULT 0")


@MIGRATIONS(name="0006_organizers")
def organizers(db: Database) -> None:
    """Organiser accounts for a hosted server, where not everyone who finds the start page may
    create workshops: the operator invites an organiser by name (the only personal data, set to
    NULL when the account is removed), the organiser sets a password from a one-time link and
    signs in to a session that expires. A workshop remembers the organiser it belongs to."""
    for statement in """
        CREATE TABLE organizers (
            id INTEGER PRIMARY KEY,
            name TEXT,
            name_key TEXT UNIQUE,          -- the name folded for sign-in, NULL once removed
            password_hash TEXT,            -- NULL until the invitation is used
            password_failures INTEGER NOT NULL DEFAULT 0,
            password_locked_until TEXT,
            invitation_hash TEXT UNIQUE,   -- NULL once used
            invitation_expires_at TEXT,
            created_at TEXT NOT NULL,
            removed_at TEXT
        );

        CREATE TABLE organizer_sessions (
            token_hash TEXT PRIMARY KEY,
            organizer_id INTEGER NOT NULL REFERENCES organizers (id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );

        ALTER TABLE workshops ADD COLUMN organizer_id INTEGER REFERENCES organizers (id);
        CREATE INDEX workshops_organizer ON workshops (organizer_id)
        """.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0007_retention")
def retention(db: Database) -> None:
    """Retention by rule (data minimisation): when a workshop closed (its participants' tokens
    are removed a set number of days later), when that removal happened, and when a process was
    archived.

    A workshop closed before this migration gets as ``closed_at`` the newest thing stored about
    it: its creation, a join, a rating, a card's last change, a dot, a moderation step or its
    undo, a facilitator's sign-in. Nothing is written after the close (the service refuses all
    input then), so this is the earliest moment it can have closed: the period counts from there
    and errs towards removing sooner, never later. (``db/retention.py`` applies the same rule to
    a closed workshop that arrives without the date, from an import.)"""
    for statement in """
        ALTER TABLE workshops ADD COLUMN closed_at TEXT;
        ALTER TABLE workshops ADD COLUMN tokens_removed_at TEXT;
        ALTER TABLE processes ADD COLUMN archived_at TEXT;
        UPDATE workshops SET closed_at = max(
            created_at,
            coalesce((SELECT max(joined_at) FROM participants WHERE workshop_id = workshops.id), ''),
            coalesce((SELECT max(r.rated_at) FROM ratings r JOIN participants p ON p.id = r.participant_id
                      WHERE p.workshop_id = workshops.id), ''),
            coalesce((SELECT max(updated_at) FROM cards WHERE workshop_id = workshops.id), ''),
            coalesce((SELECT max(v.voted_at) FROM votes v JOIN cards c ON c.id = v.card_id
                      WHERE c.workshop_id = workshops.id), ''),
            coalesce((SELECT max(max(created_at, coalesce(undone_at, ''))) FROM moderation_log
                      WHERE workshop_id = workshops.id), ''),
            coalesce((SELECT max(created_at) FROM facilitator_sessions
                      WHERE workshop_id = workshops.id), ''))
        WHERE live_step = 'closed'
        """.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0009_own_fieldsets")
def own_fieldsets(db: Database) -> None:
    """Fieldsets a city makes in the app (editor, Excel import) instead of a file in fieldsets/.

    A lineage is one list over time; each version is the checked fieldset as YAML (texts in its
    own language), its translations beside it as JSON, so a translator can add a language to a
    version a workshop already uses. A workshop refers to one exact version as
    ``own:<lineage>@<version>`` in ``workshops.fieldset``; a version in use is never changed."""
    for statement in """
        CREATE TABLE own_fieldsets (
            lineage TEXT NOT NULL,
            version INTEGER NOT NULL,
            definition TEXT NOT NULL,
            translations TEXT NOT NULL DEFAULT '{}',
            organizer_id INTEGER REFERENCES organizers (id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (lineage, version)
        );
        CREATE INDEX workshops_fieldset ON workshops (fieldset)
        """.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0008_peer_files")
def peer_files(db: Database) -> None:
    """Exchange files of other municipalities that a task force read in to compare with (issue 19).

    The checked document is kept whole as JSON (it is small, and every comparison reads it all);
    the municipality, workshop and fieldset beside it for the list. ``content_hash`` recognises
    the same file read twice into one process. A process that is deleted takes its files along."""
    for statement in """
        CREATE TABLE peer_files (
            id INTEGER PRIMARY KEY,
            process_id INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
            file_name TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            municipality TEXT NOT NULL,
            workshop_title TEXT NOT NULL,
            workshop_date TEXT,
            fieldset TEXT NOT NULL,
            document TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            UNIQUE (process_id, content_hash)
        )
        """.split(";"):
        if statement.strip():
            db.execute(statement)
