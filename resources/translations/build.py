"""Translations: ``python resources/translations/build.py``.

Refreshes ``csp_reconciler_fr.ts`` from the sources (pyside6-lupdate), fills in
the French of every message listed below, and compiles the ``.qm`` the
application loads (pyside6-lrelease).  A message with no French here stays
marked unfinished in the ``.ts`` for a translator with Qt Linguist.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "csp_reconciler_fr.ts"

FRENCH = {
    " (read-only)": " (lecture seule)",
    "%d invoices, %d payments": "%d factures, %d paiements",
    "%n invoice(s) whose lines do not add up": "%n facture(s) dont les lignes ne concordent pas",
    "%n overdue invoice(s)": "%n facture(s) en retard",
    "%n payment(s) in the wrong currency": "%n paiement(s) dans la mauvaise devise",
    "%n payment(s) with money not allocated": "%n paiement(s) non entièrement affecté(s)",
    "%s allocated, only %s available": "%s affecté, seulement %s disponible",
    "%s of %s to allocate. Edit the amounts; leave 0 to skip.": "%s de %s à affecter. Modifiez les montants ; laissez 0 pour ignorer.",
    "%s still owes %s": "%s reste dû : %s",
    "%s: '%s' is not an amount": "%s : « %s » n'est pas un montant",
    "%s: the amount cannot be negative": "%s : le montant ne peut pas être négatif",
    "&Allocate selected payment…": "&Affecter le paiement sélectionné…",
    "&Copy bank reference of the selected payment": "&Copier la référence de virement du paiement sélectionné",
    "&Edit": "&Édition",
    "&File": "&Fichier",
    "&Import files…": "&Importer des fichiers…",
    "&Payments": "&Paiements",
    "&Quit": "&Quitter",
    "&Redo": "&Rétablir",
    "&Undo last change": "&Annuler la dernière modification",
    "Aging (days past due, 60-day term)": "Balance âgée (jours de retard, échéance à 60 jours)",
    "All currencies": "Toutes les devises",
    "Allocate": "Affecter",
    "Allocate %s": "Affecter %s",
    "Allocate by &quoted invoice numbers": "Affecter selon les numéros de facture &cités",
    "Allocated": "Affecté",
    "Amount": "Montant",
    "Amount due": "Montant dû",
    "Applied": "Imputé",
    "Balance": "Solde",
    "Balance as of %s": "Solde au %s",
    "CSP Reconciler": "CSP Reconciler",
    "Cancel": "Annuler",
    "Copied: %s": "Copié : %s",
    "Credit note": "Avoir",
    "Credit notes": "Avoirs",
    "Currency": "Devise",
    "Dashboard": "Tableau de bord",
    "Date": "Date",
    "Days past due": "Jours de retard",
    "Due": "Échéance",
    "Excel workbook (*.xlsx)": "Classeur Excel (*.xlsx)",
    "Export &remittance advice of the selected payment…": "Exporter l'avis de &paiement du paiement sélectionné…",
    "Export Excel &report…": "Exporter le &rapport Excel…",
    "Flags": "Alertes",
    "Import files": "Importer des fichiers",
    "Import finished": "Import terminé",
    "Importing…": "Import en cours…",
    "Invoice": "Facture",
    "Invoices": "Factures",
    "Loading…": "Chargement…",
    "Needs attention: ": "À traiter : ",
    "Nothing": "Rien",
    "Columns|Open": "Restant dû",
    "PDF (*.pdf);;Excel workbook (*.xlsx);;Text (*.txt)": "PDF (*.pdf);;Classeur Excel (*.xlsx);;Texte (*.txt)",
    "Payment": "Paiement",
    "Payments": "Paiements",
    "Reference": "Libellé",
    "Remaining to allocate: %s": "Reste à affecter : %s",
    "Save Excel report": "Enregistrer le rapport Excel",
    "Save remittance advice": "Enregistrer l'avis de paiement",
    "Saved %s": "Enregistré : %s",
    "Search (number, reference, status...)": "Rechercher (numéro, libellé, statut…)",
    "Select a payment first": "Sélectionnez d'abord un paiement",
    "Select a payment to allocate first": "Sélectionnez d'abord un paiement à affecter",
    "Selection: ": "Sélection : ",
    "Status": "Statut",
    "Still owes": "Reste dû",
    "Total": "Total",
    "Type": "Type",
    "Unallocated": "Non affecté",
    "Unallocated payments": "Paiements non affectés",
    "Unapplied": "Non imputé",
    "Unapplied credits": "Avoirs non imputés",
    "as of %s": "au %s",
    "date unknown": "date inconnue",
    "&View": "&Affichage",
    "Allocate to the selected, in order": "Affecter aux factures sélectionnées, dans l'ordre",
    "Settle %s": "Régler %s",
    "%s still owes %s.": "%s reste dû : %s.",
    "Payment or credit note": "Paiement ou avoir",
    "Available": "Disponible",
    "credit note": "avoir",
    "%s has %s available": "%s dispose de %s",
    "&Settle the selected invoice…": "&Régler la facture sélectionnée…",
    "Select an invoice to settle first": "Sélectionnez d'abord une facture à régler",
    "Select an invoice to see its void/rebill chain, allocations and lines.": "Sélectionnez une facture pour voir son annulation/refacturation, ses affectations et ses lignes.",
    "&Print remittance advice of the selected payment…": "&Imprimer l'avis de paiement du paiement sélectionné…",
    "Printed %n page(s)": "%n page(s) imprimée(s)",
    "MainWindow|Open": "Ouvrir",
    "InvoicesPage|Open": "Restant dû",
    "Which column is which? — %s": "Quelle colonne contient quoi ? — %s",
    "This layout is new. Say once which columns hold what; files with the same columns will import directly.": "Cette présentation est nouvelle. Indiquez une fois ce que contient chaque colonne ; les fichiers aux mêmes colonnes s'importeront directement.",
    "Invoice list": "Liste de factures",
    "The file lists": "Le fichier contient",
    "Choose a column for: %s": "Choisissez une colonne pour : %s",
    "All statuses": "Tous les statuts",
    "Customers": "Clients",
    "Customer": "Client",
    "Overdue": "En retard",
    "More than 90 days": "Plus de 90 jours",
    "Not due": "Non échu",
    "Open amounts by days past due (click a bar for its invoices)": "Montants dus par jours de retard (cliquez une barre pour ses factures)",
    "Invoices %s, %s (search or pick another tab to see all)": "Factures %s, %s (recherchez ou changez d'onglet pour tout voir)",
    "&Preferences…": "&Préférences…",
    "Preferences": "Préférences",
    "Company name": "Raison sociale",
    "Company address": "Adresse",
    "Company IBAN (transfers are sent from)": "IBAN de la société (compte émetteur des virements)",
    "Company BIC": "BIC de la société",
    "Microsoft's EUR account (IBAN on the invoice)": "Compte EUR de Microsoft (IBAN de la facture)",
    "Other payee names in bank statements (one a line)": "Autres bénéficiaires dans les relevés (un par ligne)",
    "Payee IBANs in bank statements (one a line)": "IBAN bénéficiaires dans les relevés (un par ligne)",
    " days": " jours",
    "Payment term": "Délai de paiement",
    "Every change is recorded in the audit log and can be undone.": "Chaque modification est consignée dans le journal et peut être annulée.",
    "amends": "modifie",
    "voided by": "annulée par",
    "rebilled as": "refacturée en",
    "rebill of": "refacturation de",
    "Allocations": "Affectations",
    "%n line(s)": "%n ligne(s)",
    "The lines add up to": "Les lignes totalisent",
    "difference": "écart",
    "&Open workspace…": "&Ouvrir un espace de travail…",
    "&New workspace…": "&Nouvel espace de travail…",
    "Open the &demo workspace": "Ouvrir l'espace de &démonstration",
    "Open &recent": "Ouvrir un fichier &récent",
    "Open workspace": "Ouvrir un espace de travail",
    "New workspace": "Nouvel espace de travail",
    "CSP Reconciler workspace (*.db *.csprecon);;All files (*)": "Espace de travail CSP Reconciler (*.db *.csprecon);;Tous les fichiers (*)",
    "CSP Reconciler workspace (*.db)": "Espace de travail CSP Reconciler (*.db)",
    "&Language (at next start)": "&Langue (au prochain démarrage)",
}


def main() -> int:
    bin_dir = Path(sys.executable).parent
    sources = [str(p) for p in (*ROOT.glob("desktop/*.py"), *ROOT.glob("widgets/*.py"))]
    subprocess.run([str(bin_dir / "pyside6-lupdate"), *sources, "-ts", str(TS)], check=True)
    tree = ET.parse(TS)
    missing = []
    for context in tree.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translate(name, message, missing)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(bin_dir / "pyside6-lrelease"), str(TS)], check=True)
    for source in missing:
        print(f"no French yet: {source!r}")
    return 0


def translate(context: str, message, missing: list) -> None:
    """Fill one message: "Context|source" entries win over plain ones (same words, two
    meanings: the "Open" column is what is still owed, the "Open" button opens a file)."""
    source = message.findtext("source")
    translation = message.find("translation")
    french = FRENCH.get(f"{context}|{source}", FRENCH.get(source))
    if french is None:
        missing.append(source)
        return
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        for _ in range(2):  # French: one form for 0 and 1, one for more
            ET.SubElement(translation, "numerusform").text = french
    else:
        translation.text = french


if __name__ == "__main__":
    sys.exit(main())
