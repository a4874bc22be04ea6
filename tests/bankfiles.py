"""Writers of realistic bank statements, the same movements in every format.

Each movement: (date, signed amount, currency, counterparty, remittance text,
[(invoice, amount), ...] structured references).  Negative amounts leave the
account.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from core.demo import french_amount

Movement = tuple[date, Decimal, str, str, str, list]

MOVEMENTS: list[Movement] = [
    (date(2026, 3, 10), Decimal("-1000.00"), "EUR", "MICROSOFT IRELAND OPERATIONS LTD",
     "G000000001", [("G000000001", Decimal("1000.00"))]),
    (date(2026, 3, 11), Decimal("-750.00"), "EUR", "MICROSOFT IRELAND OPERATIONS LTD",
     "FACT G000000003 G000000004", []),
    (date(2026, 3, 12), Decimal("2500.00"), "EUR", "CLIENT DURAND SARL", "FACTURE F2026-001", []),
    (date(2026, 3, 13), Decimal("-617.14"), "EUR", "ORANGE SA", "PRLV ORANGE 76662391", []),
    (date(2026, 3, 14), Decimal("-300.00"), "EUR", "MICROSOFT IRELAND OPERATIONS LTD",
     "ACOMPTE", []),
]  # fmt: skip
OPENING = Decimal("10000.00")
IBAN = "FR7630003000501234567890143"


def closing() -> Decimal:
    return OPENING + sum((m[1] for m in MOVEMENTS), Decimal(0))


def camt053(path: Path, version: str = "02", movements=MOVEMENTS) -> Path:
    def party(m):
        role = "Cdtr" if m[1] < 0 else "Dbtr"
        name = f"<Nm>{m[3]}</Nm>"
        if version >= "08":
            name = f"<Pty>{name}</Pty>"
        return f"<RltdPties><{role}>{name}</{role}></RltdPties>"

    def rmt(m):
        strd = "".join(
            f"<Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>{n}</Nb>"
            f'</RfrdDocInf><RfrdDocAmt><RmtdAmt Ccy="{m[2]}">{a}</RmtdAmt></RfrdDocAmt></Strd>'
            for n, a in m[5]
        )
        return f"<RmtInf><Ustrd>{m[4]}</Ustrd>{strd}</RmtInf>"

    status = "<Sts>BOOK</Sts>" if version < "05" else "<Sts><Cd>BOOK</Cd></Sts>"
    entries = "".join(
        f'<Ntry><NtryRef>{i}</NtryRef><Amt Ccy="{m[2]}">{abs(m[1])}</Amt>'
        f"<CdtDbtInd>{'DBIT' if m[1] < 0 else 'CRDT'}</CdtDbtInd>{status}"
        f"<BookgDt><Dt>{m[0].isoformat()}</Dt></BookgDt><ValDt><Dt>{m[0].isoformat()}</Dt></ValDt>"
        f"<AcctSvcrRef>BANK-{i:04d}</AcctSvcrRef>"
        f"<NtryDtls><TxDtls><Refs><EndToEndId>E2E-{i:04d}</EndToEndId></Refs>{party(m)}{rmt(m)}"
        f"</TxDtls></NtryDtls></Ntry>"
        for i, m in enumerate(movements, start=1)
    )
    half = len(entries) // 2
    cut = entries.index("<Ntry>", half) if "<Ntry>" in entries[half:] else len(entries)

    def stmt(n, body):
        return (
            f"<Stmt><Id>STMT-{n}</Id><CreDtTm>2026-03-15T08:00:00</CreDtTm>"
            f"<Acct><Id><IBAN>{IBAN}</IBAN></Id></Acct>{body}</Stmt>"
        )

    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}">'
        "<BkToCstmrStmt><GrpHdr><MsgId>MSG1</MsgId><CreDtTm>2026-03-15T08:00:00</CreDtTm>"
        f"</GrpHdr>{stmt(1, entries[:cut])}{stmt(2, entries[cut:])}</BkToCstmrStmt></Document>"
    )
    path.write_text(xml, encoding="utf-8")
    return path


def _mt_amount(a: Decimal) -> str:
    return f"{abs(a):.2f}".replace(".", ",")


def mt940(path: Path, movements=MOVEMENTS) -> Path:
    lines = [
        ":20:STMT0315",
        f":25:{IBAN}",
        ":28C:00042/001",
        f":60F:C260309EUR{_mt_amount(OPENING)}",
    ]
    for i, m in enumerate(movements, start=1):
        d = m[0].strftime("%y%m%d")
        mark = "D" if m[1] < 0 else "C"
        lines.append(f":61:{d}{d[2:]}{mark}{_mt_amount(m[1])}NTRFNONREF//BANK-{i:04d}")
        role = "BENM" if m[1] < 0 else "ORDP"
        refs = " ".join(n for n, _ in m[5])
        lines.append(f":86:/{role}/{m[3]}/REMI/{m[4]} {refs}".rstrip())
    end = closing()
    lines.append(f":62F:{'C' if end >= 0 else 'D'}260314EUR{_mt_amount(end)}")
    path.write_text("\r\n".join(lines) + "\r\n-\r\n", encoding="latin-1")
    return path


def cfonb_amount(a: Decimal, decimals: int = 2) -> str:
    digits = f"{abs(a) * 10**decimals:.0f}".rjust(14, "0")
    last = int(digits[-1])
    sign = ("{ABCDEFGHI" if a >= 0 else "}JKLMNOPQR")[last]
    return digits[:-1] + sign


def cfonb120(path: Path, movements=MOVEMENTS) -> Path:
    def rec(code, date_, amount=None, label="", extra=""):
        r = f"{code}30003    00501EUR2 {IBAN[14:25]:<11}  {date_.strftime('%d%m%y')}"
        r = r.ljust(48) + label.ljust(31)[:31]
        r = r.ljust(90) + (cfonb_amount(amount) if amount is not None else "")
        return (extra if extra else r.ljust(120))[:120]

    out = [rec("01", date(2026, 3, 9), OPENING)]
    for i, m in enumerate(movements, start=1):
        d = m[0].strftime("%d%m%y")
        head = f"0430003000500501EUR2 {IBAN[14:25]:<11}05{d}  {d}"
        r = (head + f"VIR {m[3]}"[:31].ljust(31)).ljust(81) + f"{i:07d}" + "  "
        r = (r + cfonb_amount(m[1]) + f"BANK-{i:04d}").ljust(120)
        out.append(r)
        refs = " ".join(n for n, _ in m[5])
        for qual, value in (("NBE" if m[1] < 0 else "NPY", m[3]), ("LIB", f"{m[4]} {refs}")):
            c = f"0530003000500501EUR2 {IBAN[14:25]:<11}05{d}".ljust(45) + qual + value
            out.append(c.ljust(120)[:120])
    out.append(rec("07", date(2026, 3, 14), closing()))
    path.write_text("\r\n".join(out) + "\r\n", encoding="latin-1")
    return path


def bank_csv(path: Path, movements=MOVEMENTS) -> Path:
    rows = ["Date;Date de valeur;Libellé;Bénéficiaire;Débit;Crédit;Devise"]
    for m in movements:
        refs = " ".join(n for n, _ in m[5])
        label = f"VIR {m[3]} {m[4]} {refs}".strip()
        debit, credit = (
            (french_amount(abs(m[1])), "") if m[1] < 0 else ("", french_amount(abs(m[1])))
        )
        d = m[0].strftime("%d/%m/%Y")
        rows.append(f"{d};{d};{label};{m[3]};{debit};{credit};{m[2]}")
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    return path
