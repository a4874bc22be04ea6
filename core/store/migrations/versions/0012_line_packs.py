"""Line items in packs: an import's lines as Parquet files of up to 65,536 lines

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-28 23:30:00

A block per invoice (an Arrow stream each) cost about 1,000 bytes a line for the small
invoices of a large workspace, and a row per invoice and customer as much again.  New imports
store their lines as packs (``line_packs``, kind "lines") that ``line_blocks`` points into
(``pack_id``, ``first_row``), and what the lines add up to per invoice and customer as one
pack per import (kind "customers").  The blocks and customer rows already stored stay as
they are and are read as before.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "line_packs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["imports.id"], name=op.f("fk_line_packs_import_id_imports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_packs")),
    )
    op.create_index("ix_line_packs_import_id", "line_packs", ["import_id"])
    with op.batch_alter_table("line_blocks") as batch:
        batch.alter_column("payload", existing_type=sa.LargeBinary(), nullable=True)
        batch.add_column(sa.Column("pack_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("first_row", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_line_blocks_pack_id_line_packs"), "line_packs", ["pack_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("line_blocks") as batch:
        batch.drop_constraint(op.f("fk_line_blocks_pack_id_line_packs"), type_="foreignkey")
        batch.drop_column("first_row")
        batch.drop_column("pack_id")
    op.drop_index("ix_line_packs_import_id", table_name="line_packs")
    op.drop_table("line_packs")
