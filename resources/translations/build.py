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
    "Connect to a &team workspace…": "Se connecter à un espace d'&équipe…",
    "Connect to a team workspace": "Se connecter à un espace d'équipe",
    "server name or address": "nom ou adresse du serveur",
    "Server": "Serveur",
    "Port": "Port",
    "Database": "Base de données",
    "User": "Utilisateur",
    "Password": "Mot de passe",
    "Remember the password in the system keyring": "Garder le mot de passe dans le trousseau du système",
    "No system keyring here: the password is asked each time (or kept by PostgreSQL's own ~/.pgpass).": "Pas de trousseau système ici : le mot de passe est demandé à chaque fois (ou gardé dans le ~/.pgpass de PostgreSQL).",
    "Connect": "Se connecter",
    "server": "serveur",
    "database": "base de données",
    "user": "utilisateur",
    "Fill in: %s": "À remplir : %s",
    "Other clerks changed the workspace: the lists are up to date": "D'autres comptables ont modifié l'espace : les listes sont à jour",
    "owner": "propriétaire",
    "team workspace %s on %s — %s (%s)": "espace d'équipe %s sur %s — %s (%s)",
    "Not allowed": "Non autorisé",
    "The server refused: your role may not see this (%s).": "Le serveur a refusé : votre rôle ne permet pas de voir ceci (%s).",
    "Add a &note to the selected invoice or payment…": "Ajouter une &note à la facture ou au paiement sélectionné…",
    "Select an invoice, payment or credit note first": "Sélectionnez d'abord une facture, un paiement ou un avoir",
    "Note on %s": "Note sur %s",
    "Note (who called, what was agreed, the ticket number…)": "Note (qui a appelé, ce qui a été convenu, le numéro de ticket…)",
    "Note recorded on %s": "Note enregistrée sur %s",
    "Wrong currency: nothing to propose (see below)": "Mauvaise devise : rien à proposer (voir ci-dessous)",
    "Nothing to propose (see below)": "Rien à proposer (voir ci-dessous)",
    "S&uggested allocations…": "&Suggestions d'affectation…",
    "Proposals with a score and reasons, for the selected payment or every payment with money left": "Propositions avec un score et leurs raisons, pour le paiement sélectionné ou tous les paiements non entièrement affectés",
    "invoice number": "numéro de facture",
    "amount": "montant",
    "amount and credit note": "montant et avoir",
    "several invoices": "plusieurs factures",
    "fallback: oldest due": "à défaut : échéance la plus ancienne",
    "Suggested allocations": "Suggestions d'affectation",
    "Score": "Score",
    "Evidence": "Indice",
    "Proposed allocation": "Affectation proposée",
    "Select a suggestion to see why it is made.": "Sélectionnez une suggestion pour voir pourquoi elle est faite.",
    "&Accept": "&Accepter",
    "Allocate as proposed (Ctrl+Z undoes it)": "Affecter comme proposé (Ctrl+Z pour annuler)",
    "&Reject": "&Rejeter",
    "Never propose this allocation again": "Ne plus jamais proposer cette affectation",
    "none": "aucune",
    "%n payment(s) with money left; ": "%n paiement(s) non entièrement affecté(s) ; ",
    "%n suggestion(s)": "%n suggestion(s)",
    "score": "score",
    "The combination search was cut short.": "La recherche de combinaisons a été écourtée.",
    "Not due": "Non échu",
    "Date unknown": "Date inconnue",
    "Over %s days": "Plus de %s jours",
    "%s–%s days": "%s–%s jours",
    "Rebilled as %s": "Refacturée par %s",
    "Voided by %s": "Annulée par %s",
    "Microsoft may take until %s to apply it": "Microsoft peut mettre jusqu'au %s pour l'appliquer",
    "Stack the bars by currency, or by customer for one currency": "Empiler les barres par devise, ou par client pour une devise",
    "Stack by:": "Empiler par :",
    "Customer (%s)": "Client (%s)",
    "Other customers (%d)": "Autres clients (%d)",
    "Open %s amounts by days past due and customer (click a bar for its invoices)": "Montants %s restant dus par jours de retard et par client (cliquez sur une barre pour ses factures)",
    "Due within 7 days": "Échéance sous 7 jours",
    "Needs attention": "À traiter",
    "Double-click or press Enter to see these rows": "Double-cliquez ou appuyez sur Entrée pour voir ces lignes",
    "Aging (days past due, %d-day term)": "Balance âgée (jours de retard, échéance à %d jours)",
    "%n payment(s) still within Microsoft's 5 business days of processing (Partner Center may show their invoices unpaid)": "%n paiement(s) encore dans les 5 jours ouvrés de traitement de Microsoft (Partner Center peut encore afficher leurs factures impayées)",
    "Nothing needs attention.": "Rien à traiter.",
    "Remittance advice of the selected payment…": "Avis de paiement du paiement sélectionné…",
    "See the advice as it will print; print, save or copy it": "Voir l'avis tel qu'il sera imprimé ; l'imprimer, l'enregistrer ou le copier",
    "Save &remittance advice of the selected payment as…": "Enregistrer l'&avis de paiement du paiement sélectionné sous…",
    "Apply the selected &credit note…": "Imputer l'&avoir sélectionné…",
    "&Language": "&Langue",
    "&Dashboard": "&Tableau de bord",
    "&Invoices": "&Factures",
    "Pa&yments": "Pai&ements",
    "&Credit notes": "A&voirs",
    "C&ustomers": "C&lients",
    "&Find in this list": "&Rechercher dans cette liste",
    "Re&load": "Re&charger",
    "&Help": "&Aide",
    "&Keyboard shortcuts": "&Raccourcis clavier",
    "Open the &log folder": "Ouvrir le dossier des &journaux",
    "&About CSP Reconciler": "À &propos de CSP Reconciler",
    "Keyboard shortcuts": "Raccourcis clavier",
    "About CSP Reconciler": "À propos de CSP Reconciler",
    "<b>CSP Reconciler</b> %s<br>Invoices, payments and remittance advice for Microsoft Cloud Solution Provider partners.<br>Workspace: %s": "<b>CSP Reconciler</b> %s<br>Factures, paiements et avis de paiement pour les partenaires Microsoft Cloud Solution Provider.<br>Espace de travail : %s",
    "Open invoices: %s, %s": "Factures ouvertes : %s, %s",
    "MainWindow|open": "restant dû",
    "unallocated": "non affecté",
    "unapplied": "non imputé",
    "%n selected: ": "%n sélectionné(s) : ",
    "%s: cancelled, nothing was stored": "%s : annulé, rien n'a été enregistré",
    "%s: not imported": "%s : non importé",
    "Select a credit note to apply first": "Sélectionnez d'abord un avoir à imputer",
    "%s is fully applied": "%s est entièrement imputé",
    "Days from the invoice date to its due date (Microsoft: 60)": "Jours entre la date de facture et son échéance (Microsoft : 60)",
    "Upper limits of the aging buckets in days past due, e.g. 30,60,90 gives 1–30, 31–60, 61–90 and over 90": "Bornes supérieures des tranches de retard en jours, p. ex. 30,60,90 donne 1–30, 31–60, 61–90 et plus de 90",
    "Aging buckets (days)": "Tranches de retard (jours)",
    "Language": "Langue",
    "Remittance advice — %s": "Avis de paiement — %s",
    "%n page(s)": "%n page(s)",
    "&Print…": "&Imprimer…",
    "Choose a printer and print the advice (Ctrl+P)": "Choisir une imprimante et imprimer l'avis (Ctrl+P)",
    "&Save as…": "&Enregistrer sous…",
    "Save as PDF, Excel workbook or text (Ctrl+S)": "Enregistrer en PDF, classeur Excel ou texte (Ctrl+S)",
    "&Copy bank reference": "&Copier la référence de virement",
    "The text to put in the transfer's reference field": "Le texte à mettre dans le libellé du virement",
    "Status|Open": "Ouverte",
    "Partly paid": "Partiellement payée",
    "Paid": "Payée",
    "Voided": "Annulée",
    "Void note": "Note d'annulation",
    "Status|Credit note": "Avoir",
    "Status|Invoice": "Facture",
    "Search (number, reference, customer…)": "Rechercher (numéro, référence, client…)",
    "Shows the rows where any column contains this text": "Affiche les lignes dont une colonne contient ce texte",
    "Only this currency": "Uniquement cette devise",
    "Only this status": "Uniquement ce statut",
    "All customers": "Tous les clients",
    "Only documents with lines of this customer": "Uniquement les documents ayant des lignes de ce client",
    "From: any date": "Du : toute date",
    "To: any date": "Au : toute date",
    "First date shown (document or payment date)": "Première date affichée (date du document ou du paiement)",
    "Last date shown (document or payment date)": "Dernière date affichée (date du document ou du paiement)",
    "Click to show every row again": "Cliquez pour afficher à nouveau toutes les lignes",
    "Preferences|Company name": "Raison sociale",
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
    "Open amounts by days past due (click a bar for its invoices)": "Montants dus par jours de retard (cliquez une barre pour ses factures)",
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
    subprocess.run(
        [str(bin_dir / "pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(TS)], check=True
    )
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
