"""planned payments

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 14:31:06.816587
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "planned_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("payment_id", sa.String(length=64), nullable=True),
        sa.Column("created_audit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_audit_id"],
            ["audit.id"],
            name=op.f("fk_planned_payments_created_audit_id_audit"),
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_planned_payments_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_payments")),
    )
    op.create_table(
        "plan_lines",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("invoice_number", sa.String(length=64), nullable=False),
        sa.Column("amount", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["planned_payments.id"],
            name=op.f("fk_plan_lines_plan_id_planned_payments"),
        ),
        sa.PrimaryKeyConstraint("plan_id", "position", name=op.f("pk_plan_lines")),
    )


def downgrade() -> None:

    op.drop_table("plan_lines")
    op.drop_table("planned_payments")
