"""Realistic Partner Center files of any size, for benchmarks.

``recon_csv(path, rows)`` writes a new-commerce reconciliation line-item CSV
(47 columns: GUIDs, quoted customer names with commas, 2- and 6-decimal
amounts, US dates); ``daily_usage_csv(path, rows)`` a daily rated usage file
(52 columns, one row per meter per day).  Deterministic for a given size.
"""

from __future__ import annotations

import csv
import random
import uuid
from pathlib import Path

from core.importers.pc_recon_lines import RECON_COLUMNS

RECON = RECON_COLUMNS
USAGE = (
    "PartnerId,PartnerName,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,MpnId,"
    "Tier2MpnId,InvoiceNumber,ProductId,SkuId,AvailabilityId,SkuName,ProductName,PublisherName,"
    "PublisherId,SubscriptionDescription,SubscriptionId,ChargeStartDate,ChargeEndDate,UsageDate,"
    "MeterType,MeterCategory,MeterId,MeterSubCategory,MeterName,MeterRegion,Unit,"
    "ResourceLocation,ConsumedService,ResourceGroup,ResourceURI,ChargeType,UnitPrice,Quantity,"
    "UnitType,BillingPreTaxTotal,BillingCurrency,PricingPreTaxTotal,PricingCurrency,ServiceInfo1,"
    "ServiceInfo2,Tags,AdditionalInfo,EffectiveUnitPrice,PCToBCExchangeRate,"
    "PCToBCExchangeRateDate,EntitlementId,EntitlementDescription,PartnerEarnedCreditPercentage,"
    "CreditPercentage,CreditType"
).split(",")
PRODUCTS = [
    ("CFQ7TTC0LF8Q", "Microsoft 365 Business Premium", "22.000000"),
    ("CFQ7TTC0LH18", "Microsoft 365 E3", "36.000000"),
    ("CFQ7TTC0LCHC", "Exchange Online (Plan 1)", "4.000000"),
    ("DZH318Z0BQ3P", "Azure plan", "1.000000"),
]


def _customers(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    words = ["Durand", "Lefèvre", "Morel", "Saint-Éloi", "Contoso", "Fabrikam", "Northwind"]
    out = []
    for i in range(n):
        name = f"{rng.choice(words)} {rng.choice(words)}, {rng.choice(['SARL', 'SAS', 'SA'])} {i}"
        out.append((str(uuid.UUID(int=rng.getrandbits(128))), name, f"c{i}.onmicrosoft.com"))
    return out


def recon_csv(path: Path, rows: int, *, invoices: int = 12, seed: int = 1) -> Path:
    """As Partner Center writes it: each invoice's lines together (Recurring, then OneTime...)."""
    rng = random.Random(seed)
    customers = _customers(rng, max(10, rows // 200))
    partner = str(uuid.UUID(int=rng.getrandbits(128)))
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(RECON)
        for i in range(rows):
            number = f"G{100000000 + i * invoices // rows:09d}"
            cust = customers[i % len(customers)]
            prod = PRODUCTS[i % len(PRODUCTS)]
            qty = rng.randint(1, 250)
            sub = (int(float(prod[2]) * 100) * qty) / 100
            if i % 37 == 0:
                sub = -sub  # a credit line
            tax = round(sub * 0.2, 2)
            w.writerow([
                partner, cust[0], cust[1], cust[2], "FR", number,
                "6123456", "", f"ORD{i:010d}", "3/1/2026", prod[0], "0001",
                f"CFQ7TTC0{i % 9999:04d}", prod[1], prod[1],
                "cycleCharge" if sub >= 0 else "cancelImmediate", prod[2], qty,
                f"{sub:.2f}", f"{tax:.2f}", f"{sub + tax:.2f}", "EUR", "", "Microsoft Corporation",
                "", f"{prod[1]} - {cust[1]}", str(uuid.UUID(int=rng.getrandbits(128))),
                "3/1/2026", "3/31/2026 0:00", "One-Year commitment for monthly/yearly billing",
                prod[2], "1 License", f"{rng.getrandbits(40):x}", qty, "Monthly", "EUR", "1",
                "2/27/2026", "", "", "" if sub >= 0 else "CR01", "1/1/2026", "12/31/2026",
                "", "", "", "Microsoft 365",
            ])  # fmt: skip
    return path


def daily_usage_csv(path: Path, rows: int, *, invoice: str = "G000200001", seed: int = 2) -> Path:
    rng = random.Random(seed)
    customers = _customers(rng, max(10, rows // 3000))
    meters = [(str(uuid.UUID(int=rng.getrandbits(128))), f"Meter {m}") for m in range(40)]
    partner = str(uuid.UUID(int=rng.getrandbits(128)))
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(USAGE)
        for i in range(rows):
            cust = customers[(i // 1200) % len(customers)]
            meter = meters[(i // 30) % len(meters)]
            day = 1 + i % 30
            qty = rng.randint(1, 2400) / 100
            price = 0.104
            w.writerow([
                partner, "Nuage Conseil", cust[0], cust[1], cust[2], "FR", "6123456", "",
                invoice, "DZH318Z0BQ3P", "0001", "DZH318Z0BQ3Q", "Azure plan", "Azure plan",
                "Microsoft", "", "Azure plan", f"sub-{cust[0][:8]}", "11/1/2026", "11/30/2026",
                f"11/{day}/2026", "Consumption", "Virtual Machines", meter[0], "Dv3", meter[1],
                "EU West", "1 Hour", "westeurope", "Microsoft.Compute", "rg-prod",
                f"/subscriptions/x/resourceGroups/rg/providers/vm{i % 500}", "usage",
                f"{price:.6f}", f"{qty:.6f}", "1 Hour", f"{qty * price:.6f}", "EUR",
                f"{qty * price:.6f}", "USD", "", "", '{"env": "prod"}', "", f"{price:.6f}", "1",
                "10/30/2026", "", "", "", "", "",
            ])  # fmt: skip
    return path
