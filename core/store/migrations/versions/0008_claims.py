"""claims: disputed amounts and SLA credit claims, tracked to the credit note that settles them

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 21:00:00

A dispute names an invoice (or one of its lines, ``INVOICE#N``), an amount, a reason and the
support ticket; an SLA claim a service, a month, the availability measured and the credit
claimed.  Both stay open until the clerk links the credit note that settles them (or withdraws
them); every change is in the audit log.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("invoice_number", sa.String(length=64), nullable=True),
        sa.Column("line", sa.String(length=80), nullable=False, server_default=""),
        sa.Column("service", sa.Text(), nullable=False, server_default=""),
        sa.Column("month", sa.String(length=7), nullable=False, server_default=""),
        sa.Column("availability", sa.String(length=16), nullable=False, server_default=""),
        sa.Column("amount", sa.String(length=64), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("ticket", sa.String(length=64), nullable=False, server_default=""),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("credit_note", sa.String(length=64), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["audit_id"], ["audit.id"], name=op.f("fk_claims_audit_id_audit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )


def downgrade() -> None:
    op.drop_table("claims")
