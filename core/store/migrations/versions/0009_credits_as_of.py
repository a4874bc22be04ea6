"""credit notes applied by Microsoft's rule are worked out as of each date, not stored

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28 21:00:00

Until now an import applied the credit notes still in automatic mode to the newest open
invoices and stored those allocations, so the figures depended on the order files were
imported in.  From now on the ledger applies them itself, as of the date asked, on the credit
note's own date after the payments dated before it.  The stored applications are retired
(kept, marked removed by one audited entry that says how many); a credit note the clerk took
in hand stays so.
"""

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

SUMMARY = (
    "credit notes in automatic mode are now applied as of each date (on their own date, after "
    "the payments dated before them) instead of when their file was imported: {n} stored "
    "application(s) retired; balances as of dates before a credit note no longer show it, "
    "and a payment dated before a credit note is applied first"
)


def upgrade() -> None:
    conn = op.get_bind()
    audit = sa.table("audit", sa.column("id", sa.Integer), sa.column("at", sa.DateTime),
                     sa.column("os_user", sa.Text), sa.column("action", sa.String),
                     sa.column("summary", sa.Text), sa.column("details", sa.Text))  # fmt: skip
    allocations = sa.table(
        "allocations", sa.column("id", sa.Integer), sa.column("source_id", sa.String),
        sa.column("invoice_number", sa.String), sa.column("amount", sa.Text),
        sa.column("created_audit_id", sa.Integer), sa.column("removed_audit_id", sa.Integer),
    )  # fmt: skip
    made_by = sa.select(audit.c.id).where(audit.c.action == "apply-credits")
    rows = conn.execute(
        sa.select(allocations.c.id, allocations.c.source_id, allocations.c.invoice_number,
                  allocations.c.amount)
        .where(allocations.c.created_audit_id.in_(made_by),
               allocations.c.removed_audit_id.is_(None))
        .order_by(allocations.c.id)
    ).fetchall()  # fmt: skip
    stored = [r[0] for r in rows]
    if not stored:
        return
    which = ", ".join(f"#{r[0]} {r[1]}→{r[2]} {r[3]}" for r in rows[:20]) + (
        f" and {len(rows) - 20} more" if len(rows) > 20 else "")  # fmt: skip
    entry = conn.execute(
        sa.insert(audit).values(at=datetime.now().replace(microsecond=0), os_user="migration",
                                action="migrate",
                                summary=SUMMARY.format(n=len(stored)) + f" ({which})",
                                details="{}")
        .returning(audit.c.id)
    ).scalar_one()  # fmt: skip
    conn.execute(sa.update(allocations).where(allocations.c.id.in_(stored))
                 .values(removed_audit_id=entry))  # fmt: skip


def downgrade() -> None:  # pragma: no cover - workspaces are only upgraded
    raise NotImplementedError("the retired credit applications are worked out by the ledger")
