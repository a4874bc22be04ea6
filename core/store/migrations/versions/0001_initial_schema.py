"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 14:11:29.276430
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("os_user", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("undo_of", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["undo_of"], ["audit.id"], name=op.f("fk_audit_undo_of_audit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("format", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("os_user", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imports")),
    )
    with op.batch_alter_table("imports", schema=None) as batch_op:
        batch_op.create_index("ix_imports_sha256", ["sha256"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_kind", sa.String(length=16), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("invoice_number", sa.String(length=64), nullable=False),
        sa.Column("amount", sa.String(length=64), nullable=False),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("created_audit_id", sa.Integer(), nullable=False),
        sa.Column("removed_audit_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_audit_id"], ["audit.id"], name=op.f("fk_allocations_created_audit_id_audit")
        ),
        sa.ForeignKeyConstraint(
            ["removed_audit_id"], ["audit.id"], name=op.f("fk_allocations_removed_audit_id_audit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allocations")),
    )
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.create_index("ix_allocations_invoice_number", ["invoice_number"], unique=False)
        batch_op.create_index("ix_allocations_source_id", ["source_id"], unique=False)

    op.create_table(
        "documents",
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("document_type", sa.String(length=32), nullable=False),
        sa.Column("invoice_type", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("amends", sa.String(length=64), nullable=True),
        sa.Column("paid_amount_reported", sa.String(length=64), nullable=True),
        sa.Column("billing_period_start", sa.Date(), nullable=True),
        sa.Column("billing_period_end", sa.Date(), nullable=True),
        sa.Column("auto_apply", sa.Boolean(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("header_import_id", sa.Integer(), nullable=True),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("source_place", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["header_import_id"], ["imports.id"], name=op.f("fk_documents_header_import_id_imports")
        ),
        sa.ForeignKeyConstraint(
            ["import_id"], ["imports.id"], name=op.f("fk_documents_import_id_imports")
        ),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("ix_documents_amends", ["amends"], unique=False)

    op.create_table(
        "line_blocks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("invoice_number", sa.String(length=64), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("line_count", sa.Integer(), nullable=False),
        sa.Column("total", sa.String(length=64), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("source_sheet", sa.Text(), nullable=True),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["imports.id"], name=op.f("fk_line_blocks_import_id_imports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_blocks")),
    )
    with op.batch_alter_table("line_blocks", schema=None) as batch_op:
        batch_op.create_index("ix_line_blocks_invoice_number", ["invoice_number"], unique=False)

    op.create_table(
        "line_customer_totals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("invoice_number", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Text(), nullable=False),
        sa.Column("customer_name", sa.Text(), nullable=False),
        sa.Column("subscription_id", sa.Text(), nullable=False),
        sa.Column("total", sa.String(length=64), nullable=False),
        sa.Column("line_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["imports.id"], name=op.f("fk_line_customer_totals_import_id_imports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_customer_totals")),
    )
    with op.batch_alter_table("line_customer_totals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_line_customer_totals_invoice_number", ["invoice_number"], unique=False
        )

    op.create_table(
        "payments",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount", sa.String(length=64), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("bank_account", sa.Text(), nullable=False),
        sa.Column("counterparty", sa.Text(), nullable=False),
        sa.Column("bank_reference", sa.Text(), server_default="", nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("source_sheet", sa.Text(), nullable=True),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_id"], ["imports.id"], name=op.f("fk_payments_import_id_imports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_payments_fingerprint")),
    )
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
        "payment_references",
        sa.Column("payment_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("invoice_number", sa.String(length=64), nullable=False),
        sa.Column("amount", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_payment_references_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("payment_id", "position", name=op.f("pk_payment_references")),
    )
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


def downgrade() -> None:

    with op.batch_alter_table("payment_sources", schema=None) as batch_op:
        batch_op.drop_index("ix_payment_sources_payment_id")

    op.drop_table("payment_sources")
    op.drop_table("payment_references")
    with op.batch_alter_table("usage_totals", schema=None) as batch_op:
        batch_op.drop_index("ix_usage_totals_invoice_number")

    op.drop_table("usage_totals")
    op.drop_table("payments")
    with op.batch_alter_table("line_customer_totals", schema=None) as batch_op:
        batch_op.drop_index("ix_line_customer_totals_invoice_number")

    op.drop_table("line_customer_totals")
    with op.batch_alter_table("line_blocks", schema=None) as batch_op:
        batch_op.drop_index("ix_line_blocks_invoice_number")

    op.drop_table("line_blocks")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_amends")

    op.drop_table("documents")
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.drop_index("ix_allocations_source_id")
        batch_op.drop_index("ix_allocations_invoice_number")

    op.drop_table("allocations")
    op.drop_table("settings")
    with op.batch_alter_table("imports", schema=None) as batch_op:
        batch_op.drop_index("ix_imports_sha256")

    op.drop_table("imports")
    op.drop_table("audit")
