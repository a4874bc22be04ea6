"""payment sources, usage totals, line keys

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 13:59:11.815826
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "usage_totals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("invoice_number", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Text(), nullable=False),
        sa.Column("customer_name", sa.Text(), nullable=False),
        sa.Column("subscription_id", sa.Text(), nullable=False),
        sa.Column("meter", sa.Text(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("quantity", sa.String(length=64), nullable=False),
        sa.Column("amount", sa.String(length=64), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=True),
        sa.Column("last_day", sa.Date(), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["imports.id"], name=op.f("fk_usage_totals_import_id_imports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_usage_totals")),
    )
    with op.batch_alter_table("usage_totals", schema=None) as batch_op:
        batch_op.create_index("ix_usage_totals_invoice_number", ["invoice_number"], unique=False)

    op.create_table(
        "payment_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.String(length=64), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["imports.id"], name=op.f("fk_payment_sources_import_id_imports")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_payment_sources_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_sources")),
    )
    with op.batch_alter_table("payment_sources", schema=None) as batch_op:
        batch_op.create_index("ix_payment_sources_payment_id", ["payment_id"], unique=False)

    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("line_key", sa.String(length=40), server_default="", nullable=False)
        )
        batch_op.create_index("ix_invoice_lines_line_key", ["line_key"], unique=False)

    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("bank_reference", sa.Text(), server_default="", nullable=False)
        )


def downgrade() -> None:

    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_column("bank_reference")

    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_invoice_lines_line_key")
        batch_op.drop_column("line_key")

    with op.batch_alter_table("payment_sources", schema=None) as batch_op:
        batch_op.drop_index("ix_payment_sources_payment_id")

    op.drop_table("payment_sources")
    with op.batch_alter_table("usage_totals", schema=None) as batch_op:
        batch_op.drop_index("ix_usage_totals_invoice_number")

    op.drop_table("usage_totals")
