"""notes; on PostgreSQL: who made a change is the server's word, and changes are announced

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 09:00:00

A note (support agents record them; everyone reads them) is kept with its author and time.
On PostgreSQL the audit log, the imports and the notes get the name of the database user
who wrote them from the server itself (a clerk cannot write another name), unless the
writer owns the tables (copying a workspace keeps the names it holds); and every audit
entry or note is announced on the ``csp_recon`` channel, so open windows refresh.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

STAMPED = (("audit", "os_user"), ("imports", "os_user"), ("notes", "author"))


def upgrade() -> None:
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    op.create_index("ix_notes_subject", "notes", ["subject"])
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in STAMPED:
        op.execute(
            f"CREATE FUNCTION csp_stamp_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class "
            f"WHERE oid = TG_RELID), 'MEMBER') THEN NEW.{column} := session_user; END IF; "
            f"RETURN NEW; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_stamp_user BEFORE INSERT ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION csp_stamp_{table}()"
        )
    op.execute(
        "CREATE FUNCTION csp_announce() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "PERFORM pg_notify('csp_recon', TG_TABLE_NAME || ' ' || NEW.id); RETURN NULL; END $$"
    )
    for table in ("audit", "notes"):
        op.execute(
            f"CREATE TRIGGER {table}_announce AFTER INSERT ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION csp_announce()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("audit", "notes"):
            op.execute(f"DROP TRIGGER {table}_announce ON {table}")
        op.execute("DROP FUNCTION csp_announce()")
        for table, _column in STAMPED:
            op.execute(f"DROP TRIGGER {table}_stamp_user ON {table}")
            op.execute(f"DROP FUNCTION csp_stamp_{table}()")
    op.drop_index("ix_notes_subject", table_name="notes")
    op.drop_table("notes")
