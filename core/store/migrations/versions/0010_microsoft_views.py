"""Microsoft's view of each invoice: what every invoice download reported as paid, and when

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28 22:00:00

Each Partner Center invoice download reports ``paidAmount`` per invoice: what Microsoft has
applied to it.  Until now a later download that reported another paid amount was taken as an
update of the document; from now on each download adds a view (invoice, paid amount, the day
the view was taken, the import that brought it) and the document stays as it is.  The paid
amounts already stored become the views of the imports that brought them, taken on the day
they were imported; no figure of the ledger changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "microsoft_views",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_number", sa.String(length=64), nullable=False),
        sa.Column("paid_amount", sa.String(length=64), nullable=False),
        sa.Column("seen_on", sa.Date(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["imports.id"], name=op.f("fk_microsoft_views_import_id_imports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_microsoft_views")),
    )
    op.create_index("ix_microsoft_views_invoice_number", "microsoft_views", ["invoice_number"])
    conn = op.get_bind()
    documents = sa.table("documents", sa.column("number", sa.String),
                         sa.column("paid_amount_reported", sa.String),
                         sa.column("import_id", sa.Integer),
                         sa.column("header_import_id", sa.Integer))  # fmt: skip
    imports = sa.table("imports", sa.column("id", sa.Integer),
                       sa.column("imported_at", sa.DateTime))  # fmt: skip
    views = sa.table("microsoft_views", sa.column("invoice_number", sa.String),
                     sa.column("paid_amount", sa.String), sa.column("seen_on", sa.Date),
                     sa.column("import_id", sa.Integer))  # fmt: skip
    brought_by = sa.func.coalesce(documents.c.header_import_id, documents.c.import_id)
    rows = conn.execute(
        sa.select(documents.c.number, documents.c.paid_amount_reported, imports.c.id,
                  imports.c.imported_at)
        .join(imports, imports.c.id == brought_by)
        .where(documents.c.paid_amount_reported.is_not(None))
        .order_by(imports.c.id, documents.c.number)
    ).fetchall()  # fmt: skip
    if rows:
        conn.execute(sa.insert(views), [
            {"invoice_number": number, "paid_amount": paid, "seen_on": at.date(),
             "import_id": import_id}
            for number, paid, import_id, at in rows
        ])  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_microsoft_views_invoice_number", table_name="microsoft_views")
    op.drop_table("microsoft_views")
