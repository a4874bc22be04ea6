"""covering index for the line blocks' totals

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 16:30:00
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_line_blocks_totals", "line_blocks", ["invoice_number", "total", "line_count"]
    )


def downgrade() -> None:
    op.drop_index("ix_line_blocks_totals", table_name="line_blocks")
