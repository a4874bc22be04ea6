"""Planned payments: the clerk plans a transfer settling invoices (less credit notes); the
bank statement that shows it confirms the plan and makes its allocations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, func, insert, select, update

from core import planning
from core.changes import Change, change
from core.errors import Refused
from core.model import Payment
from core.rules.plans import confirmation, credits_in, refuse_planned_twice, transfer_of
from core.services.base import Service
from core.store import reads, writes
from core.store import schema as t
from core.store.session import retried


class Plans(Service):
    def list(self, status: str | None = None) -> dict[int, planning.Plan]:
        """Planned payments by id, with their lines (and ``payment_id`` once confirmed).  A
        role that may not see them (sales) is refused (the alerts show such a role none)."""
        if "planned_payments" in self.store.hidden_tables:
            raise Refused(f"the server refused: {self.store.user} ({self.store.role_name()}) "
                          "may not see payment plans; nothing was changed")  # fmt: skip
        with self.store.conn() as conn:
            return reads.plans(conn, status)

    def overview(self, as_of: date) -> list[dict]:
        """Each planned payment as the window lists it, with where it stands (``state``):
        ``planned`` (no statement has shown it yet), ``sent`` once its SEPA transfer was
        written for the bank (``until``: the day; see :meth:`save_pain001`); once a
        statement's payment confirmed it,
        ``processing`` while Microsoft's processing window runs (``until`` its last day),
        ``unallocated`` when the clerk marked the payment unallocated at Microsoft,
        ``applied`` when marked applied there, else ``confirmed``."""
        from core.views import processing_until

        marks = self.ws.alerts.marks()
        payments = {p.id: p for p in self.ws.books.payments()}
        sent = self._sent()
        rows = []
        for plan_id, p in self.list().items():
            state, until = p.status, None
            if p.status == "planned" and plan_id in sent:
                state, until = "sent", sent[plan_id]
            paid = payments.get(p.payment_id or "")
            if p.status == "confirmed" and paid is not None:
                mark = marks.get(paid.id)
                until = processing_until(paid.date.isoformat(), as_of)
                if mark is not None:
                    state = mark.state  # unallocated or applied at Microsoft
                elif until is not None:
                    state = "processing"
            rows.append({
                "id": plan_id, "reference": p.reference, "date": p.date.isoformat(),
                "currency": p.currency, "amount": p.amount, "status": p.status,
                "state": state, "until": until, "payment": p.payment_id,
                "invoices": [ln.invoice for ln in p.lines if ln.kind == "invoice"],
                "credits": [ln.source for ln in p.lines if ln.kind == "credit"],
            })  # fmt: skip
        return rows

    def _sent(self) -> dict[int, str]:
        """The plans whose SEPA transfer was written for the bank: the day it last was."""
        import json

        with self.store.conn() as conn:
            undone = reads.undone_changes(conn)
            rows = conn.execute(select(t.audit).where(t.audit.c.action == "plan-sent")
                                .order_by(t.audit.c.id))  # fmt: skip
            return {plan: r.at.date().isoformat() for r in rows if r.id not in undone
                    for plan in json.loads(r.details)["plans"]}  # fmt: skip

    @retried
    def save_pain001(self, plan_ids: Sequence[int], path: Path) -> Change:
        """The SEPA credit transfers of planned payments in one pain.001 file (written by
        :meth:`core.services.documents.Documents.save_pain001`, checked against its schema),
        and the plans recorded as sent to the bank (their state in :meth:`overview`)."""
        self.store.writable()
        plans = self.list()
        unknown = [i for i in plan_ids if i not in plans]
        if unknown:
            raise Refused(f"no planned payment #{unknown[0]}")
        written = self.ws.documents.save_pain001([f"plan:{i}" for i in plan_ids], path)
        with self.store.change() as conn:
            audit_id = self.store.audit(
                conn, "plan-sent",
                "sent to the bank: " + ", ".join(plans[i].reference for i in plan_ids)
                + f" ({path.name})",
                {"plans": list(plan_ids), "file": path.name},
            )  # fmt: skip
        return change("plan-sent", written.lines, {"plans"}, path, audit_id)

    def _in(self, conn: Connection, status: str | None) -> dict[int, planning.Plan]:
        if "planned_payments" in self.store.hidden_tables:
            return {}  # sales: no payment plans
        return reads.plans(conn, status)

    @retried
    def plan(
        self,
        invoices: Sequence[str],
        credits: Sequence[str] = (),
        when: date | None = None,
        reference: str | None = None,
    ) -> Change:
        """Record planned payments (one per currency) settling ``invoices``; the change's
        ``result`` is their ids."""
        self.store.writable()
        when = when or date.today()
        reference = planning.reference_of(reference)
        with self.store.change(allocating=True) as conn:
            facts = self.ws.books.facts(conn)
            # the credit notes netted are the clerk's now, not Microsoft's rule's
            ledger = facts.ledger(automatic=facts.automatic - {c.strip().upper() for c in credits})
            refuse_planned_twice(ledger, invoices, self._in(conn, "planned"))
            plans = planning.plan(ledger, invoices, credits, when)
            ids = [self._record(conn, p, reference) for p in plans]
        return change("plan", [str(i) for i in ids], {"plans", "documents"}, ids)

    def _record(self, conn: Connection, p: planning.Plan, reference: str | None) -> int:
        next_id = (conn.scalar(select(func.max(t.planned_payments.c.id))) or 0) + 1
        p.reference = reference or f"RA-{p.date:%Y%m%d}-{next_id}"
        audit_id = self.store.audit(
            conn, "plan", f"plan #{next_id} {planning.describe(p)}", {"plan": next_id}
        )
        plan_id = int(conn.execute(insert(t.planned_payments).values(
            id=next_id, reference=p.reference, date=p.date, currency=p.currency,
            amount=p.amount, status="planned", payment_id=None, created_audit_id=audit_id,
        )).inserted_primary_key[0])  # fmt: skip
        conn.execute(insert(t.plan_lines), [
            dict(plan_id=plan_id, position=i, kind=ln.kind, source=ln.source,
                 invoice_number=ln.invoice, amount=ln.amount)
            for i, ln in enumerate(p.lines)
        ])  # fmt: skip
        for credit in credits_in([p]):
            writes.stop_auto_apply(conn, credit)
        return plan_id

    def confirm(self, conn: Connection, new_payments: list[tuple[str, Payment]]) -> list[str]:
        """Inside an import: a payment that is a planned transfer takes the plan's
        allocations; what to tell the clerk."""
        open_plans = self._in(conn, "planned")
        said: list[str] = []
        for pid, payment in new_payments if open_plans else ():
            match = transfer_of(open_plans, payment)
            if match is None:
                continue
            p = open_plans.pop(match)
            planned = confirmation(p, pid, self.ws.books.ledger(conn=conn))
            audit_id = self.store.audit(
                conn, "confirm-plan",
                f"{pid} is planned payment #{match} ({p.reference}): its allocations applied",
                {"plan": match, "payment": pid},
            )  # fmt: skip
            writes.add_allocations(conn, planned, audit_id)
            conn.execute(update(t.planned_payments).where(t.planned_payments.c.id == match)
                         .values(status="confirmed", payment_id=pid))  # fmt: skip
            said.append(f"{pid}: the transfer of planned payment #{match} ({p.reference}); "
                        "confirmed and allocated as planned")  # fmt: skip
        return said
