"""the account a payment was sent to; what the clerk knows of a payment at Microsoft

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 19:00:00

``payments.payee_account``: the beneficiary's IBAN as the bank statement gives it (to flag a
payment sent to an account other than Microsoft's for that currency).  ``payment_marks``: the
clerk's word on a payment — applied by Microsoft, or unallocated at Microsoft (since a date) —
kept as a history; an undone mark no longer counts.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("payments") as batch:
        batch.add_column(sa.Column("payee_account", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "payment_marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit.id"], name=op.f("fk_payment_marks_audit_id_audit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_marks")),
    )
    op.create_index("ix_payment_marks_payment_id", "payment_marks", ["payment_id"])


def downgrade() -> None:
    op.drop_index("ix_payment_marks_payment_id", table_name="payment_marks")
    op.drop_table("payment_marks")
    with op.batch_alter_table("payments") as batch:
        batch.drop_column("payee_account")
