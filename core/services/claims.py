"""Disputes of an invoice or line, and SLA credit claims: opened, then settled by a credit
note or withdrawn (audited)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, func, insert, select, update

from core.changes import Change, change
from core.money import format_exact
from core.rules import claims as rules
from core.services.base import Service
from core.store import reads
from core.store import schema as t
from core.store.session import retried

TOUCHED = ("claims",)


class Claims(Service):
    def list(self, kind: str | None = None, open_only: bool = False) -> list[dict]:
        """Disputes and SLA credit claims, oldest first, with their age in days."""
        with self.store.conn() as c:
            return reads.claims(c, kind, open_only)

    def get(self, claim_id: int) -> dict:
        return next(c for c in self.list() if c["id"] == claim_id)

    def disputed_open(self, claims: list[dict] | None = None) -> dict[str, Decimal]:
        """Per invoice, the amount under open dispute (of ``claims`` when read already)."""
        out: dict[str, Decimal] = defaultdict(Decimal)
        for c in self.list() if claims is None else claims:
            if c["kind"] == "dispute" and c["state"] == "open":
                out[c["invoice"]] += Decimal(c["amount"])
        return dict(out)

    @retried
    def open_dispute(
        self, target: str, amount: str | Decimal, reason: str, ticket: str = "",
        on: date | None = None,
    ) -> Change:  # fmt: skip
        """Dispute an amount on an invoice (``G000123456``) or one of its lines
        (``G000123456#3``); the change's ``result`` is the claim."""
        self.store.writable()
        d = rules.dispute_target(target, reason)
        with self.store.change() as conn:
            doc = conn.execute(select(t.documents).where(t.documents.c.number == d.number)).first()
            if doc is None:
                raise ValueError(f"no invoice '{d.number}' in this workspace")
            value = rules.disputed_amount(amount, doc.currency)
            if d.position:
                count = conn.scalar(
                    select(func.coalesce(func.sum(t.line_blocks.c.line_count), 0)).where(
                        t.line_blocks.c.invoice_number == d.number
                    )
                )
                rules.check_line(target, d, count)
            claim_id = self._add(
                conn, f"dispute {d.label}: {format_exact(value, doc.currency)} {doc.currency} "
                f"({reason.strip()})", {"invoice": d.number, "line": d.label}, ticket, on,
                kind="dispute", invoice_number=d.number, line=d.label if d.position else "",
                amount=value, currency=doc.currency, reason=reason.strip(),
            )  # fmt: skip
        return self._said(claim_id)

    @retried
    def open_sla_claim(
        self, service: str, month: str, availability: str | Decimal, amount: str | Decimal,
        currency: str, ticket: str = "", on: date | None = None,
    ) -> Change:  # fmt: skip
        """Claim an SLA credit: monthly availability below 99.9 % (Dynamics 365 FAQ)."""
        self.store.writable()
        c = rules.sla_claim(service, month, availability, amount, currency)
        with self.store.change() as conn:
            claim_id = self._add(
                conn, f"SLA claim {c.service} {c.month}: {c.availability} %, "
                f"{format_exact(c.amount, c.currency)} {c.currency}", {"service": c.service},
                ticket, on, kind="sla", service=c.service, month=c.month,
                availability=format(c.availability, "f"), amount=c.amount, currency=c.currency,
            )  # fmt: skip
        return self._said(claim_id)

    @retried
    def close(self, claim_id: int, credit_note: str | None = None,
              on: date | None = None) -> Change:  # fmt: skip
        """Close a dispute or SLA claim: settled by a credit note (linked), or withdrawn."""
        self.store.writable()
        with self.store.change() as conn:
            claim = conn.execute(select(t.claims).where(t.claims.c.id == claim_id)).first()
            if claim is None:
                raise ValueError(f"no dispute or SLA claim #{claim_id}")
            number = (credit_note or "").strip().upper()
            doc = None if not number else conn.execute(
                select(t.documents).where(t.documents.c.number == number)).first()  # fmt: skip
            rules.check_closing_credit(claim_id, claim.state, claim.currency, number,
                                       doc.total if doc else None,
                                       doc.currency if doc else None)  # fmt: skip
            state = "credited" if number else "withdrawn"
            what = f"credited by {number}" if number else "withdrawn"
            self.store.audit(conn, "close-claim", f"claim #{claim_id}: {what}",
                             {"claim": claim_id, "state": state})  # fmt: skip
            conn.execute(update(t.claims).where(t.claims.c.id == claim_id).values(
                state=state, credit_note=number or None, closed_on=on or date.today()))  # fmt: skip
        return self._said(claim_id)

    def _add(self, conn: Connection, summary: str, details: dict, ticket: str,
             on: date | None, **values: object) -> int:  # fmt: skip
        """An open claim, audited (action ``dispute`` or ``sla-claim``); its id."""
        action = "dispute" if values["kind"] == "dispute" else "sla-claim"
        audit_id = self.store.audit(conn, action, summary, details)
        return int(conn.execute(insert(t.claims).values(
            **values, ticket=ticket.strip(), opened_on=on or date.today(), state="open",
            audit_id=audit_id,
        )).inserted_primary_key[0])  # fmt: skip

    def _said(self, claim_id: int) -> Change:
        claim = self.get(claim_id)
        label = "dispute" if claim["kind"] == "dispute" else "SLA claim"
        said = f"{label} #{claim['id']}: {claim['state']}" + (
            f" by {claim['credit_note']}" if claim["credit_note"] else "")  # fmt: skip
        return change(f"claim-{claim['state']}", said, TOUCHED, claim)
