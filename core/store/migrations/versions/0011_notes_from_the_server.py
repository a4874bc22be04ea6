"""on PostgreSQL: a note's id, author and time are the server's, its text bounded, its subject real

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28 23:30:00

A clerk writes a note's subject and text only (the grants name those two columns, see
``core.store.roles``): the id comes from the sequence, so a clerk cannot take the ids the
others' next notes will get.  The trigger that wrote the author now also writes the time, and
refuses a note on an invoice, credit note or payment the workspace does not have; a CHECK
keeps the text between 1 and 2,000 characters (``NOT VALID``: a longer note written before
stays readable, and the upgrade does not fail on it).  The table's owner (copying a workspace)
keeps the names and times it writes.  A workspace file has one clerk: the program checks.
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

NOTE_MAX = 2000  # core.rules.notes.NOTE_MAX

_OWNER = "pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER')"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION csp_stamp_notes() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF NOT {_OWNER} THEN "
        "NEW.author := session_user; NEW.at := localtimestamp(0); "
        "IF NOT EXISTS (SELECT 1 FROM documents WHERE number = NEW.subject) "
        "AND NOT EXISTS (SELECT 1 FROM payments WHERE id = NEW.subject) THEN "
        "RAISE EXCEPTION 'no invoice, credit note or payment ''%''', NEW.subject "
        "USING ERRCODE = 'foreign_key_violation'; END IF; "
        "ELSE NEW.author := coalesce(NEW.author, session_user); "
        "NEW.at := coalesce(NEW.at, localtimestamp(0)); END IF; "
        "RETURN NEW; END $$"
    )
    op.execute(
        "ALTER TABLE notes ADD CONSTRAINT ck_notes_text "
        f"CHECK (btrim(text) <> '' AND char_length(text) <= {NOTE_MAX}) NOT VALID"
    )
    op.execute("DROP TRIGGER IF EXISTS notes_stamp_user ON notes")
    op.execute(
        "CREATE TRIGGER notes_stamp_user BEFORE INSERT OR UPDATE ON notes "
        "FOR EACH ROW EXECUTE FUNCTION csp_stamp_notes()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER notes_stamp_user ON notes")
    op.execute(
        "CREATE TRIGGER notes_stamp_user BEFORE INSERT ON notes "
        "FOR EACH ROW EXECUTE FUNCTION csp_stamp_notes()"
    )
    op.execute("ALTER TABLE notes DROP CONSTRAINT ck_notes_text")
    op.execute(
        "CREATE OR REPLACE FUNCTION csp_stamp_notes() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF NOT {_OWNER} THEN NEW.author := session_user; END IF; RETURN NEW; END $$"
    )
