"""What is due, missing or stuck, before Microsoft says so: the billing calendar's periods with
their documents, each payment's place in its lifecycle, and one list of findings.

A payment's lifecycle (DOMAIN.md, "Payment term and status"):

* **sent** — a planned transfer (``plan``; exported as pain.001), not yet on a statement;
* **processing** — on the statement; Microsoft applies a correctly referenced payment within
  5 business days, and until then Partner Center shows the invoice unpaid;
* **applied** — the clerk confirms it (``mark PAYMENT applied``), or Microsoft's latest
  invoice download shows it on every invoice it pays (:mod:`core.rules.agree`);
* **unallocated at Microsoft** — Microsoft's latest invoice download, taken past its 5
  business days, does not show what our books apply of it; or the clerk marks it (``mark
  PAYMENT unallocated``) when Partner Center lists it under *Unallocated payment*.  Microsoft
  resolves it within 7 business days of the request e-mail.  A download taken after the
  clerk's mark says more than the mark; the mark stays while there is no newer download.

Each finding has a ``kind`` (see :data:`KINDS`), the document, payment or period it concerns,
the amount at stake and its currency, and a sentence saying what to do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from core import calendar as cal
from core.business_days import PROCESSING_DAYS
from core.i18n import Amount, Money, say
from core.ledger import InvoiceState, Ledger, due_date_of
from core.model import DocumentType, Payment
from core.money import format_amount
from core.rules import agree
from core.settings import Rules

RESOLUTION_DAYS = 7  # business days Microsoft takes to apply an unallocated payment
# A payment still unconfirmed this many days after its 5 business days is no longer followed
# (it is taken as applied): the alert is for the weeks when checking Partner Center matters.
UNCONFIRMED_DAYS = 30
KINDS = (
    "missing_document", "due_soon", "overdue", "suspension_risk", "in_processing",
    "unallocated_at_microsoft", "wrong_currency", "wrong_account", "lines_do_not_add_up",
)  # fmt: skip
PAYMENT_KINDS = ("in_processing", "unallocated_at_microsoft", "wrong_currency", "wrong_account")
SEVERITY = {"suspension_risk": 0, "wrong_currency": 1, "wrong_account": 1, "overdue": 2,
            "unallocated_at_microsoft": 3, "missing_document": 4, "lines_do_not_add_up": 5,
            "due_soon": 6, "in_processing": 7}  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class Finding:
    kind: str
    subject: str  # an invoice number, a payment id, a planned payment's reference, a period
    amount: Decimal | None
    currency: str | None
    on: date | None  # the date it is about: due date, availability, payment date...
    message: str  # what to do
    stage: str = ""  # overdue: reminder / grace; in_processing: late
    action: str = ""  # what one click does: invoice, payment, import, request, ticket, mark

    def as_dict(self) -> dict:
        period = ":" in self.subject  # "new_commerce:2026-09-01"
        payment = self.kind in PAYMENT_KINDS
        return {
            "kind": self.kind, "subject": self.subject, "stage": self.stage,
            "document": None if period or payment else self.subject,
            "payment": self.subject if payment else None,
            "period": self.subject if period else None,
            "amount": None if self.amount is None else format_amount(self.amount, self.currency),
            "currency": self.currency, "date": self.on.isoformat() if self.on else None,
            "message": self.message, "action": self.action,
        }  # fmt: skip


@dataclass(frozen=True)
class Mark:
    payment_id: str
    state: str  # applied, unallocated
    on: date


@dataclass(frozen=True)
class Lifecycle:
    id: str  # payment id, or a planned payment's reference
    state: str  # sent, processing, applied, unallocated_at_microsoft
    since: date
    until: date | None  # processing: applied by then; unallocated: resolved by then
    amount: Decimal
    currency: str
    invoices: tuple[str, ...] = ()
    late: bool = False

    def as_dict(self) -> dict:
        return {"id": self.id, "state": self.state, "since": self.since.isoformat(),
                "until": self.until.isoformat() if self.until else None, "late": self.late,
                "amount": format_amount(self.amount, self.currency), "currency": self.currency,
                "invoices": list(self.invoices)}  # fmt: skip


@dataclass
class Calendar:
    periods: list[cal.Period] = field(default_factory=list)
    header_missing: list[str] = field(default_factory=list)  # invoices known from lines only


def month_name(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def business_calendar(rules: Rules, years: Iterable[int]) -> cal.BusinessCalendar:
    return cal.BusinessCalendar(cal.holidays_of(rules.holiday_country, years,
                                                rules.extra_holidays))  # fmt: skip


def billing_calendar(rules: Rules, ledger: Ledger, first: date, last: date) -> Calendar:
    """The periods whose documents become available from ``first`` to ``last``, with the
    invoices imported for each and whether their reconciliation lines are there."""
    experiences = [e for e in rules.experiences if e != cal.LEGACY or rules.anniversary_day]
    found = cal.periods(experiences, first, last, anniversary_day=rules.anniversary_day,
                        term_days=rules.term_days)  # fmt: skip
    by_experience: dict[str, list[cal.Period]] = defaultdict(list)
    for p in found:
        by_experience[p.experience].append(p)
    received: dict[str, dict[str, None]] = defaultdict(dict)  # ordered sets: one pass
    out = Calendar()
    for number, doc in sorted(ledger.documents.items()):
        if doc.document_type != DocumentType.INVOICE or doc.amends:
            continue  # void notes, rebills (in their original's place), credit notes
        if doc.date is None:
            out.header_missing.append(number)
            continue
        experience = cal.experience_of(doc.invoice_type.value, experiences)
        p = cal.period_of(doc.billing_period_start, doc.date, by_experience.get(experience, []))
        shown = _in_force(ledger, number)
        if p is not None:
            received[p.key][shown] = None
    for p in found:
        numbers = tuple(received.get(p.key, ()))
        with_lines = tuple(n for n in numbers if ledger.documents[n].line_count)
        missing = (() if numbers else ("invoice",)) + (
            ("reconciliation file",) if numbers and len(with_lines) < len(numbers) else ()
        )
        dues = [d for n in numbers if (d := due_date_of(ledger.documents[n], ledger.term_days))]
        out.periods.append(replace(p, received=numbers, with_lines=with_lines, missing=missing,
                                   due=min(dues, default=p.due)))  # fmt: skip
    return out


def _in_force(ledger: Ledger, number: str) -> str:
    """The invoice received for a period: a voided original's latest rebill (the original
    while it has none)."""
    state = ledger.invoices.get(number)
    if state is None or state.counted:
        return number
    return ledger.resolve(number) or number


def first_period_day(ledger: Ledger, as_of: date) -> date:
    """Where the calendar starts: the oldest invoice's period (its documents were available
    shortly before its date), or three months back in an empty workspace."""
    dates = [d.date for d in ledger.documents.values() if d.date is not None]
    return min(dates) - timedelta(days=10) if dates else as_of - timedelta(days=90)


def lifecycle(ledger: Ledger, plans, marks: dict[str, Mark], as_of: date,
              days: cal.BusinessCalendar,
              seen: dict[str, agree.Seen] | None = None) -> list[Lifecycle]:  # fmt: skip
    """Each payment's place in its lifecycle as of a date; ``seen``: what Microsoft's latest
    invoice downloads say of the payments (:func:`core.rules.agree.payments_seen`)."""
    out: list[Lifecycle] = []
    for plan in plans:
        if plan.status == "planned" and plan.date <= as_of + timedelta(days=31):
            out.append(Lifecycle(plan.reference, "sent", plan.date, None, plan.invoiced
                                 - plan.credited, plan.currency,
                                 tuple(ln.invoice for ln in plan.lines)))  # fmt: skip
    for p in ledger.payments.values():
        if p.date is None or p.date > as_of:
            continue
        invoices = tuple(dict.fromkeys(a.target for a in p.allocations if a.target))
        mark = marks.get(p.id)
        life = _seen_at_microsoft(p, (seen or {}).get(p.id), mark, invoices, as_of, days)
        if life is not None:
            out.append(life)
            continue
        if mark is not None and mark.state == "unallocated":
            until = days.add(mark.on, RESOLUTION_DAYS)
            out.append(Lifecycle(p.id, "unallocated_at_microsoft", mark.on, until,
                                 p.remaining or p.amount, p.currency, invoices,
                                 late=as_of > until))  # fmt: skip
            continue
        if mark is not None and mark.state == "applied":
            out.append(Lifecycle(p.id, "applied", mark.on if mark else p.date, None, p.amount,
                                 p.currency, invoices))  # fmt: skip
            continue
        if not invoices:
            continue  # money not allocated here: the dashboard's "unallocated" says so
        until = days.add(p.date, PROCESSING_DAYS)
        if (as_of - until).days > UNCONFIRMED_DAYS:  # long past, nothing heard: applied
            out.append(Lifecycle(p.id, "applied", until, None, p.amount, p.currency, invoices))
            continue
        out.append(Lifecycle(p.id, "processing", p.date, until, p.applied, p.currency, invoices,
                             late=as_of > until))  # fmt: skip
    return out


def _seen_at_microsoft(p, seen: agree.Seen | None, mark: Mark | None,
                       invoices: tuple[str, ...], as_of: date,
                       days: cal.BusinessCalendar) -> Lifecycle | None:  # fmt: skip
    """A payment's place as Microsoft's latest invoice download shows it, when that download
    is newer than the clerk's mark; followed, as the lifecycle is, until
    ``UNCONFIRMED_DAYS`` after its 5 business days (older differences: ``agree``)."""
    if seen is None or (mark is not None and seen.on <= mark.on) or p.date is None:
        return None
    if (as_of - days.add(p.date, PROCESSING_DAYS)).days > UNCONFIRMED_DAYS:
        return None
    if seen.state == "applied":
        return Lifecycle(p.id, "applied", seen.on, None, p.amount, p.currency, invoices)
    return Lifecycle(p.id, "unallocated_at_microsoft", seen.on, None, seen.amount, p.currency,
                     seen.invoices)  # fmt: skip


def findings(
    rules: Rules,
    ledger: Ledger,
    payments: Iterable[Payment],
    plans,
    marks: dict[str, Mark],
    as_of: date,
    views: Iterable[agree.View] = (),
    disputed: Mapping[str, Decimal] | None = None,
) -> tuple[list[Finding], Calendar, list[Lifecycle]]:
    """Every finding as of a date, most urgent first; with the calendar and lifecycle.
    ``views``: Microsoft's views of the invoices (what its invoice downloads reported);
    ``disputed``: the amount under open dispute per invoice (not taken as unallocated)."""
    days = business_calendar(rules, range(as_of.year - 2, as_of.year + 2))
    first = first_period_day(ledger, as_of)
    calendar = billing_calendar(rules, ledger, first, as_of)
    out = _missing_documents(rules, ledger, calendar, as_of)
    out += _voids_without_original(ledger)
    out += _invoice_findings(rules, ledger, as_of)
    agreement = agree.compare(ledger, views, disputed or {},
                              lambda d: days.add(d, PROCESSING_DAYS))  # fmt: skip
    lives = lifecycle(ledger, plans, marks, as_of, days, agree.payments_seen(ledger, agreement))
    out += _lifecycle_findings(lives, as_of, days)
    out += _payment_findings(rules, ledger, payments)
    out.sort(key=lambda f: (SEVERITY[f.kind], f.on or date.min, f.subject))
    return out, calendar, lives


def _missing_documents(
    rules: Rules, ledger: Ledger, calendar: Calendar, as_of: date
) -> list[Finding]:
    """Periods past their grace with no invoice or no reconciliation file; lines with no
    invoice header."""
    out: list[Finding] = []
    add = out.append
    grace = timedelta(days=rules.missing_after_days)
    for p in calendar.periods:
        if as_of < p.available + grace:
            continue
        what = (say("new-commerce period {start} to {end}", start=p.start, end=p.end)
                if p.experience == cal.NEW_COMMERCE
                else say("legacy period {start} to {end}", start=p.start, end=p.end))  # fmt: skip
        if "invoice" in p.missing:
            add(Finding("missing_document", p.key, None, None, p.available,
                        say("No invoice imported for the {what}: Partner Center published it "
                            "by {available}. Download it (Billing > Invoices) and import it, "
                            "or check the billing experiences in the preferences.",
                            what=what, available=p.available),
                        action="import"))  # fmt: skip
        with_lines = set(p.with_lines)
        for number in p.received:
            if number not in with_lines:
                doc = ledger.documents[number]
                add(Finding("missing_document", number, doc.total, doc.currency, p.available,
                            say("{number} is imported but not its reconciliation file "
                                "({what}): download the invoice's reconciliation lines and "
                                "import them, to check the total and see each customer's "
                                "charges.", number=number, what=what),
                            stage="reconciliation file", action="import"))  # fmt: skip
    for number in calendar.header_missing:
        doc = ledger.documents[number]
        add(Finding("missing_document", number, doc.lines_total, doc.currency, None,
                    say("The reconciliation lines of {number} are imported but not the "
                        "invoice itself: import the invoice list (or PDF data) so its date, "
                        "due date and total are known.", number=number),
                    stage="invoice header", action="import"))  # fmt: skip
    return out


def _voids_without_original(ledger: Ledger) -> list[Finding]:
    """Void notes of an invoice the workspace does not have: the invoice list that holds it
    is missing."""
    out: list[Finding] = []
    for number, doc in sorted(ledger.documents.items()):
        if (
            doc.document_type != DocumentType.VOID_NOTE
            or not doc.amends
            or doc.amends in ledger.documents
            or number not in ledger.invoices
        ):
            continue
        out.append(Finding("missing_document", number, -doc.total, doc.currency, doc.date,
                           say("{number} is a void note of {original}, which is not in this "
                               "workspace: import the Partner Center invoice list that holds "
                               "{original} (Billing > Invoices), so that the void and its "
                               "rebill count as they should.", number=number,
                               original=doc.amends), stage="voided original",
                           action="import"))  # fmt: skip
    return out


def _invoice_findings(rules: Rules, ledger: Ledger, as_of: date) -> list[Finding]:
    """Per counted invoice: lines that do not add up, then how due it is."""
    out: list[Finding] = []
    add = out.append
    for inv in ledger.invoices.values():
        d = inv.document
        if inv.counted and inv.lines_difference:
            add(Finding("lines_do_not_add_up", d.number, inv.lines_difference, d.currency, d.date,
                        say("{number}: its reconciliation lines add up to {lines}, the "
                            "invoice says {total}: import the complete reconciliation file, "
                            "or ask Microsoft billing support.", number=d.number,
                            lines=Amount(d.lines_total, d.currency),
                            total=Amount(d.total, d.currency)),
                        action="invoice"))  # fmt: skip
        if not inv.counted or inv.open <= 0 or inv.due_date is None:
            continue
        due = _due_finding(rules, inv, inv.due_date, as_of)
        if due is not None:
            add(due)
    return out


def _due_finding(rules: Rules, inv: InvoiceState, due: date, as_of: date) -> Finding | None:
    """An open invoice due soon, overdue or at risk of suspension; None otherwise."""
    d = inv.document
    late = (as_of - due).days
    money = Money(inv.open, d.currency)
    if -rules.due_soon_days <= late <= 0:
        return Finding("due_soon", d.number, inv.open, d.currency, due,
                       say("{number}: {money} due on {due}: plan the payment now so it is "
                           "applied in time (5 business days).", number=d.number, money=money,
                           due=due), action="invoice")  # fmt: skip
    if late >= rules.suspension_after_days:
        return Finding("suspension_risk", d.number, inv.open, d.currency, due,
                       say("{number}: {money} unpaid {late} days after its due date: "
                           "Microsoft may suspend the account and services. Pay it today and "
                           "send the remittance advice.", number=d.number, money=money,
                           late=late), action="invoice")  # fmt: skip
    if late >= 1:
        stage = ("grace" if late >= rules.grace_after_days else
                 "reminder" if late >= rules.reminder_after_days else "")  # fmt: skip
        after = {"grace": say("the grace period has begun; access is at risk after day "
                              "{day}", day=rules.suspension_after_days),
                 "reminder": say("Microsoft sends reminders"),
                 "": say("overdue")}[stage]  # fmt: skip
        return Finding("overdue", d.number, inv.open, d.currency, due,
                       say("{number}: {money} {late} days past due ({after}): pay it, quoting "
                           "the invoice number.", number=d.number, money=money, late=late,
                           after=after), stage=stage, action="invoice")  # fmt: skip
    return None


def _lifecycle_findings(
    lives: list[Lifecycle], as_of: date, days: cal.BusinessCalendar
) -> list[Finding]:
    """Payments in processing and payments unallocated at Microsoft."""
    out: list[Finding] = []
    for life in lives:
        if life.state == "processing":
            out.append(_processing_finding(life))
        elif life.state == "unallocated_at_microsoft":
            out.append(_unallocated_finding(life, as_of, days))
    return out


def _processing_finding(life: Lifecycle) -> Finding:
    money = Money(life.amount, life.currency)
    invoices = ", ".join(life.invoices)
    text = say(
        "{id}: {money} paid {since}; Microsoft applies it by {until} (5 business days) and "
        "shows {invoices} unpaid until then: nothing to do yet.",
        id=life.id, money=money, since=life.since, until=life.until, invoices=invoices,
    )  # fmt: skip
    if life.late:
        text = say(
            "{id}: {money} paid {since}, past the 5 business days ({until}): if Partner "
            "Center still shows {invoices} unpaid, mark the payment unallocated at Microsoft "
            "and send the request e-mail.",
            id=life.id, money=money, since=life.since, until=life.until, invoices=invoices,
        )  # fmt: skip
    return Finding("in_processing", life.id, life.amount, life.currency, life.until, text,
                   stage="late" if life.late else "", action="mark" if life.late
                   else "payment")  # fmt: skip


def _unallocated_finding(life: Lifecycle, as_of: date, days: cal.BusinessCalendar) -> Finding:
    money = Money(life.amount, life.currency)
    if life.until is None:  # seen in Microsoft's invoice download, not marked by the clerk
        return Finding("unallocated_at_microsoft", life.id, life.amount, life.currency,
                       life.since, say("{id}: {money} applied in our books to {invoices} is "
                                       "not in Partner Center's invoice download of {since}, "
                                       "past its 5 business days: send the request e-mail "
                                       "(invoice numbers and amounts) to "
                                       "bposcapp@microsoft.com.", id=life.id, money=money,
                                       invoices=", ".join(life.invoices), since=life.since),
                       action="request")  # fmt: skip
    age = days.between(life.since, as_of)
    text = say(
        "{id}: {money} unallocated at Microsoft for {age} business day(s): send the request "
        "e-mail (invoice numbers and amounts); Microsoft applies it by {until}.",
        id=life.id, money=money, age=age, until=life.until,
    )  # fmt: skip
    if life.late:
        text = say(
            "{id}: {money} still unallocated at Microsoft after {age} business days "
            "(resolution promised by {until}): open a billing support ticket with the request "
            "e-mail attached.", id=life.id, money=money, age=age, until=life.until,
        )  # fmt: skip
    return Finding("unallocated_at_microsoft", life.id, life.amount, life.currency,
                   life.until, text, stage="late" if life.late else "",
                   action="request")  # fmt: skip


def _payment_findings(rules: Rules, ledger: Ledger, payments: Iterable[Payment]) -> list[Finding]:
    """Payments sent in the wrong currency or to the wrong account."""
    out: list[Finding] = []
    add = out.append
    for p in payments:
        state = ledger.payments.get(p.id)
        if state is None:
            continue
        money = Money(p.amount, p.currency)
        if "currency_mismatch" in state.flags:
            said = _paid_in(next((n for n in state.notes if "paid in" in n), ""))
            add(Finding("wrong_currency", p.id, p.amount, p.currency, p.date,
                        say("{id}: {money} — {said}: open a support ticket (invoice numbers, "
                            "payment date, amount, currency and account used) asking "
                            "Microsoft to re-apply or return it.", id=p.id, money=money,
                            said=said), action="ticket"))  # fmt: skip
        expected = rules.payee_accounts.get(p.currency)
        if p.payee_account and expected and p.payee_account != expected:
            add(Finding("wrong_account", p.id, p.amount, p.currency, p.date,
                        say("{id}: {money} sent to {account}, not to Microsoft's {currency} "
                            "account {expected}: report it at once (support ticket with the "
                            "payment's date, amount, currency and the account used) and send "
                            "the payment to the right account.", id=p.id, money=money,
                            account=p.payee_account, currency=p.currency,
                            expected=expected), action="ticket"))  # fmt: skip
    return out


def _paid_in(note: str) -> str:
    """The ledger's note on a payment in another currency than the invoice it quotes, up to
    its colon; a sentence a face can translate when it reads as expected."""
    said = note.split(":")[0]
    quoted = _PAID_IN.fullmatch(said)
    if quoted is None:
        return said
    return say("quotes {number} ({invoiced}) but was paid in {paid}", number=quoted[1],
               invoiced=quoted[2], paid=quoted[3])  # fmt: skip


_PAID_IN = re.compile(r"quotes (\S+) \((\w+)\) but was paid in (\w+)")


def totals(found: Iterable[Finding]) -> dict[str, dict[str, str]]:
    """Per kind and currency, the amount at stake."""
    acc: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for f in found:
        if f.amount is not None and f.currency:
            acc[f.kind][f.currency] += f.amount
    return {k: {c: format_amount(v, c) for c, v in sorted(cur.items())}
            for k, cur in sorted(acc.items())}  # fmt: skip
