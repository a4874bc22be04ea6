"""The French of the core's sentences (``say("...")`` in core/, the "core" context of the
.ts) and the plurals whose French forms differ; read by ``build.py``.

A sentence keeps its ``{fields}``: the window fills them with amounts and dates written the
French way (``250,00 EUR``, ``07/10/2026``).
"""

from __future__ import annotations

CORE_FRENCH: dict[str, str] = {
    # alerts (core/alerts.py)
    "new-commerce period {start} to {end}": "période new-commerce du {start} au {end}",
    "legacy period {start} to {end}": "période legacy du {start} au {end}",
    "No invoice imported for the {what}: Partner Center published it by {available}. "
    "Download it (Billing > Invoices) and import it, or check the billing experiences in the "
    "preferences.": "Aucune facture importée pour la {what} : Partner Center l'a publiée au "
    "plus tard le {available}. Téléchargez-la (Facturation > Factures) et importez-la, ou "
    "vérifiez les expériences de facturation dans les préférences.",
    "{number} is imported but not its reconciliation file ({what}): download the invoice's "
    "reconciliation lines and import them, to check the total and see each customer's "
    "charges.": "{number} est importée mais pas son fichier de rapprochement ({what}) : "
    "téléchargez les lignes de rapprochement de la facture et importez-les, pour vérifier le "
    "total et voir les charges de chaque client.",
    "The reconciliation lines of {number} are imported but not the invoice itself: import "
    "the invoice list (or PDF data) so its date, due date and total are known.": "Les lignes "
    "de rapprochement de {number} sont importées mais pas la facture elle-même : importez la "
    "liste des factures (ou les données PDF) pour en connaître la date, l'échéance et le "
    "total.",
    "{number} is a void note of {original}, which is not in this workspace: import the "
    "Partner Center invoice list that holds {original} (Billing > Invoices), so that the void "
    "and its rebill count as they should.": "{number} est une note d'annulation de "
    "{original}, qui n'est pas dans cet espace de travail : importez la liste des factures "
    "Partner Center qui contient {original} (Facturation > Factures), pour que l'annulation et "
    "sa refacturation comptent comme il faut.",
    "{number}: its reconciliation lines add up to {lines}, the invoice says {total}: import "
    "the complete reconciliation file, or ask Microsoft billing support.": "{number} : ses "
    "lignes de rapprochement totalisent {lines}, la facture indique {total} : importez le "
    "fichier de rapprochement complet, ou interrogez le support de facturation Microsoft.",
    "{number}: {money} due on {due}: plan the payment now so it is applied in time (5 "
    "business days).": "{number} : {money} à payer le {due} : planifiez le paiement "
    "maintenant pour qu'il soit imputé à temps (5 jours ouvrés).",
    "{number}: {money} unpaid {late} days after its due date: Microsoft may suspend the "
    "account and services. Pay it today and send the remittance advice.": "{number} : "
    "{money} impayés {late} jours après l'échéance : Microsoft peut suspendre le compte et "
    "les services. Payez aujourd'hui et envoyez l'avis de paiement.",
    "the grace period has begun; access is at risk after day {day}": "le délai de grâce a "
    "commencé ; l'accès est menacé après le jour {day}",
    "Microsoft sends reminders": "Microsoft envoie des relances",
    "overdue": "en retard",
    "{number}: {money} {late} days past due ({after}): pay it, quoting the invoice number.":
    "{number} : {money} en retard de {late} jours ({after}) : payez-la en indiquant le "
    "numéro de facture.",
    "{id}: {money} paid {since}; Microsoft applies it by {until} (5 business days) and shows "
    "{invoices} unpaid until then: nothing to do yet.": "{id} : {money} payés le {since} ; "
    "Microsoft les impute au plus tard le {until} (5 jours ouvrés) et montre {invoices} "
    "impayée(s) d'ici là : rien à faire pour l'instant.",
    "{id}: {money} paid {since}, past the 5 business days ({until}): if Partner Center still "
    "shows {invoices} unpaid, mark the payment unallocated at Microsoft and send the request "
    "e-mail.": "{id} : {money} payés le {since}, les 5 jours ouvrés sont passés ({until}) : "
    "si Partner Center montre toujours {invoices} impayée(s), marquez le paiement non affecté "
    "chez Microsoft et envoyez le courriel de demande.",
    "{id}: {money} applied in our books to {invoices} is not in Partner Center's invoice "
    "download of {since}, past its 5 business days: send the request e-mail (invoice numbers "
    "and amounts) to bposcapp@microsoft.com.": "{id} : {money} imputés dans nos livres à "
    "{invoices} n'apparaissent pas dans le téléchargement des factures de Partner Center du "
    "{since}, passé ses 5 jours ouvrés : envoyez le courriel de demande (numéros de facture "
    "et montants) à bposcapp@microsoft.com.",
    "{id}: {money} unallocated at Microsoft for {age} business day(s): send the request "
    "e-mail (invoice numbers and amounts); Microsoft applies it by {until}.": "{id} : {money} "
    "non affectés chez Microsoft depuis {age} jour(s) ouvré(s) : envoyez le courriel de "
    "demande (numéros de facture et montants) ; Microsoft les impute au plus tard le {until}.",
    "{id}: {money} still unallocated at Microsoft after {age} business days (resolution "
    "promised by {until}): open a billing support ticket with the request e-mail attached.":
    "{id} : {money} toujours non affectés chez Microsoft après {age} jours ouvrés (résolution "
    "promise pour le {until}) : ouvrez un ticket au support de facturation avec le courriel de "
    "demande joint.",
    "{id}: {money} — {said}: open a support ticket (invoice numbers, payment date, amount, "
    "currency and account used) asking Microsoft to re-apply or return it.": "{id} : {money} "
    "— {said} : ouvrez un ticket de support (numéros de facture, date du paiement, montant, "
    "devise et compte utilisé) pour demander à Microsoft de le réimputer ou de le rembourser.",
    "{id}: {money} sent to {account}, not to Microsoft's {currency} account {expected}: "
    "report it at once (support ticket with the payment's date, amount, currency and the "
    "account used) and send the payment to the right account.": "{id} : {money} envoyés au "
    "compte {account}, et non au compte {currency} de Microsoft {expected} : signalez-le "
    "immédiatement (ticket de support avec la date du paiement, le montant, la devise et le "
    "compte utilisé) et envoyez le paiement au bon compte.",
    "quotes {number} ({invoiced}) but was paid in {paid}": "indique {number} ({invoiced}) "
    "mais a été payé en {paid}",
    # suggestions (core/suggestions/)
    "fully allocated: nothing to suggest": "entièrement affecté : rien à suggérer",
    "every suggestion for this payment was rejected": "toutes les suggestions pour ce paiement "
    "ont été rejetées",
    "no open {currency} invoice to suggest": "aucune facture {currency} ouverte à suggérer",
    "the text quotes {number}": "le texte indique {number}",
    "as written": "tel quel",
    "written '{written}'": "écrit « {written} »",
    ", which lands on its rebill {rebill}": ", qui mène à sa refacturation {rebill}",
    "the text quotes {number} ({how}){landing}, already settled": "le texte indique {number} "
    "({how}){landing}, déjà réglée",
    "the remittance text quotes {number} ({how}){landing}": "le texte du virement indique "
    "{number} ({how}){landing}",
    "the payment, {money}, is exactly what the quoted invoice(s) still owe": "le paiement, "
    "{money}, est exactement ce que la ou les factures indiquées doivent encore",
    "{money} would stay unallocated": "{money} resteraient non affectés",
    "a partial payment of the last invoice quoted": "un paiement partiel de la dernière facture "
    "indiquée",
    "the payment, {money}, equals what {number} still owes after earlier payments and "
    "credits": "le paiement, {money}, est égal à ce que {number} doit encore après les "
    "paiements et avoirs précédents",
    "the payment, {money}, equals what {number} still owes": "le paiement, {money}, est égal à "
    "ce que {number} doit encore",
    "{count} open {currency} invoices owe this amount; this one is due nearest the payment":
    "{count} factures {currency} ouvertes doivent ce montant ; celle-ci a l'échéance la plus "
    "proche du paiement",
    "the payment, {money}, is what {number} owes less credit note {credit} ({remaining} not "
    "yet applied)": "le paiement, {money}, est ce que doit {number} moins l'avoir {credit} "
    "({remaining} pas encore imputés)",
    "no combination of {currency} invoices due near the payment adds up to it (the search was "
    "cut short)": "aucune combinaison de factures {currency} échues près du paiement ne lui est "
    "égale (la recherche a été écourtée)",
    "the payment, {money}, equals what {numbers} owe together": "le paiement, {money}, est égal "
    "à ce que {numbers} doivent ensemble",
    "one billing run: all issued {issued}": "une même facturation : toutes émises le {issued}",
    "{among} combinations add up to this amount; this one has the fewest and oldest invoices":
    "{among} combinaisons donnent ce montant ; celle-ci a le moins de factures et les plus "
    "anciennes",
    "the search was cut short: a combination it did not reach may fit too": "la recherche a été "
    "écourtée : une combinaison qu'elle n'a pas atteinte peut aussi convenir",
    "the amount is exactly what {number} owes": "le montant est exactement ce que doit {number}",
    "fallback: no invoice number, amount or date points anywhere; this is simply the oldest "
    "due first": "à défaut : aucun numéro de facture, montant ou date n'indique une facture ; "
    "ce sont simplement les plus anciennes échues d'abord",
    "{evidence}, billed in {billed} ({open} open), but the payment is in {currency}: it was "
    "probably meant for {number}. Nothing is proposed: ask the bank to return or convert it "
    "(export ticket)": "{evidence}, facturée en {billed} ({open} restant dus), mais le "
    "paiement est en {currency} : il était probablement destiné à {number}. Rien n'est "
    "proposé : demandez à la banque de le rembourser ou de le convertir (export du ticket)",
    "on the payment date": "le jour du paiement",
    "{days} day(s) after the payment": "{days} jour(s) après le paiement",
    "{days} day(s) before the payment": "{days} jour(s) avant le paiement",
    "issued {issued}, before the payment; due {due}, {when}": "émise le {issued}, avant le "
    "paiement ; échéance le {due}, {when}",
    # imports (core/present.py)
    "{file}: already imported (#{id}); nothing changed": "{file} : déjà importé (n° {id}) ; "
    "rien n'a changé",
    "{file}: ... and {count} more errors": "{file} : ... et {count} erreurs de plus",
    "{file}: not imported: nothing from this file was stored": "{file} : non importé : rien "
    "de ce fichier n'a été enregistré",
    # refusals of disputes, claims, plans and allocations (core/rules/)
    "a dispute needs a reason (what is wrong with the amount)": "une contestation a besoin "
    "d'un motif (ce qui ne va pas dans le montant)",
    "disputed amount: expected a positive amount, got {amount}": "montant contesté : un "
    "montant positif est attendu, reçu {amount}",
    "'{target}': {number} has {count} line(s)": "« {target} » : {number} a {count} ligne(s)",
    "an SLA claim names the service (e.g. Dynamics 365 Sales)": "une réclamation SLA nomme le "
    "service (par ex. Dynamics 365 Sales)",
    "month: expected YYYY-MM, got '{month}'": "mois : AAAA-MM attendu, reçu « {month} »",
    "availability: expected a percentage, got '{availability}'": "disponibilité : un "
    "pourcentage est attendu, reçu « {availability} »",
    "availability: expected 0 to 100 %, got {measured}": "disponibilité : de 0 à 100 % "
    "attendu, reçu {measured}",
    "availability {measured} % is not below the {guaranteed} % the service level guarantees: "
    "no SLA credit is due": "une disponibilité de {measured} % n'est pas inférieure aux "
    "{guaranteed} % que garantit le niveau de service : aucun crédit SLA n'est dû",
    "claimed credit: expected a positive amount, got {amount}": "crédit réclamé : un montant "
    "positif est attendu, reçu {amount}",
    "claim #{id} is {state} already": "la réclamation n° {id} est déjà {state}",
    "no credit note '{number}' in this workspace (import it first)": "aucun avoir « {number} » "
    "dans cet espace de travail (importez-le d'abord)",
    "{number} is not a credit (its total is {total})": "{number} n'est pas un avoir (son total "
    "est {total})",
    "{number} is in {currency}, the claim in {claimed}": "{number} est en {currency}, la "
    "réclamation en {claimed}",
    "{invoice} is already in planned payment {plan}": "{invoice} est déjà dans le paiement "
    "planifié {plan}",
    "{invoice}: name at least one payment or credit note": "{invoice} : indiquez au moins un "
    "paiement ou un avoir",
    # the charges explained (core/explain/text.py, explanation.py)
    "{pricing}→{billing} at {rate}": "{pricing}→{billing} au taux {rate}",
    "{charged}/{days} days": "{charged}/{days} jours",
    "full refund": "remboursement intégral",
    "refund within 24 h": "remboursement sous 24 h",
    "prorated refund": "remboursement au prorata",
    "refund after 7 days": "remboursement après 7 jours",
    "refund": "remboursement",
    "credit": "avoir",
    "{start} to {end}": "du {start} au {end}",
    "{months}-month": "de {months} mois",
    "cancelled on {cancelled}, {days} days after the term began on {start}": "annulé le "
    "{cancelled}, {days} jours après le début de l'engagement le {start}",
    "the cancellation or term start date is not in the file": "la date d'annulation ou de "
    "début d'engagement n'est pas dans le fichier",
    "expected {expected} {currency} ({basis})": "attendu {expected} {currency} ({basis})",
    "amount not checked ({basis})": "montant non vérifié ({basis})",
    "Refund ({rules}): {when}; {expected}; credited {subtotal} {currency}.": "Remboursement "
    "({rules}) : {when} ; {expected} ; crédité {subtotal} {currency}.",
    "Flag {kind}: {message}": "Signalement {kind} : {message}",
    "Priced in {pricing}: {price} × {quantity} = {amount} {pricing}; rate {rate} of {day}.":
    "Prix en {pricing} : {price} × {quantity} = {amount} {pricing} ; taux {rate} du {day}.",
    "Priced in {pricing}: {price} × {quantity} = {amount} {pricing}; rate {rate}.": "Prix en "
    "{pricing} : {price} × {quantity} = {amount} {pricing} ; taux {rate}.",
    "{kind} rule: {rule} = {recomputed} {currency}; the line says {subtotal} {currency} — they "
    "agree.": "Règle {kind} : {rule} = {recomputed} {currency} ; la ligne indique {subtotal} "
    "{currency} — ils concordent.",
    "{kind} rule: {rule} = {recomputed} {currency}; the line says {subtotal} {currency} — they "
    "differ.": "Règle {kind} : {rule} = {recomputed} {currency} ; la ligne indique {subtotal} "
    "{currency} — ils diffèrent.",
    "Prorated: {charged} of {days} days of a {cycle} billing cycle ({span}); {full} {currency} "
    "for the full cycle × {charged}/{days} = {expected} {currency}{bound}; charged {subtotal} "
    "{currency}.": "Au prorata : {charged} jours sur {days} d'un cycle de facturation {cycle} "
    "({span}) ; {full} {currency} pour le cycle complet × {charged}/{days} = {expected} "
    "{currency}{bound} ; facturé {subtotal} {currency}.",
    "Full {cycle} billing cycle ({span}, {charged} days): {full} {currency}{bound}; charged "
    "{subtotal} {currency}.": "Cycle de facturation {cycle} complet ({span}, {charged} "
    "jours) : {full} {currency}{bound} ; facturé {subtotal} {currency}.",
    "The subscription runs {days} days against {term} for a full term: {case}.": "L'abonnement "
    "court sur {days} jours contre {term} pour un engagement complet : {case}.",
    "Credit ({reason}): not a cancellation, no refund window applies.": "Avoir ({reason}) : "
    "pas une annulation, aucun délai de remboursement ne s'applique.",
    "new commerce: full refund within 24 hours, prorated within 7 days, none after": "new "
    "commerce : remboursement intégral sous 24 heures, au prorata sous 7 jours, aucun ensuite",
    "legacy: full refund within the first month, prorated after": "legacy : remboursement "
    "intégral le premier mois, au prorata ensuite",
    "For reference, the published rule gives the rate of {published} (two business days "
    "before {month}).": "Pour mémoire, la règle publiée donne le taux du {published} (deux "
    "jours ouvrés avant le {month}).",
    "For reference, the published rule gives the rate of {published} (two business days "
    "before {month}); the file gives another date.": "Pour mémoire, la règle publiée donne le "
    "taux du {published} (deux jours ouvrés avant le {month}) ; le fichier donne une autre "
    "date.",
    " at most (a discount applies)": " au plus (une remise s'applique)",
    " before discounts": " avant remises",
    # the checks of the charges explained (core/explain/conversion, proration, refunds.py)
    "Subtotal {subtotal} {currency}, but the {rule} rule gives {recomputed} {currency} ({price} "
    "{pricing} × {quantity} at rate {rate}): ask Microsoft billing support to explain or "
    "correct the conversion.": "Sous-total {subtotal} {currency}, mais la règle {rule} donne "
    "{recomputed} {currency} ({price} {pricing} × {quantity} au taux {rate}) : demandez au "
    "support de facturation Microsoft d'expliquer ou de corriger la conversion.",
    "charged {subtotal} {currency} for {charged} of {days} days; at most {expected} {currency} "
    "expected ({full} {currency} for the full cycle): dispute the difference with Microsoft "
    "billing support.": "facturé {subtotal} {currency} pour {charged} jours sur {days} ; "
    "{expected} {currency} au plus attendus ({full} {currency} pour le cycle complet) : "
    "contestez l'écart auprès du support de facturation Microsoft.",
    "charged {subtotal} {currency} for {charged} of {days} days; {expected} {currency} expected "
    "({full} {currency} for the full cycle): dispute the difference with Microsoft billing "
    "support.": "facturé {subtotal} {currency} pour {charged} jours sur {days} ; {expected} "
    "{currency} attendus ({full} {currency} pour le cycle complet) : contestez l'écart auprès "
    "du support de facturation Microsoft.",
    "from {label}: {subtotal} {currency} for {start} to {end}; {left} of {span} days left":
    "d'après {label} : {subtotal} {currency} du {start} au {end} ; {left} jours restants sur "
    "{span}",
    "unit price {price} × {units} for the cycle; {credited} of {span} days credited": "prix "
    "unitaire {price} × {units} pour le cycle ; {credited} jours crédités sur {span}",
    "unit price {price} × {units} for the cycle": "prix unitaire {price} × {units} pour le cycle",
    "the charge it reverses is not in the workspace": "la charge qu'il annule n'est pas dans "
    "l'espace de travail",
    "the charge it reverses is not in the workspace and a discount applies": "la charge qu'il "
    "annule n'est pas dans l'espace de travail et une remise s'applique",
    "credited {subtotal} {currency} for a cancellation {days} days after the term began "
    "({start}); new commerce refunds nothing after 7 days: check with Microsoft before passing "
    "the credit on to the customer.": "crédité {subtotal} {currency} pour une résiliation "
    "{days} jours après le début de l'engagement ({start}) ; new commerce ne rembourse rien "
    "après 7 jours : vérifiez auprès de Microsoft avant de répercuter l'avoir au client.",
    "credited {subtotal} {currency}; a prorated refund is {expected} {currency} ({basis}): "
    "dispute the difference with Microsoft billing support.": "crédité {subtotal} {currency} ; "
    "un remboursement au prorata fait {expected} {currency} ({basis}) : contestez l'écart "
    "auprès du support de facturation Microsoft.",
    "credited {subtotal} {currency}; a full refund is {expected} {currency} ({basis}): dispute "
    "the difference with Microsoft billing support.": "crédité {subtotal} {currency} ; un "
    "remboursement intégral fait {expected} {currency} ({basis}) : contestez l'écart auprès du "
    "support de facturation Microsoft.",
    # the payments' notes (core/ledger.py)
    "{number} is voided with no rebill: the money stays unallocated": "{number} est annulée "
    "sans refacturation : l'argent reste non affecté",
    "{number} is in {currency}, not {paid}": "{number} est en {currency}, pas en {paid}",
    "aimed at {number}, applied to its rebill {rebill}": "destiné à {number}, imputé à sa "
    "refacturation {rebill}",
    "quotes {number}: no such invoice": "indique {number} : aucune facture de ce numéro",
    "only {applied} of {amount} applied: {number} owed {owed}": "seulement {applied} sur "
    "{amount} imputés : {number} devait {owed}",
    "only {applied} of {amount} applied: source had {left}": "seulement {applied} sur {amount} "
    "imputés : il restait {left} à la source",
    "quotes {number}: voided with no rebill yet": "indique {number} : annulée, sans "
    "refacturation pour l'instant",
    "quotes {number} ({currency}) but was paid in {paid}: report it to Microsoft and send the "
    "payment in the right currency": "indique {number} ({currency}) mais a été payé en {paid} : "
    "signalez-le à Microsoft et envoyez le paiement dans la bonne devise",
    # import refusals (core/importers/, core/services/imports.py, core/model.py)
    "{where}: {message}": "{where} : {message}",
    "{where}: column {column}: {message}": "{where} : colonne {column} : {message}",
    "no such file": "fichier introuvable",
    "unknown format '{name}' (see: csp-recon formats)": "format inconnu « {name} » (voir : "
    "csp-recon formats)",
    "not a file CSP Reconciler can read (see: csp-recon formats; expected a Partner Center "
    "invoice list or line items, a bank statement, or a payments or invoice list CSV/XLSX)":
    "pas un fichier que CSP Reconciler sait lire (voir : csp-recon formats ; attendu : une "
    "liste de factures ou des lignes Partner Center, un relevé bancaire, ou une liste de "
    "paiements ou de factures CSV/XLSX)",
    "expected columns {missing}; found {found}": "colonnes attendues : {missing} ; trouvées : "
    "{found}",
    "the mapping names column '{header}' for {field}; the file has {found}": "la "
    "correspondance désigne la colonne « {header} » pour {field} ; le fichier a {found}",
    "expected a number, got ''": "nombre attendu, cellule vide",
    "got '{got}', expected a number below 1 000 000 000 000 000 (an amount, quantity or "
    "price)": "lu « {got} », nombre attendu inférieur à 1 000 000 000 000 000 (un montant, "
    "une quantité ou un prix)",
    "expected a date ({expected}), got '{got}'": "date attendue ({expected}), lu « {got} »",
    "YYYY-MM-DD or DD/MM/YYYY": "AAAA-MM-JJ ou JJ/MM/AAAA",
    "YYYY-MM-DD or M/D/YYYY": "AAAA-MM-JJ ou M/J/AAAA",
    "got '{got}', expected a date between {first} and {last}": "lu « {got} », date attendue "
    "entre {first} et {last}",
    "this licence-based file has no InvoiceNumber column: give the invoice number (--invoice "
    "NUMBER) or put it in the file name": "ce fichier de licences n'a pas de colonne "
    "InvoiceNumber : donnez le numéro de facture (--invoice NUMÉRO) ou mettez-le dans le nom "
    "du fichier",
    "expected a date (DD/MM/YYYY, DD/MM/YY or 15-Feb-2026), got '{got}'": "date attendue "
    "(JJ/MM/AAAA, JJ/MM/AA ou 15-Feb-2026), lu « {got} »",
    "got a closing balance of {closing} ('{said}'), expected {expected} = the opening balance "
    "{opening} (line {line}) + {count} movements {total}: the export is incomplete or altered":
    "lu un solde final de {closing} (« {said} »), attendu {expected} = le solde initial "
    "{opening} (ligne {line}) + {count} mouvements {total} : l'export est incomplet ou modifié",
    "got a balance of {after}, expected {expected} = the balance before {before} + this "
    "movement {movement}: the export is incomplete or altered": "lu un solde de {after}, "
    "attendu {expected} = le solde précédent {before} + ce mouvement {movement} : l'export est "
    "incomplet ou modifié",
    "expected a header row with a date, a label and debit and credit (or a signed amount) "
    "columns in the first {lines} lines; found none": "ligne d'en-tête attendue avec des "
    "colonnes date, libellé et débit et crédit (ou un montant signé) dans les {lines} "
    "premières lignes ; aucune trouvée",
    "expected an amount in exactly one of Debit and Credit, got {got}": "montant attendu dans "
    "une seule des colonnes Débit et Crédit, lu {got}",
    "expected an amount in exactly one of Debit and Credit, got neither": "montant attendu "
    "dans une seule des colonnes Débit et Crédit, lu aucun des deux",
    "expected the invoice number, got {got}": "numéro de facture attendu, lu {got}",
    "expected an ISO-8601 date, got {got}": "date ISO-8601 attendue, lu {got}",
    "expected an amount, got nothing": "montant attendu, rien lu",
    "expected an amount, got {got}": "montant attendu, lu {got}",
    "expected invoice, void_note, adjustment_note or credit_note, got '{got}'": "invoice, "
    "void_note, adjustment_note ou credit_note attendu, lu « {got} »",
    "expected an invoice number, got ''": "numéro de facture attendu, cellule vide",
    "expected invoice, void note, adjustment or credit note, got '{got}'": "facture, note "
    "d'annulation, ajustement ou avoir attendu, lu « {got} »",
    "expected a positive amount (a payment made), got '{got}'": "montant positif attendu (un "
    "paiement effectué), lu « {got} »",
    "expected at most {most} characters, got {length} ('{start}…')": "{most} caractères au "
    "plus attendus, lu {length} (« {start}… »)",
    "got '{got}' with the control character U+{code}, expected a number or id of printable "
    "characters (a damaged file?)": "lu « {got} » avec le caractère de contrôle U+{code}, "
    "numéro ou identifiant en caractères imprimables attendu (un fichier endommagé ?)",
    "got a last character cut in the middle, expected complete text (the file is cut short: "
    "an interrupted download?)": "lu un dernier caractère coupé en son milieu, texte complet "
    "attendu (le fichier est tronqué : un téléchargement interrompu ?)",
    "got a carriage return (CR) alone inside the line, expected lines ending in CRLF or LF "
    "throughout (a damaged file?)": "lu un retour chariot (CR) seul dans la ligne, lignes "
    "finissant toutes par CRLF ou LF attendues (un fichier endommagé ?)",
    "got {got} with a NUL byte, expected text (a damaged file?)": "lu {got} avec un octet "
    "NUL, texte attendu (un fichier endommagé ?)",
    "missing: the row ends after {count} of the header's {width} fields, expected a complete "
    "row (the file is cut short: an interrupted download?)": "manquant : la ligne s'arrête "
    "après {count} des {width} champs de l'en-tête, ligne complète attendue (le fichier est "
    "tronqué : un téléchargement interrompu ?)",
    # allocation refusals (core/allocation.py)
    "no payment or credit note '{source}' in this workspace": "aucun paiement ni avoir "
    "« {source} » dans cet espace de travail",
    "{number} is a {kind}, not a payment or a credit note: it cannot be allocated from":
    "{number} est de type « {kind} », ni un paiement ni un avoir : on ne peut pas en affecter",
    "name at least one INVOICE=AMOUNT": "indiquez au moins une FACTURE=MONTANT",
    "{number}: the amount must be positive, got {amount}": "{number} : le montant doit être "
    "positif, lu {amount}",
    "no invoice {number} in this workspace": "aucune facture {number} dans cet espace de "
    "travail",
    "{number} is voided and has no rebill yet: it does not count": "{number} est annulée et "
    "n'a pas encore de refacturation : elle ne compte pas",
    "{source} is in {currency} but {number} is in {other}": "{source} est en {currency} mais "
    "{number} est en {other}",
    "{number} still owes {owed}; cannot allocate {amount}": "{number} doit encore {owed} ; "
    "impossible d'affecter {amount}",
    "{source} has {left} left; cannot allocate {amount} more": "il reste {left} à {source} ; "
    "impossible d'affecter {amount} de plus",
    "{number}: {why}": "{number} : {why}",
    "map a column for {fields}": "associez une colonne à : {fields}",
    "no column {names} in the file": "pas de colonne {names} dans le fichier",
    "{number} is a credit note, not an invoice": "{number} est un avoir, pas une facture",
    "{number} is a void note: it does not count": "{number} est une note d'annulation : elle "
    "ne compte pas",
}

#: words made elsewhere in the core (a rule's case, a cycle), said through ``phrase()``
PHRASES: dict[str, str] = {
    # the money module's refusals, said again by core/importers/tabular.py
    "got {got}, expected a date between {first} and {last}": "lu {got}, date attendue entre "
    "{first} et {last}",
    "expected a number, got '{got}'": "nombre attendu, lu « {got} »",
    "expected a three-letter currency code, got '{got}'": "code de devise à trois lettres "
    "attendu, lu « {got} »",
    "expected a number with an unambiguous decimal separator, got '{got}'": "nombre attendu "
    "avec un séparateur décimal sans ambiguïté, lu « {got} »",
    # the fields a clerk maps a spreadsheet's columns to (desktop/mapping_dialog.py)
    "core|Date": "Date",
    "core|Amount": "Montant",
    "core|Currency": "Devise",
    "core|Reference": "Libellé",
    "core|Id": "Identifiant",
    "core|Bank account": "Compte bancaire",
    "core|Payee": "Bénéficiaire",
    "core|Payee account": "Compte du bénéficiaire",
    "core|Number": "Numéro",
    "core|Due date": "Échéance",
    "core|Total": "Total",
    "core|Document type": "Type de document",
    "core|Amends": "Modifie",
    "core|Invoice type": "Type de facture",
    # a conversion's rule, a document's type (core/explain/conversion.py, core/allocation.py)
    "core|usage": "à l'usage",
    "core|licence": "de licence",
    "core|invoice": "facture",
    "core|void note": "note d'annulation",
    "core|adjustment": "ajustement",
    "Priced in the invoice's currency, not prorated, not a credit: price × quantity.": "Prix "
    "dans la devise de la facture, sans prorata, pas un avoir : prix × quantité.",
    "monthly": "mensuel",
    "annual": "annuel",
    "three-year": "triennal",
    "core|Usage": "à l'usage",
    "core|Licence": "licence",
    "migration from legacy, which keeps the legacy end date": "migration depuis legacy, qui "
    "garde la date de fin legacy",
    "migration from legacy": "migration depuis legacy",
    "transfer between partners, which keeps the original end date": "transfert entre "
    "partenaires, qui garde la date de fin d'origine",
    "transfer between partners": "transfert entre partenaires",
    "calendar-month alignment: the term ends on the last day of a month": "alignement sur le "
    "mois civil : l'engagement finit le dernier jour d'un mois",
    "calendar-month alignment": "alignement sur le mois civil",
    "cotermination with the customer's other subscriptions ending the same day": "cotermination "
    "avec les autres abonnements du client finissant le même jour",
    "cotermination, migration from legacy or transfer between partners (the file does not say "
    "which)": "cotermination, migration depuis legacy ou transfert entre partenaires (le "
    "fichier ne dit pas lequel)",
    "cotermination": "cotermination",
    # a flag of the charges explained (core/explain/checks.py)
    "fx_recompute_mismatch": "conversion différente",
    "proration_mismatch": "prorata différent",
    "refund_outside_window": "remboursement hors délai",
    "refund_amount_mismatch": "montant du remboursement différent",
    # a claim's state
    "credited": "créditée",
    "withdrawn": "retirée",
    "open": "en cours",
}

#: the window's own words that go with the core's (Qt's translation contexts)
WINDOW: dict[str, str] = {
    # the alerts' stages and the payments' flags (widgets/findings.py, widgets/models.py)
    "AlertsPage|late": "en retard",
    "reminder": "relance",
    "grace": "délai de grâce",
    "reconciliation file": "fichier de rapprochement",
    "invoice header": "en-tête de facture",
    "voided original": "original annulé",
    "wrong currency": "mauvaise devise",
    "unknown reference": "référence inconnue",
    "voided reference": "référence annulée",
    "unallocated": "non affecté",
    "partly allocated": "partiellement affecté",
    "over-allocated": "sur-affecté",
    # the controls' names a screen reader says
    "Search": "Rechercher",
    "From date": "Date de début",
    "To date": "Date de fin",
    "Show every row again": "Afficher de nouveau toutes les lignes",
    "List": "Liste",
    "Aging chart": "Graphique de l'ancienneté",
    "The amount still owed per days past due; click a bar to see its invoices": "Le montant "
    "encore dû selon le retard en jours ; cliquez sur une barre pour voir ses factures",
    "Stack by": "Empiler par",
    "Invoices that differ": "Factures en écart",
    "Amount due per currency": "Montant dû par devise",
    "Billing calendar": "Calendrier de facturation",
    "Findings by kind": "Constats par type",
    "The finding selected": "Le constat sélectionné",
    "Lines explained": "Lignes expliquées",
    "The line explained": "La ligne expliquée",
    "Balance per currency": "Solde par devise",
    "Aging per currency": "Ancienneté par devise",
    "The invoice selected": "La facture sélectionnée",
    "The payment selected": "Le paiement sélectionné",
    "Lowest score accepted": "Score minimal accepté",
    "Why it is proposed": "Pourquoi c'est proposé",
    # the invoice's detail pane (widgets/pages.py)
    "History": "Historique",
    # the dialogs' controls (desktop/allocation_dialog.py, suggestions_dialog.py...)
    "Invoices to allocate to": "Factures à régler",
    "Payments and credit notes to settle with": "Paiements et avoirs pour régler",
    "Suggestions": "Suggestions",
    "The file's first rows": "Les premières lignes du fichier",
    "The advice as it will print": "L'avis tel qu'il sera imprimé",
}

#: plurals whose French singular and plural differ: (one, more)
PLURALS: dict[str, tuple[str, str]] = {
    "%n page(s)": ("%n page", "%n pages"),
    "%n page": ("%n page", "%n pages"),
    "Printed %n page": ("%n page imprimée", "%n pages imprimées"),
    "Printed %n pages": ("%n page imprimée", "%n pages imprimées"),
    "%n backup in %s. Backups are taken before each import and on the first change of a day.": (
        "%n sauvegarde dans %s. Les sauvegardes sont faites avant chaque import et à la "
        "première modification du jour.",
        "%n sauvegardes dans %s. Les sauvegardes sont faites avant chaque import et à la "
        "première modification du jour."),
    "%n backups in %s, newest first. They are taken before each import and on the first "
    "change of a day.": (
        "%n sauvegarde dans %s, la plus récente d'abord. Elles sont faites avant chaque import "
        "et à la première modification du jour.",
        "%n sauvegardes dans %s, la plus récente d'abord. Elles sont faites avant chaque "
        "import et à la première modification du jour."),
    "%n pages": ("%n page", "%n pages"),
    "Printed %n page(s)": ("%n page imprimée", "%n pages imprimées"),
    "%n finding(s)": ("%n constat", "%n constats"),
    "%n line(s)": ("%n ligne", "%n lignes"),
    "%n line(s) flagged": ("%n ligne signalée", "%n lignes signalées"),
    "%n suggestion(s)": ("%n suggestion", "%n suggestions"),
    "%n overdue invoice(s)": ("%n facture en retard", "%n factures en retard"),
    "%n invoice(s) due within the week": (
        "%n facture à échéance dans la semaine", "%n factures à échéance dans la semaine"),
    "%n document(s) missing": ("%n document manquant", "%n documents manquants"),
    "%n finding(s); marked days: due dates, documents published, payment windows.": (
        "%n constat ; jours marqués : échéances, publication des documents, délais de paiement.",
        "%n constats ; jours marqués : échéances, publication des documents, délais de "
        "paiement."),
    "%n payment(s) in the wrong currency": (
        "%n paiement dans la mauvaise devise", "%n paiements dans la mauvaise devise"),
    "%n open dispute(s)": ("%n contestation en cours", "%n contestations en cours"),
    "%n invoice(s) whose lines do not add up": (
        "%n facture dont les lignes ne concordent pas",
        "%n factures dont les lignes ne concordent pas"),
    "%n payment(s) still within Microsoft's 5 business days of processing (Partner Center may "
    "show their invoices unpaid)": (
        "%n paiement encore dans les 5 jours ouvrés de traitement de Microsoft (Partner Center "
        "peut encore afficher ses factures impayées)",
        "%n paiements encore dans les 5 jours ouvrés de traitement de Microsoft (Partner Center "
        "peut encore afficher leurs factures impayées)"),
    "%n payment(s) with money not allocated": (
        "%n paiement non entièrement affecté", "%n paiements non entièrement affectés"),
    "%n invoice(s) at risk of suspension (long past due)": (
        "%n facture avec risque de suspension (échéance très dépassée)",
        "%n factures avec risque de suspension (échéance très dépassée)"),
    "%n payment(s) unallocated at Microsoft": (
        "%n paiement non affecté chez Microsoft", "%n paiements non affectés chez Microsoft"),
    "%n payment(s) sent to the wrong account": (
        "%n paiement envoyé au mauvais compte", "%n paiements envoyés au mauvais compte"),
    "%n open SLA credit claim(s)": (
        "%n réclamation de crédit SLA en cours", "%n réclamations de crédit SLA en cours"),
    "%n invoice(s) whose paid amount differs from what Microsoft's download reports:": (
        "%n facture dont le montant payé diffère de celui que donne le téléchargement de "
        "Microsoft :",
        "%n factures dont le montant payé diffère de celui que donne le téléchargement de "
        "Microsoft :"),
}
