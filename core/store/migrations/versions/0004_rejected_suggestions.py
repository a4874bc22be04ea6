"""rejected suggestions

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 16:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rejected_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit.id"], name=op.f("fk_rejected_suggestions_audit_id_audit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejected_suggestions")),
    )
    op.create_index("ix_rejected_suggestions_payment_id", "rejected_suggestions", ["payment_id"])


def downgrade() -> None:
    op.drop_index("ix_rejected_suggestions_payment_id", table_name="rejected_suggestions")
    op.drop_table("rejected_suggestions")
