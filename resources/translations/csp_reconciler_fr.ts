<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>Aging</name>
    <message>
        <location filename="../../widgets/aging_chart.py" line="31" />
        <source>Not due</source>
        <translation>Non échu</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="33" />
        <source>Date unknown</source>
        <translation>Date inconnue</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="35" />
        <source>Over %s days</source>
        <translation>Plus de %s jours</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="37" />
        <source>%s–%s days</source>
        <translation>%s–%s jours</translation>
    </message>
</context>
<context>
    <name>AgingChart</name>
    <message>
        <location filename="../../widgets/aging_chart.py" line="56" />
        <source>Aging chart</source>
        <translation>Graphique de l'ancienneté</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="58" />
        <source>The amount still owed per days past due; click a bar to see its invoices</source>
        <translation>Le montant encore dû selon le retard en jours ; cliquez sur une barre pour voir ses factures</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="60" />
        <source>Stack the bars by currency, or by customer for one currency</source>
        <translation>Empiler les barres par devise, ou par client pour une devise</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="63" />
        <source>Stack by</source>
        <translation>Empiler par</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="65" />
        <source>Stack by:</source>
        <translation>Empiler par :</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="82" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="84" />
        <source>Customer (%s)</source>
        <translation>Client (%s)</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="104" />
        <source>Other customers (%d)</source>
        <translation>Autres clients (%d)</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="111" />
        <source>Open %s amounts by days past due and customer (click a bar for its invoices)</source>
        <translation>Montants %s restant dus par jours de retard et par client (cliquez sur une barre pour ses factures)</translation>
    </message>
    <message>
        <location filename="../../widgets/aging_chart.py" line="114" />
        <source>Open amounts by days past due (click a bar for its invoices)</source>
        <translation>Montants dus par jours de retard (cliquez une barre pour ses factures)</translation>
    </message>
</context>
<context>
    <name>AgreePage</name>
    <message>
        <location filename="../../widgets/agree_page.py" line="28" />
        <source>in processing</source>
        <translation>en traitement</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="29" />
        <source>unallocated at Microsoft</source>
        <translation>non affecté chez Microsoft</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="30" />
        <source>credit note not applied</source>
        <translation>avoir non imputé</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="31" />
        <source>disputed</source>
        <translation>contesté</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="32" />
        <source>unexplained</source>
        <translation>inexpliqué</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="36" />
        <source>The payment was still within Microsoft's 5 business days of processing when the download was taken: nothing to do yet, a later download should show it.</source>
        <extracomment>What the clerk does about each reason (shown for the invoice selected).</extracomment>
        <translation>Le paiement était encore dans les 5 jours ouvrés de traitement de Microsoft quand le téléchargement a été fait : rien à faire pour l'instant, un téléchargement plus récent devrait le montrer.</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="39" />
        <source>Microsoft has not applied the payment past its 5 business days: send the request e-mail to bposcapp@microsoft.com (write it as a draft with the remittance advice attached, or copy its text).</source>
        <translation>Microsoft n'a pas imputé le paiement passé ses 5 jours ouvrés : envoyez le courriel de demande à bposcapp@microsoft.com (écrivez-le en brouillon avec l'avis de paiement joint, ou copiez son texte).</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="43" />
        <source>Microsoft's download does not show a credit note our books apply to this invoice: ask billing support to apply it.</source>
        <translation>Le téléchargement de Microsoft ne montre pas un avoir que nos livres imputent à cette facture : demandez au support de facturation de l'imputer.</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="46" />
        <source>A dispute is open on this invoice: the difference is part of what is discussed with billing support.</source>
        <translation>Une contestation est en cours sur cette facture : l'écart fait partie de ce qui est discuté avec le support de facturation.</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="49" />
        <source>No payment in processing or left unallocated explains this difference: check the invoice's payments against Microsoft's download.</source>
        <translation>Aucun paiement en traitement ou non affecté n'explique cet écart : vérifiez les paiements de la facture au regard du téléchargement de Microsoft.</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="107" />
        <source>Invoices that differ</source>
        <extracomment>the request e-mail of a payment: ("open" it in the mail program, "write" a draft .eml where the clerk says, or "copy" its text), payment</extracomment>
        <translation>Factures en écart</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="114" />
        <source>Show the invoice</source>
        <translation>Voir la facture</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="116" />
        <source>&amp;Open the request e-mail</source>
        <translation>&amp;Ouvrir le courriel de demande</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="118" />
        <source>The e-mail asking Microsoft to apply the payment, opened in your mail program ready to send, the remittance advice attached</source>
        <translation>Le courriel qui demande à Microsoft d'affecter le paiement, ouvert dans votre messagerie prêt à envoyer, l'avis de paiement joint</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="121" />
        <source>Write the request e-mail…</source>
        <translation>Écrire le courriel de demande…</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="123" />
        <source>A draft e-mail to bposcapp@microsoft.com with the remittance advice attached, ready to send</source>
        <translation>Un brouillon de courriel à bposcapp@microsoft.com avec l'avis de paiement joint, prêt à envoyer</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="126" />
        <source>Copy the request e-mail</source>
        <translation>Copier le courriel de demande</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="132" />
        <source>&lt;b&gt;Amount due per currency&lt;/b&gt;</source>
        <translation>&lt;b&gt;Montant dû par devise&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="135" />
        <source>Amount due per currency</source>
        <translation>Montant dû par devise</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="161" />
        <source>As of %s, against Microsoft's invoice download of %s</source>
        <translation>Au %s, face au téléchargement des factures de Microsoft du %s</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="165" />
        <source>As of %s: no Partner Center invoice download of that date or earlier has been imported (import the invoice list downloaded from Partner Center to compare)</source>
        <translation>Au %s : aucun téléchargement des factures de Partner Center de cette date ou antérieur n'a été importé (importez la liste des factures téléchargée depuis Partner Center pour comparer)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/agree_page.py" line="171" />
        <source>%n invoice(s) whose paid amount differs from what Microsoft's download reports:</source>
        <translation>
            <numerusform>%n facture dont le montant payé diffère de celui que donne le téléchargement de Microsoft :</numerusform><numerusform>%n factures dont le montant payé diffère de celui que donne le téléchargement de Microsoft :</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="174" />
        <source>No difference: Microsoft's view agrees with our books.</source>
        <translation>Aucun écart : la vue de Microsoft concorde avec nos livres.</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <location filename="../../widgets/findings.py" line="27" />
        <source>missing document</source>
        <translation>document manquant</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="28" />
        <source>due soon</source>
        <translation>échéance proche</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="29" />
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="30" />
        <source>suspension risk</source>
        <translation>risque de suspension</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="31" />
        <source>in processing</source>
        <translation>en traitement</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="32" />
        <source>unallocated at Microsoft</source>
        <translation>non affecté chez Microsoft</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="33" />
        <source>wrong currency</source>
        <translation>mauvaise devise</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="34" />
        <source>wrong account</source>
        <translation>mauvais compte</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="35" />
        <source>lines do not add up</source>
        <translation>lignes incohérentes</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="38" />
        <source>late</source>
        <translation>en retard</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="39" />
        <source>reminder</source>
        <translation>relance</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="40" />
        <source>grace</source>
        <translation>délai de grâce</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="41" />
        <source>reconciliation file</source>
        <translation>fichier de rapprochement</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="42" />
        <source>invoice header</source>
        <translation>en-tête de facture</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="43" />
        <source>voided original</source>
        <translation>original annulé</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="94" />
        <location filename="../../widgets/findings.py" line="55" />
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="226" />
        <source>Every kind</source>
        <extracomment>(kind, count, amounts per currency); kind "" is every kind</extracomment>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="40" />
        <source>Show the invoice</source>
        <translation>Voir la facture</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="41" />
        <source>Show the payment</source>
        <translation>Voir le paiement</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="42" />
        <source>Import files…</source>
        <translation>Importer des fichiers…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="43" />
        <source>Copy the request e-mail</source>
        <translation>Copier le courriel de demande</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="44" />
        <source>Copy the support ticket</source>
        <translation>Copier le ticket de support</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="45" />
        <source>Mark unallocated at Microsoft</source>
        <translation>Marquer non affecté chez Microsoft</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="68" />
        <source>Billing calendar</source>
        <extracomment>a finding's action: (action, subject, kind)</extracomment>
        <translation>Calendrier de facturation</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="71" />
        <source>Every day</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="82" />
        <source>Click a kind to see only its findings</source>
        <translation>Cliquez sur un type pour ne voir que ses constats</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="83" />
        <source>Findings by kind</source>
        <translation>Constats par type</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="88" />
        <location filename="../../widgets/alerts_page.py" line="90" />
        <source>Search the findings</source>
        <translation>Rechercher dans les constats</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="102" />
        <source>The finding selected</source>
        <translation>Le constat sélectionné</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="47" />
        <location filename="../../widgets/findings.py" line="54" />
        <source>Kind</source>
        <extracomment>the findings' columns (titles in the Alerts page's translation context)</extracomment>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="48" />
        <source>Concerns</source>
        <translation>Concerne</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="49" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="50" />
        <location filename="../../widgets/findings.py" line="56" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../widgets/findings.py" line="51" />
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="104" />
        <location filename="../../widgets/alerts_page.py" line="250" />
        <source>Do it</source>
        <translation>Le faire</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="108" />
        <source>Write the request e-mail…</source>
        <translation>Écrire le courriel de demande…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="110" />
        <source>A draft e-mail to bposcapp@microsoft.com with the remittance advice attached, ready to send</source>
        <translation>Un brouillon de courriel à bposcapp@microsoft.com avec l'avis de paiement joint, prêt à envoyer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/alerts_page.py" line="205" />
        <source>%n finding(s); marked days: due dates, documents published, payment windows.</source>
        <translation>
            <numerusform>%n constat ; jours marqués : échéances, publication des documents, délais de paiement.</numerusform><numerusform>%n constats ; jours marqués : échéances, publication des documents, délais de paiement.</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="209" />
        <source>documents published (%s)</source>
        <translation>documents publiés (%s)</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_page.py" line="213" />
        <source>expected invoices due</source>
        <translation>échéance des factures attendues</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/alerts_page.py" line="216" />
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n constat</numerusform><numerusform>%n constats</numerusform></translation>
    </message>
</context>
<context>
    <name>AllocationDialog</name>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="171" />
        <source>Allocate %s</source>
        <translation>Affecter %s</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="178" />
        <source>%s of %s to allocate. Edit the amounts; leave 0 to skip.</source>
        <translation>%s de %s à affecter. Modifiez les montants ; laissez 0 pour ignorer.</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="181" />
        <source>Invoices to allocate to</source>
        <translation>Factures à régler</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="183" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="183" />
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="183" />
        <source>Still owes</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="183" />
        <source>Allocate</source>
        <translation>Affecter</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="201" />
        <source>Allocate to the selected, in order</source>
        <translation>Affecter aux factures sélectionnées, dans l'ordre</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="210" />
        <source>Remaining to allocate: %s</source>
        <translation>Reste à affecter : %s</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="212" />
        <source>Remaining to allocate: %s, without the amount refused for %s</source>
        <translation>Reste à affecter : %s, sans le montant refusé pour %s</translation>
    </message>
</context>
<context>
    <name>ChargesPage</name>
    <message>
        <location filename="../../widgets/charges_page.py" line="38" />
        <source>conversion differs</source>
        <translation>conversion différente</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="39" />
        <source>proration differs</source>
        <translation>prorata différent</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="40" />
        <source>refund outside its window</source>
        <translation>remboursement hors délai</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="41" />
        <source>refund amount differs</source>
        <translation>montant du remboursement différent</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="116" />
        <source>Only lines with something to explain</source>
        <translation>Seulement les lignes à expliquer</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="119" />
        <source>Check every line</source>
        <translation>Vérifier toutes les lignes</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="121" />
        <source>Recompute conversions, prorations and refunds of every line in the workspace</source>
        <translation>Recalculer les conversions, proratas et remboursements de toutes les lignes de l'espace de travail</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="124" />
        <source>Dispute this line…</source>
        <translation>Contester cette ligne…</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="57" />
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="57" />
        <source>Invoice date</source>
        <translation>Date de facture</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="58" />
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="58" />
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="59" />
        <source>Explained</source>
        <translation>Explication</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="59" />
        <source>Subtotal</source>
        <translation>Sous-total</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="60" />
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="60" />
        <source>Flag</source>
        <translation>Signalement</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="132" />
        <source>Lines explained</source>
        <translation>Lignes expliquées</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="137" />
        <source>Select a line to see why it costs what it does.</source>
        <translation>Sélectionnez une ligne pour voir pourquoi elle coûte ce montant.</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="113" />
        <location filename="../../widgets/charges_page.py" line="143" />
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="138" />
        <source>The line explained</source>
        <translation>La ligne expliquée</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="189" />
        <source>%1: %2 line(s), %3 with something to explain, %4 flagged</source>
        <translation>%1 : %2 ligne(s), %3 à expliquer, %4 signalée(s)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/charges_page.py" line="205" />
        <source>Every line checked: %n flagged</source>
        <translation>
            <numerusform>Toutes les lignes vérifiées : %n signalée(s)</numerusform><numerusform>Toutes les lignes vérifiées : %n signalée(s)</numerusform></translation>
    </message>
</context>
<context>
    <name>CheckedDialog</name>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="80" />
        <source>%s: '%s' is not an amount</source>
        <extracomment>``check(requests, answer)``: ask the core, off the GUI thread, whether these amounts can be recorded; ``answer`` gets what would be recorded, or the refusal (an exception).</extracomment>
        <translation>%s : « %s » n'est pas un montant</translation>
    </message>
</context>
<context>
    <name>ClaimsPage</name>
    <message>
        <location filename="../../widgets/charges_page.py" line="271" />
        <source>Show closed ones</source>
        <translation>Afficher les clôturées</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="273" />
        <source>New SLA credit claim…</source>
        <translation>Nouvelle réclamation de crédit SLA…</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="275" />
        <source>Link the credit note…</source>
        <translation>Lier l'avoir…</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="277" />
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="252" />
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="252" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="253" />
        <source>About</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="253" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="254" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="254" />
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="255" />
        <source>Opened</source>
        <translation>Ouverte le</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="255" />
        <source>Age (days)</source>
        <translation>Âge (jours)</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="256" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="285" />
        <source>Disputes and claims</source>
        <translation>Contestations et réclamations</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/charges_page.py" line="307" />
        <source>%n open</source>
        <translation>
            <numerusform>%n en cours</numerusform><numerusform>%n en cours</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="320" />
        <source>open</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="320" />
        <source>credited by %s</source>
        <translation>créditée par %s</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="321" />
        <source>withdrawn</source>
        <translation>retirée</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="316" />
        <source>Dispute</source>
        <translation>Contestation</translation>
    </message>
    <message>
        <location filename="../../widgets/charges_page.py" line="318" />
        <source>SLA credit</source>
        <translation>Crédit SLA</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="28" />
        <location filename="../../widgets/models.py" line="143" />
        <location filename="../../widgets/models.py" line="152" />
        <location filename="../../widgets/models.py" line="159" />
        <location filename="../../widgets/models.py" line="175" />
        <location filename="../../widgets/agree_page.py" line="55" />
        <location filename="../../widgets/agree_page.py" line="63" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="29" />
        <source>Amount due</source>
        <translation>Montant dû</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="31" />
        <source>Due within 7 days</source>
        <translation>Échéance sous 7 jours</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="32" />
        <source>Unallocated payments</source>
        <translation>Paiements non affectés</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="33" />
        <source>Unapplied credits</source>
        <translation>Avoirs non imputés</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="139" />
        <location filename="../../widgets/agree_page.py" line="54" />
        <source>Invoice</source>
        <extracomment>The cue a row carries: (colour, glyph) drawn as a small round icon.</extracomment>
        <translation>Facture</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="140" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="141" />
        <location filename="../../widgets/models.py" line="151" />
        <location filename="../../widgets/models.py" line="174" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="142" />
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="144" />
        <location filename="../../widgets/models.py" line="153" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="145" />
        <location filename="../../widgets/models.py" line="160" />
        <source>Open</source>
        <translation>Restant dû</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="146" />
        <source>Days past due</source>
        <translation>Jours de retard</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="147" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="150" />
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="154" />
        <source>Applied</source>
        <translation>Imputé</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="155" />
        <source>Unapplied</source>
        <translation>Non imputé</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="158" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="356" />
        <source>date unknown</source>
        <extracomment>texts' flat natural keys, kept from one sort to the next (the same numbers each refresh)</extracomment>
        <translation>date inconnue</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="370" />
        <source>Rebilled as %s</source>
        <translation>Refacturée par %s</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="373" />
        <source>Voided by %s</source>
        <translation>Annulée par %s</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="376" />
        <source>Microsoft may take until %s to apply it</source>
        <translation>Microsoft peut mettre jusqu'au %s pour l'appliquer</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="30" />
        <location filename="../../widgets/models.py" line="161" />
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="173" />
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="176" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="177" />
        <source>Allocated</source>
        <translation>Affecté</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="178" />
        <source>Unallocated</source>
        <translation>Non affecté</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="179" />
        <source>Flags</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="180" />
        <source>Reference</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="56" />
        <source>Paid in our books</source>
        <translation>Payé selon nos livres</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="57" />
        <source>Paid according to Microsoft</source>
        <translation>Payé selon Microsoft</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="58" />
        <location filename="../../widgets/agree_page.py" line="66" />
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="59" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="60" />
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="64" />
        <source>Our amount due</source>
        <translation>Montant dû selon nos livres</translation>
    </message>
    <message>
        <location filename="../../widgets/agree_page.py" line="65" />
        <source>Microsoft's amount due</source>
        <translation>Montant dû selon Microsoft</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../desktop/team_dialog.py" line="90" />
        <source>Connect to a team workspace</source>
        <translation>Se connecter à un espace d'équipe</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="94" />
        <source>server name or address</source>
        <translation>nom ou adresse du serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="102" />
        <source>Remember the password in the system keyring</source>
        <translation>Garder le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="110" />
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="111" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="112" />
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="113" />
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="114" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="117" />
        <source>No system keyring here: the password is asked each time (or kept by PostgreSQL's own ~/.pgpass).</source>
        <translation>Pas de trousseau système ici : le mot de passe est demandé à chaque fois (ou gardé dans le ~/.pgpass de PostgreSQL).</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="128" />
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="144" />
        <source>server</source>
        <translation>serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="145" />
        <source>database</source>
        <translation>base de données</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="145" />
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/team_dialog.py" line="148" />
        <source>Fill in: %s</source>
        <translation>À remplir : %s</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="58" />
        <source>Balance</source>
        <extracomment>page ("invoices" or "payments"), focus name (see widgets.models.FOCUS), label</extracomment>
        <translation>Solde</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="62" />
        <source>Aging (days past due, 60-day term)</source>
        <translation>Balance âgée (jours de retard, échéance à 60 jours)</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="64" />
        <source>Balance per currency</source>
        <translation>Solde par devise</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="65" />
        <source>Aging per currency</source>
        <translation>Ancienneté par devise</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="67" />
        <location filename="../../widgets/dashboard.py" line="70" />
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="69" />
        <source>Double-click or press Enter to see these rows</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour voir ces lignes</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="80" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="81" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="86" />
        <source>Aging (days past due, %d-day term)</source>
        <translation>Balance âgée (jours de retard, échéance à %d jours)</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="90" />
        <source>Balance as of %s</source>
        <translation>Solde au %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="139" />
        <source>%n overdue invoice(s)</source>
        <translation>
            <numerusform>%n facture en retard</numerusform><numerusform>%n factures en retard</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="140" />
        <source>%n payment(s) with money not allocated</source>
        <translation>
            <numerusform>%n paiement non entièrement affecté</numerusform><numerusform>%n paiements non entièrement affectés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="141" />
        <source>%n payment(s) in the wrong currency</source>
        <translation>
            <numerusform>%n paiement dans la mauvaise devise</numerusform><numerusform>%n paiements dans la mauvaise devise</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="142" />
        <source>%n invoice(s) whose lines do not add up</source>
        <translation>
            <numerusform>%n facture dont les lignes ne concordent pas</numerusform><numerusform>%n factures dont les lignes ne concordent pas</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="144" />
        <source>%n payment(s) still within Microsoft's 5 business days of processing (Partner Center may show their invoices unpaid)</source>
        <translation>
            <numerusform>%n paiement encore dans les 5 jours ouvrés de traitement de Microsoft (Partner Center peut encore afficher ses factures impayées)</numerusform><numerusform>%n paiements encore dans les 5 jours ouvrés de traitement de Microsoft (Partner Center peut encore afficher leurs factures impayées)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="159" />
        <source>%n invoice(s) at risk of suspension (long past due)</source>
        <translation>
            <numerusform>%n facture avec risque de suspension (échéance très dépassée)</numerusform><numerusform>%n factures avec risque de suspension (échéance très dépassée)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="160" />
        <source>%n invoice(s) due within the week</source>
        <translation>
            <numerusform>%n facture à échéance dans la semaine</numerusform><numerusform>%n factures à échéance dans la semaine</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="161" />
        <source>%n document(s) missing</source>
        <translation>
            <numerusform>%n document manquant</numerusform><numerusform>%n documents manquants</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="163" />
        <source>%n payment(s) unallocated at Microsoft</source>
        <translation>
            <numerusform>%n paiement non affecté chez Microsoft</numerusform><numerusform>%n paiements non affectés chez Microsoft</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="164" />
        <source>%n payment(s) sent to the wrong account</source>
        <translation>
            <numerusform>%n paiement envoyé au mauvais compte</numerusform><numerusform>%n paiements envoyés au mauvais compte</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="178" />
        <source>%n open dispute(s)</source>
        <translation>
            <numerusform>%n contestation en cours</numerusform><numerusform>%n contestations en cours</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="179" />
        <source>%n open SLA credit claim(s)</source>
        <translation>
            <numerusform>%n réclamation de crédit SLA en cours</numerusform><numerusform>%n réclamations de crédit SLA en cours</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="187" />
        <source>(oldest %n day(s))</source>
        <translation>
            <numerusform>(la plus ancienne : %n jour(s))</numerusform><numerusform>(la plus ancienne : %n jour(s))</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="115" />
        <source>Nothing needs attention.</source>
        <translation>Rien à traiter.</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="95" />
        <source>Dispute %s</source>
        <extracomment>the words a refusal starts with (the core's), and the field they are about</extracomment>
        <translation>Contester %s</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="99" />
        <source>What is wrong with the amount</source>
        <translation>Ce qui ne va pas dans le montant</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="101" />
        <source>Support ticket number</source>
        <translation>Numéro du ticket de support</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="105" />
        <source>Disputed amount (%s)</source>
        <translation>Montant contesté (%s)</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="106" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="107" />
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="108" />
        <source>Opened on</source>
        <translation>Ouverte le</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../desktop/first_start.py" line="70" />
        <source>Welcome to CSP Reconciler</source>
        <extracomment>the settings the dialog asks for, in its order (keys of :mod:`core.settings`)</extracomment>
        <translation>Bienvenue dans CSP Reconciler</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="75" />
        <source>Create your workspace: the file that keeps your Microsoft invoices, your payments and how they match. Your company's details go on the remittance advices and the bank transfers; you can change them later in the preferences.</source>
        <translation>Créez votre espace de travail : le fichier qui garde vos factures Microsoft, vos paiements et leur rapprochement. Les coordonnées de votre société figurent sur les avis de paiement et les virements ; vous pourrez les changer plus tard dans les préférences.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="80" />
        <source>e.g. Nuage Conseil SAS</source>
        <translation>p. ex. Nuage Conseil SAS</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="82" />
        <source>Street, postcode and town</source>
        <translation>Rue, code postal et ville</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="86" />
        <source>Your bank account's IBAN (to pay Microsoft from)</source>
        <translation>L'IBAN de votre compte (d'où vous payez Microsoft)</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="90" />
        <source>Saved as %s</source>
        <translation>Enregistré sous %s</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="96" />
        <source>Company name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="97" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="98" />
        <source>Bank account (IBAN)</source>
        <translation>Compte bancaire (IBAN)</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="99" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="111" />
        <source>Create my workspace</source>
        <translation>Créer mon espace de travail</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="115" />
        <source>Explore the demo</source>
        <translation>Découvrir la démo</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="117" />
        <source>A made-up partner's invoices and payments, to try everything; your own workspace can be created later (File &gt; New workspace…)</source>
        <translation>Les factures et paiements d'un partenaire fictif, pour tout essayer ; votre propre espace de travail peut être créé plus tard (Fichier &gt; Nouvel espace de travail…)</translation>
    </message>
    <message>
        <location filename="../../desktop/first_start.py" line="147" />
        <source>Your company's name, as on your invoices</source>
        <translation>Le nom de votre société, tel qu'il figure sur vos factures</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../desktop/import_report.py" line="51" />
        <source>Reasons</source>
        <translation>Raisons</translation>
    </message>
    <message>
        <location filename="../../desktop/import_report.py" line="53" />
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location filename="../../desktop/import_report.py" line="54" />
        <source>Copy every line of the import, to send or keep</source>
        <translation>Copier toutes les lignes de l'import, pour les envoyer ou les garder</translation>
    </message>
    <message>
        <location filename="../../desktop/import_report.py" line="60" />
        <source>Why:</source>
        <translation>Pourquoi :</translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message>
        <location filename="../../widgets/pages.py" line="262" />
        <source>by Microsoft's rule</source>
        <extracomment>the rows selected when the model was last reset (their keys, the current one's, its position), selected again in the next rows (see set_rows) ...</extracomment>
        <translation>par la règle de Microsoft</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="298" />
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="299" />
        <source>The invoice selected</source>
        <translation>La facture sélectionnée</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="302" />
        <source>Select an invoice to see its void/rebill chain, allocations and lines.</source>
        <translation>Sélectionnez une facture pour voir son annulation/refacturation, ses affectations et ses lignes.</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="340" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="340" />
        <source>Open</source>
        <translation>Restant dû</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="340" />
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="342" />
        <source>date unknown</source>
        <translation>date inconnue</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="342" />
        <source>The lines add up to</source>
        <translation>Les lignes totalisent</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="342" />
        <source>difference</source>
        <translation>écart</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="344" />
        <source>Allocations</source>
        <translation>Affectations</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="344" />
        <source>Charges explained</source>
        <translation>Charges expliquées</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="344" />
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="346" />
        <source>amends</source>
        <translation>modifie</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="346" />
        <source>voided by</source>
        <translation>annulée par</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="347" />
        <source>rebilled as</source>
        <translation>refacturée en</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="348" />
        <source>rebill of</source>
        <translation>refacturation de</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/pages.py" line="369" />
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform><numerusform>%n lignes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/pages.py" line="387" />
        <source>… and %n more in Charges explained</source>
        <translation>
            <numerusform>… et %n de plus dans Charges expliquées</numerusform><numerusform>… et %n de plus dans Charges expliquées</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="124" />
        <source>Dashboard</source>
        <extracomment>What the lists, the dashboard and the other pages show: a change touching any of these reads the whole workspace again; "lines" alone only the split by customer; "notes" and "suggestions" only the invoice detail and the suggestions shown (see ``changed``).</extracomment>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="125" />
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="126" />
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="127" />
        <source>Credit notes</source>
        <translation>Avoirs</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="128" />
        <source>Reconcile</source>
        <translation>Rapprochement</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="129" />
        <source>Plan and pay</source>
        <translation>Planifier et payer</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="130" />
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="134" />
        <source>Agree with Microsoft</source>
        <translation>Concordance avec Microsoft</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="41" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="64" />
        <source>&amp;Open workspace…</source>
        <translation>&amp;Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="66" />
        <source>&amp;New workspace…</source>
        <translation>&amp;Nouvel espace de travail…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="68" />
        <source>Open the &amp;demo workspace</source>
        <translation>Ouvrir l'espace de &amp;démonstration</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="71" />
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="77" />
        <source>&amp;Import files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="85" />
        <source>Export Excel &amp;report…</source>
        <translation>Exporter le &amp;rapport Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="88" />
        <source>&amp;Print remittance advice of the selected payment…</source>
        <translation>&amp;Imprimer l'avis de paiement du paiement sélectionné…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="90" />
        <source>&amp;Copy bank reference of the selected payment</source>
        <translation>&amp;Copier la référence de virement du paiement sélectionné</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="93" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="42" />
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="103" />
        <location filename="../../desktop/actions/journal.py" line="60" />
        <source>&amp;Undo last change</source>
        <translation>&amp;Annuler la dernière modification</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="105" />
        <location filename="../../desktop/actions/journal.py" line="62" />
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="43" />
        <source>&amp;Payments</source>
        <translation>&amp;Paiements</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="109" />
        <source>&amp;Allocate selected payment…</source>
        <translation>&amp;Affecter le paiement sélectionné…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="111" />
        <source>&amp;Settle the selected invoice…</source>
        <translation>&amp;Régler la facture sélectionnée…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="125" />
        <source>Allocate by &amp;quoted invoice numbers</source>
        <translation>Affecter selon les numéros de facture &amp;cités</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="44" />
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="137" />
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="197" />
        <source> (read-only)</source>
        <translation> (lecture seule)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="213" />
        <source>as of %s</source>
        <translation>au %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="47" />
        <source>Open workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="48" />
        <source>CSP Reconciler workspace (*.db *.csprecon);;All files (*)</source>
        <translation>Espace de travail CSP Reconciler (*.db *.csprecon);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="59" />
        <source>New workspace</source>
        <translation>Nouvel espace de travail</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="61" />
        <source>CSP Reconciler workspace (*.csprecon)</source>
        <translation>Espace de travail CSP Reconciler (*.csprecon)</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="79" />
        <source>DEMO (made-up data) — %s</source>
        <translation>DÉMO (données fictives) — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="90" />
        <source>This is the demo: made-up invoices and payments.</source>
        <translation>Ceci est la démo : des factures et paiements fictifs.</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="91" />
        <source>Create my workspace…</source>
        <translation>Créer mon espace de travail…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="203" />
        <source>the file was deleted or moved</source>
        <translation>le fichier a été supprimé ou déplacé</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="205" />
        <source>%s was deleted or moved by another program. What you see is what it held when it was last read; nothing more can be saved to it. Restore a backup (File &gt; Backups…) or open another workspace.</source>
        <translation>%s a été supprimé ou déplacé par un autre programme. Ce qui est affiché est ce qu'il contenait à la dernière lecture ; plus rien ne peut y être enregistré. Restaurez une sauvegarde (Fichier &gt; Sauvegardes…) ou ouvrez un autre espace de travail.</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="212" />
        <source>%s was replaced by another program: opened again, as it is now</source>
        <translation>%s a été remplacé par un autre programme : rouvert, tel qu'il est maintenant</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="238" />
        <source>the file or its folder is read-only</source>
        <translation>le fichier ou son dossier est en lecture seule</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="270" />
        <source>Restored %s from %s.</source>
        <translation>%s restauré depuis %s.</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/files.py" line="272" />
        <source>The file it replaced is kept as %s.</source>
        <translation>Le fichier remplacé est gardé sous le nom %s.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="263" />
        <location filename="../../desktop/backups_dialog.py" line="84" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="286" />
        <source>%d invoices, %d payments</source>
        <translation>%d factures, %d paiements</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="80" />
        <source>Remittance advice of the selected payment…</source>
        <translation>Avis de paiement du paiement sélectionné…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/workspace/team.py" line="59" />
        <source>Other clerks changed the workspace: the lists are up to date</source>
        <translation>D'autres comptables ont modifié l'espace : les listes sont à jour</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="131" />
        <source>Alerts and calendar</source>
        <translation>Alertes et calendrier</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="132" />
        <source>Charges explained</source>
        <translation>Charges expliquées</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="133" />
        <source>Disputes and claims</source>
        <translation>Contestations et réclamations</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="69" />
        <source>Connect to a &amp;team workspace…</source>
        <translation>Se connecter à un espace d'&amp;équipe…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="79" />
        <source>See the advice as it will print; print, save or copy it</source>
        <translation>Voir l'avis tel qu'il sera imprimé ; l'imprimer, l'enregistrer ou le copier</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="83" />
        <source>Save &amp;remittance advice of the selected payment as…</source>
        <translation>Enregistrer l'&amp;avis de paiement du paiement sélectionné sous…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="113" />
        <source>Apply the selected &amp;credit note…</source>
        <translation>Imputer l'&amp;avoir sélectionné…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="117" />
        <source>S&amp;uggested allocations…</source>
        <translation>&amp;Suggestions d'affectation…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="115" />
        <source>Proposals with a score and reasons, for the selected payment or every payment with money left</source>
        <translation>Propositions avec un score et leurs raisons, pour le paiement sélectionné ou tous les paiements non entièrement affectés</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="73" />
        <source>The copies kept of this workspace file; put one back</source>
        <translation>Les copies gardées de ce fichier d'espace de travail ; en remettre une</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="74" />
        <source>&amp;Backups…</source>
        <translation>&amp;Sauvegardes…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="119" />
        <source>The selected invoices and credit notes ticked on the Plan and pay tab</source>
        <translation>Les factures et avoirs sélectionnés, cochés dans l'onglet Planifier et payer</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="121" />
        <source>&amp;Plan payment of the selected invoices…</source>
        <translation>&amp;Planifier le paiement des factures sélectionnées…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="123" />
        <source>Add a &amp;note to the selected invoice or payment…</source>
        <translation>Ajouter une &amp;note à la facture ou au paiement sélectionné…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="128" />
        <source>&amp;Dispute an amount of the selected invoice…</source>
        <translation>&amp;Contester un montant de la facture sélectionnée…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="130" />
        <source>New S&amp;LA credit claim…</source>
        <translation>Nouvelle réclamation de crédit S&amp;LA…</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="139" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="145" />
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="146" />
        <source>&amp;Invoices</source>
        <translation>&amp;Factures</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="147" />
        <source>Pa&amp;yments</source>
        <translation>Pai&amp;ements</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="148" />
        <source>&amp;Credit notes</source>
        <translation>A&amp;voirs</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="149" />
        <source>&amp;Reconcile</source>
        <translation>&amp;Rapprochement</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="150" />
        <source>Pla&amp;n and pay</source>
        <translation>Pla&amp;nifier et payer</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="151" />
        <source>C&amp;ustomers</source>
        <translation>C&amp;lients</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="152" />
        <source>&amp;Alerts and calendar</source>
        <translation>&amp;Alertes et calendrier</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="153" />
        <source>C&amp;harges explained</source>
        <translation>C&amp;harges expliquées</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="154" />
        <source>Dis&amp;putes and claims</source>
        <translation>Co&amp;ntestations et réclamations</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="155" />
        <source>A&amp;gree with Microsoft</source>
        <translation>Concordance avec &amp;Microsoft</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="162" />
        <source>Pre&amp;vious tab</source>
        <translation>Onglet &amp;précédent</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="166" />
        <source>&amp;Find in this list</source>
        <translation>&amp;Rechercher dans cette liste</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="168" />
        <source>Re&amp;load</source>
        <translation>Re&amp;charger</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="45" />
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="161" />
        <source>Ne&amp;xt tab</source>
        <translation>Onglet &amp;suivant</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="178" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="180" />
        <source>Open the &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <location filename="../../desktop/menus.py" line="181" />
        <source>&amp;About CSP Reconciler</source>
        <translation>À &amp;propos de CSP Reconciler</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/help.py" line="26" />
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="63" />
        <source>The full licence texts are in %s.</source>
        <translation>Les textes complets des licences sont dans %s.</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="64" />
        <source>The installed program holds the full licence texts in its licenses folder.</source>
        <translation>Le programme installé contient les textes complets des licences dans son dossier licenses.</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="71" />
        <source>Built on</source>
        <translation>Construit avec</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="72" />
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="73" />
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="79" />
        <source>About CSP Reconciler</source>
        <translation>À propos de CSP Reconciler</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="67" />
        <source>&lt;b&gt;CSP Reconciler&lt;/b&gt; %s&lt;br&gt;Invoices, payments and remittance advice for Microsoft Cloud Solution Provider partners.&lt;br&gt;Workspace: %s</source>
        <translation>&lt;b&gt;CSP Reconciler&lt;/b&gt; %s&lt;br&gt;Factures, paiements et avis de paiement pour les partenaires Microsoft Cloud Solution Provider.&lt;br&gt;Espace de travail : %s</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="204" />
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="205" />
        <source>team workspace %s on %s — %s (%s)</source>
        <translation>espace d'équipe %s sur %s — %s (%s)</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/navigation.py" line="24" />
        <source>Open invoices: %s, %s</source>
        <translation>Factures ouvertes : %s, %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/navigation.py" line="52" />
        <location filename="../../desktop/actions/navigation.py" line="55" />
        <source>open</source>
        <translation>restant dû</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/navigation.py" line="53" />
        <source>unallocated</source>
        <translation>non affecté</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/navigation.py" line="54" />
        <source>unapplied</source>
        <translation>non imputé</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/actions/navigation.py" line="69" />
        <source>%n selected: </source>
        <translation>
            <numerusform>%n sélectionné(s) : </numerusform><numerusform>%n sélectionné(s) : </numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/actions/navigation.py" line="90" />
        <source>%s is not in this workspace</source>
        <translation>%s n'est pas dans cet espace de travail</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/imports.py" line="29" />
        <source>Import files</source>
        <translation>Importer des fichiers</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/imports.py" line="38" />
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/imports.py" line="112" />
        <source>The file was not imported</source>
        <translation>Le fichier n'a pas été importé</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/imports.py" line="113" />
        <source>No file was imported</source>
        <translation>Aucun fichier n'a été importé</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/imports.py" line="116" />
        <source>Some files were not imported</source>
        <translation>Certains fichiers n'ont pas été importés</translation>
    </message>
    <message>
        <location filename="../../desktop/operations.py" line="48" />
        <source>Cancel</source>
        <extracomment>``translate("MainWindow", "text")``: the actions speak in the window's name, so that one translation context serves the shell and its actions (pyside6-lupdate reads the literal).</extracomment>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/imports.py" line="60" />
        <source>%s: cancelled, nothing was stored</source>
        <translation>%s : annulé, rien n'a été enregistré</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/imports.py" line="93" />
        <source>1 payment allocated by the invoice number it quotes</source>
        <translation>1 paiement affecté par le numéro de facture qu'il cite</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/imports.py" line="95" />
        <source>%1 payments allocated by the invoice number they quote</source>
        <translation>%1 paiements affectés par le numéro de facture qu'ils citent</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/imports.py" line="98" />
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <location filename="../../desktop/operations.py" line="142" />
        <source>Nothing</source>
        <translation>Rien</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/alerts.py" line="59" />
        <source>The text for Microsoft about %s is in the clipboard: paste it into your e-mail or the support ticket</source>
        <extracomment>where the last request e-mail was written (the next one is offered there)</extracomment>
        <translation>Le texte pour Microsoft au sujet de %s est dans le presse-papiers : collez-le dans votre courriel ou le ticket de support</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/alerts.py" line="71" />
        <source>E-mail draft, opens ready to send (*.eml)</source>
        <translation>Brouillon de courriel, prêt à envoyer (*.eml)</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/alerts.py" line="74" />
        <source>Write the request e-mail for %s</source>
        <translation>Écrire le courriel de demande pour %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/notes.py" line="23" />
        <source>Select an invoice, payment or credit note first</source>
        <translation>Sélectionnez d'abord une facture, un paiement ou un avoir</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/notes.py" line="27" />
        <source>Note on %s</source>
        <translation>Note sur %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/notes.py" line="29" />
        <source>Note (who called, what was agreed, the ticket number…)</source>
        <translation>Note (qui a appelé, ce qui a été convenu, le numéro de ticket…)</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/charges.py" line="19" />
        <source>Reading the lines of %1…</source>
        <translation>Lecture des lignes de %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/charges.py" line="37" />
        <location filename="../../desktop/actions/charges.py" line="47" />
        <source>Checking every line…</source>
        <translation>Vérification de toutes les lignes…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/actions/charges.py" line="42" />
        <source>%n line(s) flagged</source>
        <translation>
            <numerusform>%n ligne signalée</numerusform><numerusform>%n lignes signalées</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/actions/claims.py" line="31" />
        <source>Select an invoice first</source>
        <translation>Sélectionnez d'abord une facture</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/claims.py" line="89" />
        <source>Claim #%s settled by</source>
        <translation>Réclamation n° %s réglée par</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/claims.py" line="90" />
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/plans/remittance.py" line="28" />
        <source>Select a payment first</source>
        <extracomment>the save dialog's formats, in the order of its filters (``pain001``: a SEPA transfer)</extracomment>
        <translation>Sélectionnez d'abord un paiement</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/plans/remittance.py" line="71" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/actions/plans/remittance.py" line="122" />
        <source>Printed %n page</source>
        <translation>
            <numerusform>%n page imprimée</numerusform><numerusform>%n pages imprimées</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/actions/plans/remittance.py" line="123" />
        <source>Printed %n pages</source>
        <translation>
            <numerusform>%n page imprimée</numerusform><numerusform>%n pages imprimées</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/actions/alerts.py" line="72" />
        <location filename="../../desktop/actions/plans/remittance.py" line="73" />
        <source>Text (*.txt)</source>
        <translation>Texte (*.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/plans/pay.py" line="74" />
        <source>Planned %s: %s</source>
        <translation>%s planifié : %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/plans/pay.py" line="97" />
        <source>Save SEPA credit transfers (pain.001)</source>
        <translation>Enregistrer les virements SEPA (pain.001)</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/plans/pay.py" line="98" />
        <location filename="../../desktop/actions/plans/remittance.py" line="74" />
        <source>SEPA credit transfer, pain.001 (*.xml)</source>
        <translation>Virement SEPA, pain.001 (*.xml)</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/plans/remittance.py" line="76" />
        <source>Save remittance advice</source>
        <translation>Enregistrer l'avis de paiement</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/reports.py" line="18" />
        <source>Save Excel report</source>
        <translation>Enregistrer le rapport Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/reports.py" line="20" />
        <location filename="../../desktop/actions/plans/remittance.py" line="72" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/reports.py" line="42" />
        <location filename="../../desktop/actions/reports.py" line="45" />
        <source>Saved %s</source>
        <translation>Enregistré : %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/reports.py" line="46" />
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/plans/remittance.py" line="137" />
        <source>Copied: %s</source>
        <translation>Copié : %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/allocations.py" line="24" />
        <source>Select a payment to allocate first</source>
        <translation>Sélectionnez d'abord un paiement à affecter</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/allocations.py" line="34" />
        <source>Select a credit note to apply first</source>
        <translation>Sélectionnez d'abord un avoir à imputer</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/allocations.py" line="39" />
        <source>%s is fully applied</source>
        <translation>%s est entièrement imputé</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/allocations.py" line="82" />
        <source>Select an invoice to settle first</source>
        <translation>Sélectionnez d'abord une facture à régler</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="353" />
        <source>The server refused: your role may not see this (%s).</source>
        <translation>Le serveur a refusé : votre rôle ne permet pas de voir ceci (%s).</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="358" />
        <source>The workspace could not be read or changed: an unexpected database error (the details are in the log). Nothing was changed.</source>
        <translation>L'espace de travail n'a pas pu être lu ou modifié : une erreur de base de données inattendue (les détails sont dans le journal). Rien n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="362" />
        <source>Not allowed</source>
        <translation>Non autorisé</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="349" />
        <location filename="../../desktop/actions/reports.py" line="44" />
        <source>CSP Reconciler</source>
        <translation>CSP Reconciler</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="34" />
        <source>before an import</source>
        <translation>avant un import</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="35" />
        <source>first change of the day</source>
        <translation>première modification du jour</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="36" />
        <source>before a restore</source>
        <translation>avant une restauration</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="37" />
        <source>asked for</source>
        <translation>demandée</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="47" />
        <source>%s KB</source>
        <translation>%s Ko</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="55" />
        <location filename="../../desktop/backups_dialog.py" line="63" />
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="65" />
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="65" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="66" />
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="66" />
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="75" />
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/backups_dialog.py" line="93" />
        <source>%n backup in %s. Backups are taken before each import and on the first change of a day.</source>
        <translation>
            <numerusform>%n sauvegarde dans %s. Les sauvegardes sont faites avant chaque import et à la première modification du jour.</numerusform><numerusform>%n sauvegardes dans %s. Les sauvegardes sont faites avant chaque import et à la première modification du jour.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/backups_dialog.py" line="96" />
        <source>%n backups in %s, newest first. They are taken before each import and on the first change of a day.</source>
        <translation>
            <numerusform>%n sauvegarde dans %s, la plus récente d'abord. Elles sont faites avant chaque import et à la première modification du jour.</numerusform><numerusform>%n sauvegardes dans %s, la plus récente d'abord. Elles sont faites avant chaque import et à la première modification du jour.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="101" />
        <source>No backups yet: they go to %s, before each import and on the first change of a day.</source>
        <translation>Pas encore de sauvegarde : elles iront dans %s, avant chaque import et à la première modification du jour.</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="130" />
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../desktop/backups_dialog.py" line="131" />
        <source>Put the backup of %s in place of the workspace? The current file is kept among the backups first.</source>
        <translation>Remettre la sauvegarde du %s à la place de l'espace de travail ? Le fichier actuel est d'abord gardé parmi les sauvegardes.</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="23" />
        <source>allocation</source>
        <extracomment>what each kind of change is called in Undo and Redo</extracomment>
        <translation>l'affectation</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="24" />
        <source>allocation by quoted invoice numbers</source>
        <translation>l'affectation selon les numéros de facture cités</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="25" />
        <source>credit notes applied by Microsoft's rule</source>
        <translation>les avoirs imputés selon la règle de Microsoft</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="26" />
        <source>removal of an allocation</source>
        <translation>le retrait d'une affectation</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="27" />
        <source>credit note taken in hand</source>
        <translation>l'avoir repris en main</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="28" />
        <source>rejection of a suggestion</source>
        <translation>le rejet d'une suggestion</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="29" />
        <source>mark of a payment</source>
        <translation>le marquage d'un paiement</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="37" />
        <source>import of %s</source>
        <translation>l'import de %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="39" />
        <source>setting %s</source>
        <translation>le réglage %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="59" />
        <source>&amp;Undo %s</source>
        <translation>&amp;Annuler %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="61" />
        <source>&amp;Redo %s</source>
        <translation>&amp;Rétablir %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="84" />
        <location filename="../../desktop/actions/journal.py" line="92" />
        <source>Undo import</source>
        <translation>Annuler l'import</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/journal.py" line="85" />
        <source>Undo the import of %s? The invoices, credit notes and payments it brought leave the workspace, with the allocations made when it was imported. Redo cannot bring them back: import the file again.</source>
        <translation>Annuler l'import de %s ? Les factures, avoirs et paiements qu'il a apportés quittent l'espace de travail, avec les affectations faites à l'import. Rétablir ne peut pas les ramener : importez de nouveau le fichier.</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/agree.py" line="75" />
        <source>The request e-mail for %s is open in your mail program (kept as %s)</source>
        <translation>Le courriel de demande pour %s est ouvert dans votre messagerie (gardé sous %s)</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/reconcile.py" line="47" />
        <source>credit note</source>
        <translation>avoir</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/reconcile.py" line="93" />
        <source>the oldest due invoices first, as the allocation dialog proposes</source>
        <translation>les factures les plus anciennes d'abord, comme le propose la fenêtre d'affectation</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/reconcile.py" line="98" />
        <source>no open invoice in %s</source>
        <translation>aucune facture ouverte en %s</translation>
    </message>
    <message>
        <location filename="../../desktop/actions/reconcile.py" line="116" />
        <source>A credit note's proposal is not rejected: allocate it by hand</source>
        <translation>La proposition d'un avoir ne se rejette pas : affectez-le à la main</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="41" />
        <source>Which column is which? — %s</source>
        <extracomment>kind → ((field, required), ...), {field: the column guessed} ``check(kind, columns, answer)``: the core's verdict, off the GUI thread; ``answer`` gets the layout's key, or the refusal (an exception).</extracomment>
        <translation>Quelle colonne contient quoi ? — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="46" />
        <source>This layout is new. Say once which columns hold what; files with the same columns will import directly.</source>
        <translation>Cette présentation est nouvelle. Indiquez une fois ce que contient chaque colonne ; les fichiers aux mêmes colonnes s'importeront directement.</translation>
    </message>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="54" />
        <source>The file's first rows</source>
        <translation>Les premières lignes du fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="58" />
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="59" />
        <source>Invoice list</source>
        <translation>Liste de factures</translation>
    </message>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="61" />
        <source>The file lists</source>
        <translation>Le fichier contient</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <location filename="../../widgets/pages.py" line="408" />
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="409" />
        <source>The payment selected</source>
        <translation>Le paiement sélectionné</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="410" />
        <source>Select a payment to see its allocations.</source>
        <translation>Sélectionnez un paiement pour voir ses affectations.</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="434" />
        <source>Unallocated: %s</source>
        <translation>Non affecté : %s</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="438" />
        <source>Allocations</source>
        <translation>Affectations</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../widgets/plans_page.py" line="33" />
        <source>planned, not yet on a statement</source>
        <extracomment>where a planned payment stands (core.services.plans.Plans.overview's ``state``)</extracomment>
        <translation>planifié, pas encore sur un relevé</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="35" />
        <source>paid, processing at Microsoft until %s</source>
        <translation>payé, en traitement chez Microsoft jusqu'au %s</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="36" />
        <source>confirmed by a statement</source>
        <translation>confirmé par un relevé</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="37" />
        <source>unallocated at Microsoft</source>
        <translation>non affecté chez Microsoft</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="38" />
        <source>applied at Microsoft</source>
        <translation>affecté chez Microsoft</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="47" />
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="48" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="49" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="50" />
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="51" />
        <source>Open</source>
        <translation>Restant dû</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="52" />
        <source>Planned in</source>
        <translation>Planifiée dans</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="53" />
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="136" />
        <source>Open invoices and credit notes to net</source>
        <translation>Factures ouvertes et avoirs à déduire</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="139" />
        <source>The day the bank is to make the transfer</source>
        <translation>Le jour où la banque doit faire le virement</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="142" />
        <source>Reference (default RA-date-number)</source>
        <translation>Référence (par défaut RA-date-numéro)</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="145" />
        <source>The transfer's reference, at most 35 characters</source>
        <translation>La référence du virement, 35 caractères au plus</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="147" />
        <source>&amp;Plan payment</source>
        <translation>&amp;Planifier le paiement</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="149" />
        <source>Record the transfer settling the ticked invoices, less the ticked credit notes, and show its remittance advice</source>
        <translation>Enregistrer le virement qui règle les factures cochées, moins les avoirs cochés, et afficher son avis de paiement</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="54" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="34" />
        <source>sent to the bank on %s</source>
        <translation>envoyé à la banque le %s</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="55" />
        <location filename="../../widgets/plans_page.py" line="144" />
        <source>Reference</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="56" />
        <location filename="../../widgets/plans_page.py" line="140" />
        <source>Value date</source>
        <translation>Date de valeur</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="57" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="58" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="59" />
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="60" />
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="155" />
        <location filename="../../widgets/plans_page.py" line="185" />
        <source>Planned payments</source>
        <translation>Paiements planifiés</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="158" />
        <source>Remittance &amp;advice…</source>
        <translation>&amp;Avis de paiement…</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="160" />
        <source>&amp;Save as PDF, Excel or bank text…</source>
        <translation>&amp;Enregistrer en PDF, Excel ou texte bancaire…</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="162" />
        <source>&amp;Copy bank reference</source>
        <translation>&amp;Copier la référence de virement</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="164" />
        <source>SEPA &amp;transfers (pain.001)…</source>
        <translation>&amp;Virements SEPA (pain.001)…</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="165" />
        <source>One pain.001 file for every plan selected</source>
        <translation>Un seul fichier pain.001 pour tous les plans sélectionnés</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="174" />
        <source>Plan a payment: tick the invoices to pay and the credit notes to net</source>
        <translation>Planifier un paiement : cochez les factures à payer et les avoirs à déduire</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="177" />
        <source>Value date:</source>
        <translation>Date de valeur :</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="227" />
        <source>credit note</source>
        <translation>avoir</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="227" />
        <source>invoice</source>
        <translation>facture</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="289" />
        <source>Tick the invoices to pay.</source>
        <translation>Cochez les factures à payer.</translation>
    </message>
    <message>
        <location filename="../../widgets/plans_page.py" line="294" />
        <source>%1, %2: %3</source>
        <translation>%1, %2 : %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plans_page.py" line="292" />
        <source>%n invoice(s)</source>
        <translation>
            <numerusform>%n facture(s)</numerusform><numerusform>%n facture(s)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/plans_page.py" line="293" />
        <source>%n credit note(s)</source>
        <translation>
            <numerusform>%n avoir(s)</numerusform><numerusform>%n avoir(s)</numerusform></translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../desktop/preferences.py" line="24" />
        <source>Company name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="25" />
        <source>Company address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="27" />
        <source>Company IBAN (transfers are sent from)</source>
        <translation>IBAN de la société (compte émetteur des virements)</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="28" />
        <source>Company BIC</source>
        <translation>BIC de la société</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="30" />
        <source>Microsoft's EUR account (IBAN on the invoice)</source>
        <translation>Compte EUR de Microsoft (IBAN de la facture)</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="31" />
        <source>Microsoft's EUR BIC</source>
        <translation>BIC EUR de Microsoft</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="33" />
        <source>Billing experiences (new_commerce, legacy)</source>
        <translation>Expériences de facturation (new_commerce, legacy)</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="35" />
        <source>Legacy billing anniversary (day 1–31)</source>
        <translation>Date anniversaire de facturation legacy (jour 1–31)</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="36" />
        <source>Partner tier (direct or indirect)</source>
        <translation>Niveau du partenaire (direct ou indirect)</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="39" />
        <source>Public holidays of (country code: FR, DE, GB…)</source>
        <translation>Jours fériés de (code pays : FR, DE, GB…)</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="41" />
        <source>Other payee names in bank statements (one a line)</source>
        <translation>Autres bénéficiaires dans les relevés (un par ligne)</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="44" />
        <source>Payee IBANs in bank statements (one a line)</source>
        <translation>IBAN bénéficiaires dans les relevés (un par ligne)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/preferences.py" line="55" />
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="71" />
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="72" />
        <source>Days from the invoice date to its due date (Microsoft: 60)</source>
        <translation>Jours entre la date de facture et son échéance (Microsoft : 60)</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="73" />
        <source>Payment term</source>
        <translation>Délai de paiement</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="77" />
        <source>Upper limits of the aging buckets in days past due, e.g. 30,60,90 gives 1–30, 31–60, 61–90 and over 90</source>
        <translation>Bornes supérieures des tranches de retard en jours, p. ex. 30,60,90 donne 1–30, 31–60, 61–90 et plus de 90</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="82" />
        <source>Aging buckets (days)</source>
        <translation>Tranches de retard (jours)</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="89" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="94" />
        <source>Every change is recorded in the audit log and can be undone.</source>
        <translation>Chaque modification est consignée dans le journal et peut être annulée.</translation>
    </message>
</context>
<context>
    <name>ReconcilePage</name>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="70" />
        <source>score ≥ </source>
        <translation>score ≥ </translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="71" />
        <source>The lowest score accepted by Accept all confident</source>
        <translation>Le score le plus bas que retient Accepter les suggestions sûres</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="72" />
        <source>Lowest score accepted</source>
        <translation>Score minimal accepté</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="73" />
        <source>Accept all &amp;confident</source>
        <translation>Accepter les suggestions &amp;sûres</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="75" />
        <source>Accept the best suggestion of every payment scoring at least this, as one change (Ctrl+Z undoes them all)</source>
        <translation>Accepter la meilleure suggestion de chaque paiement qui atteint ce score, en une seule modification (Ctrl+Z les annule toutes)</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="43" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="44" />
        <source>Unallocated</source>
        <translation>Non affecté</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="45" />
        <source>Best score</source>
        <translation>Meilleur score</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="46" />
        <source>Reference</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="82" />
        <source>Money not yet allocated</source>
        <translation>Argent pas encore affecté</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="47" />
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="42" />
        <source>Payment or credit note</source>
        <translation>Paiement ou avoir</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="48" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="49" />
        <source>Evidence</source>
        <translation>Indice</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="50" />
        <source>Proposed allocation</source>
        <translation>Affectation proposée</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="51" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="86" />
        <source>Suggested allocations</source>
        <translation>Suggestions d'affectation</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="92" />
        <source>Select a payment to see what is proposed.</source>
        <translation>Sélectionnez un paiement pour voir ce qui est proposé.</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="93" />
        <source>Why it is proposed</source>
        <translation>Pourquoi c'est proposé</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="94" />
        <source>&amp;Accept (Enter)</source>
        <translation>&amp;Accepter (Entrée)</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="95" />
        <source>Allocate as proposed (Ctrl+Z undoes it)</source>
        <translation>Affecter comme proposé (Ctrl+Z pour annuler)</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="97" />
        <source>&amp;Reject (Del)</source>
        <translation>&amp;Rejeter (Suppr)</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="98" />
        <source>Never propose this allocation again</source>
        <translation>Ne plus jamais proposer cette affectation</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="100" />
        <source>Allocate by &amp;hand…</source>
        <translation>Affecter à la &amp;main…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/reconcile_page.py" line="166" />
        <source>%n payment(s) or credit note(s) with money left</source>
        <translation>
            <numerusform>%n paiement(s) ou avoir(s) avec de l'argent à affecter</numerusform><numerusform>%n paiement(s) ou avoir(s) avec de l'argent à affecter</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="285" />
        <source>credit note to apply</source>
        <translation>avoir à imputer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/reconcile_page.py" line="167" />
        <source>%n with a confident suggestion</source>
        <translation>
            <numerusform>%n avec une suggestion sûre</numerusform><numerusform>%n avec une suggestion sûre</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="223" />
        <source>%s unallocated</source>
        <translation>%s non affecté</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="280" />
        <source>invoice number quoted</source>
        <extracomment>the evidence of a suggestion, as the clerk reads it (the engine's kinds)</extracomment>
        <translation>numéro de facture cité</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="281" />
        <source>same amount</source>
        <translation>même montant</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="282" />
        <source>amount less a credit note</source>
        <translation>montant moins un avoir</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="283" />
        <source>several invoices add up</source>
        <translation>plusieurs factures font le compte</translation>
    </message>
    <message>
        <location filename="../../widgets/reconcile_page.py" line="284" />
        <source>oldest due first</source>
        <translation>la plus ancienne échéance d'abord</translation>
    </message>
</context>
<context>
    <name>RemittancePreview</name>
    <message>
        <location filename="../../desktop/remittance_preview.py" line="24" />
        <source>Remittance advice — %s</source>
        <translation>Avis de paiement — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/remittance_preview.py" line="33" />
        <source>The advice as it will print</source>
        <translation>L'avis tel qu'il sera imprimé</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/remittance_preview.py" line="36" />
        <source>%n page</source>
        <translation>
            <numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/remittance_preview.py" line="37" />
        <source>%n pages</source>
        <translation>
            <numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/remittance_preview.py" line="40" />
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../desktop/remittance_preview.py" line="41" />
        <source>Choose a printer and print the advice (Ctrl+P)</source>
        <translation>Choisir une imprimante et imprimer l'avis (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/remittance_preview.py" line="44" />
        <source>&amp;Save as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <location filename="../../desktop/remittance_preview.py" line="45" />
        <source>Save as PDF, Excel workbook or text (Ctrl+S)</source>
        <translation>Enregistrer en PDF, classeur Excel ou texte (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/remittance_preview.py" line="48" />
        <source>&amp;Copy bank reference</source>
        <translation>&amp;Copier la référence de virement</translation>
    </message>
    <message>
        <location filename="../../desktop/remittance_preview.py" line="49" />
        <source>The text to put in the transfer's reference field</source>
        <translation>Le texte à mettre dans le libellé du virement</translation>
    </message>
</context>
<context>
    <name>SettleDialog</name>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="241" />
        <source>Settle %s</source>
        <translation>Régler %s</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="245" />
        <source>%s still owes %s.</source>
        <translation>%s reste dû : %s.</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="258" />
        <source>Payments and credit notes to settle with</source>
        <translation>Paiements et avoirs pour régler</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="260" />
        <source>Payment or credit note</source>
        <translation>Paiement ou avoir</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="260" />
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="260" />
        <source>Allocate</source>
        <translation>Affecter</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="292" />
        <source>credit note %s</source>
        <translation>avoir %s</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="300" />
        <source>Still owed after these: %s</source>
        <translation>Reste dû après ceux-ci : %s</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="302" />
        <source>Still owed after these: %s, without the amount refused</source>
        <translation>Reste dû après ceux-ci : %s, sans le montant refusé</translation>
    </message>
</context>
<context>
    <name>SlaClaimDialog</name>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="127" />
        <source>New SLA credit claim</source>
        <translation>Nouvelle réclamation de crédit SLA</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="129" />
        <source>e.g. Dynamics 365 Sales</source>
        <translation>par ex. Dynamics 365 Sales</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="134" />
        <source>e.g. 99.5 (below 99.9)</source>
        <translation>par ex. 99,5 (inférieur à 99,9)</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="141" />
        <source>Monthly availability below 99.9 % entitles to a credit.</source>
        <translation>Une disponibilité mensuelle inférieure à 99,9 % ouvre droit à un crédit.</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="143" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="144" />
        <source>Month (YYYY-MM)</source>
        <translation>Mois (AAAA-MM)</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="145" />
        <source>Availability (%)</source>
        <translation>Disponibilité (%)</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="146" />
        <source>Credit claimed</source>
        <translation>Crédit réclamé</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="147" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="148" />
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../desktop/claim_dialogs.py" line="149" />
        <source>Opened on</source>
        <translation>Ouverte le</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../widgets/models.py" line="43" />
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="44" />
        <source>Partly paid</source>
        <translation>Partiellement payée</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="45" />
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="46" />
        <source>Voided</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="47" />
        <source>Void note</source>
        <translation>Note d'annulation</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="48" />
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="49" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="54" />
        <source>wrong currency</source>
        <translation>mauvaise devise</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="55" />
        <source>unknown reference</source>
        <translation>référence inconnue</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="56" />
        <source>voided reference</source>
        <translation>référence annulée</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="57" />
        <source>unallocated</source>
        <translation>non affecté</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="58" />
        <source>partly allocated</source>
        <translation>partiellement affecté</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="59" />
        <source>over-allocated</source>
        <translation>sur-affecté</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="39" />
        <source>High</source>
        <extracomment>the scores from which a suggestion is said to be of high, then medium confidence the command line's words in the engine's advice, and the window's for the same</extracomment>
        <translation>Élevée</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="41" />
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="42" />
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="46" />
        <source>Score %1 out of 100: how strongly the evidence (the invoice number quoted, the amount, the dates) points to this allocation. High from 80, medium from 50; a high score is still checked before anything is recorded.</source>
        <translation>Score de %1 sur 100 : à quel point les indices (le numéro de facture cité, le montant, les dates) désignent cette affectation. Élevée à partir de 80, moyenne à partir de 50 ; même élevée, elle est vérifiée avant d'être enregistrée.</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="230" />
        <source>invoice number</source>
        <translation>numéro de facture</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="231" />
        <source>amount</source>
        <translation>montant</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="232" />
        <source>amount and credit note</source>
        <translation>montant et avoir</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="233" />
        <source>several invoices</source>
        <translation>plusieurs factures</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="234" />
        <source>fallback: oldest due</source>
        <translation>à défaut : échéance la plus ancienne</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="66" />
        <location filename="../../desktop/suggestions_dialog.py" line="116" />
        <source>Suggested allocations</source>
        <translation>Suggestions d'affectation</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="71" />
        <source>Show &amp;all payments</source>
        <translation>Afficher &amp;tous les paiements</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="77" />
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="78" />
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="78" />
        <source>Unallocated</source>
        <translation>Non affecté</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="79" />
        <source>Evidence</source>
        <translation>Indice</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="79" />
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="80" />
        <source>Proposed allocation</source>
        <translation>Affectation proposée</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="88" />
        <source>Why it is proposed</source>
        <translation>Pourquoi c'est proposé</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="89" />
        <source>Select a suggestion to see why it is made.</source>
        <translation>Sélectionnez une suggestion pour voir pourquoi elle est faite.</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="96" />
        <source>&amp;Accept</source>
        <translation>&amp;Accepter</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="97" />
        <source>Allocate as proposed (Ctrl+Z undoes it)</source>
        <translation>Affecter comme proposé (Ctrl+Z pour annuler)</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="99" />
        <source>&amp;Reject</source>
        <translation>&amp;Rejeter</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="100" />
        <source>Never propose this allocation again</source>
        <translation>Ne plus jamais proposer cette affectation</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="118" />
        <source>Suggested allocations — %s only</source>
        <translation>Affectations suggérées — %s seulement</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="119" />
        <source>Only the payment selected in Payments: %s</source>
        <translation>Seulement le paiement sélectionné dans Paiements : %s</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="141" />
        <source>(Alerts and calendar: Copy the support ticket)</source>
        <translation>(Alertes et calendrier : Copier le ticket de support)</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="160" />
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="161" />
        <source>Wrong currency: nothing to propose (see below)</source>
        <translation>Mauvaise devise : rien à proposer (voir ci-dessous)</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="162" />
        <source>Nothing to propose (see below)</source>
        <translation>Rien à proposer (voir ci-dessous)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/suggestions_dialog.py" line="188" />
        <source>%n payment(s) with money left; </source>
        <translation>
            <numerusform>%n paiement(s) non entièrement affecté(s) ; </numerusform><numerusform>%n paiement(s) non entièrement affecté(s) ; </numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/suggestions_dialog.py" line="189" />
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform><numerusform>%n suggestions</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="209" />
        <source>%s confidence (score %s out of 100)</source>
        <translation>Confiance %s (score de %s sur 100)</translation>
    </message>
    <message>
        <location filename="../../desktop/suggestions_dialog.py" line="218" />
        <source>The combination search was cut short.</source>
        <translation>La recherche de combinaisons a été écourtée.</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <location filename="../../widgets/pages.py" line="39" />
        <source>Search (number, reference, customer…)</source>
        <translation>Rechercher (numéro, référence, client…)</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="41" />
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="42" />
        <source>Shows the rows where any column contains this text</source>
        <translation>Affiche les lignes dont une colonne contient ce texte</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="44" />
        <source>All currencies</source>
        <translation>Toutes les devises</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="45" />
        <source>Only this currency</source>
        <translation>Uniquement cette devise</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="46" />
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="47" />
        <source>Only this status</source>
        <translation>Uniquement ce statut</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="48" />
        <source>All customers</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="49" />
        <source>Only documents with lines of this customer</source>
        <translation>Uniquement les documents ayant des lignes de ce client</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="50" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="50" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="51" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="53" />
        <source>From: any date</source>
        <translation>Du : toute date</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="54" />
        <source>To: any date</source>
        <translation>Au : toute date</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="55" />
        <source>First date shown (document or payment date)</source>
        <translation>Première date affichée (date du document ou du paiement)</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="56" />
        <source>Last date shown (document or payment date)</source>
        <translation>Dernière date affichée (date du document ou du paiement)</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="57" />
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="58" />
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="60" />
        <source>Click to show every row again</source>
        <translation>Cliquez pour afficher à nouveau toutes les lignes</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="67" />
        <source>Show every row again</source>
        <translation>Afficher de nouveau toutes les lignes</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="70" />
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="263" />
        <source>remove</source>
        <translation>retirer</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="264" />
        <source>Remove this allocation (Ctrl+Z puts it back)</source>
        <translation>Retirer cette affectation (Ctrl+Z la remet)</translation>
    </message>
</context>
<context><name>core</name><message><location filename="../../core/alerts.py" line="386" /><source>{id}: {money} paid {since}; Microsoft applies it by {until} (5 business days) and shows {invoices} unpaid until then: nothing to do yet.</source><translation>{id} : {money} payés le {since} ; Microsoft les impute au plus tard le {until} (5 jours ouvrés) et montre {invoices} impayée(s) d'ici là : rien à faire pour l'instant.</translation></message><message><location filename="../../core/alerts.py" line="415" /><source>{id}: {money} unallocated at Microsoft for {age} business day(s): send the request e-mail (invoice numbers and amounts); Microsoft applies it by {until}.</source><translation>{id} : {money} non affectés chez Microsoft depuis {age} jour(s) ouvré(s) : envoyez le courriel de demande (numéros de facture et montants) ; Microsoft les impute au plus tard le {until}.</translation></message><message><location filename="../../core/alerts.py" line="466" /><source>quotes {number} ({invoiced}) but was paid in {paid}</source><translation>indique {number} ({invoiced}) mais a été payé en {paid}</translation></message><message><location filename="../../core/alerts.py" line="392" /><source>{id}: {money} paid {since}, past the 5 business days ({until}): if Partner Center still shows {invoices} unpaid, mark the payment unallocated at Microsoft and send the request e-mail.</source><translation>{id} : {money} payés le {since}, les 5 jours ouvrés sont passés ({until}) : si Partner Center montre toujours {invoices} impayée(s), marquez le paiement non affecté chez Microsoft et envoyez le courriel de demande.</translation></message><message><location filename="../../core/alerts.py" line="421" /><source>{id}: {money} still unallocated at Microsoft after {age} business days (resolution promised by {until}): open a billing support ticket with the request e-mail attached.</source><translation>{id} : {money} toujours non affectés chez Microsoft après {age} jours ouvrés (résolution promise pour le {until}) : ouvrez un ticket au support de facturation avec le courriel de demande joint.</translation></message><message><location filename="../../core/alerts.py" line="266" /><source>new-commerce period {start} to {end}</source><translation>période new-commerce du {start} au {end}</translation></message><message><location filename="../../core/alerts.py" line="268" /><source>legacy period {start} to {end}</source><translation>période legacy du {start} au {end}</translation></message><message><location filename="../../core/alerts.py" line="347" /><source>{number}: {money} due on {due}: plan the payment now so it is applied in time (5 business days).</source><translation>{number} : {money} à payer le {due} : planifiez le paiement maintenant pour qu'il soit imputé à temps (5 jours ouvrés).</translation></message><message><location filename="../../core/alerts.py" line="352" /><source>{number}: {money} unpaid {late} days after its due date: Microsoft may suspend the account and services. Pay it today and send the remittance advice.</source><translation>{number} : {money} impayés {late} jours après l'échéance : Microsoft peut suspendre le compte et les services. Payez aujourd'hui et envoyez l'avis de paiement.</translation></message><message><location filename="../../core/alerts.py" line="364" /><source>{number}: {money} {late} days past due ({after}): pay it, quoting the invoice number.</source><translation>{number} : {money} en retard de {late} jours ({after}) : payez-la en indiquant le numéro de facture.</translation></message><message><location filename="../../core/alerts.py" line="407" /><source>{id}: {money} applied in our books to {invoices} is not in Partner Center's invoice download of {since}, past its 5 business days: send the request e-mail (invoice numbers and amounts) to bposcapp@microsoft.com.</source><translation>{id} : {money} imputés dans nos livres à {invoices} n'apparaissent pas dans le téléchargement des factures de Partner Center du {since}, passé ses 5 jours ouvrés : envoyez le courriel de demande (numéros de facture et montants) à bposcapp@microsoft.com.</translation></message><message><location filename="../../core/alerts.py" line="289" /><source>The reconciliation lines of {number} are imported but not the invoice itself: import the invoice list (or PDF data) so its date, due date and total are known.</source><translation>Les lignes de rapprochement de {number} sont importées mais pas la facture elle-même : importez la liste des factures (ou les données PDF) pour en connaître la date, l'échéance et le total.</translation></message><message><location filename="../../core/alerts.py" line="309" /><source>{number} is a void note of {original}, which is not in this workspace: import the Partner Center invoice list that holds {original} (Billing &gt; Invoices), so that the void and its rebill count as they should.</source><translation>{number} est une note d'annulation de {original}, qui n'est pas dans cet espace de travail : importez la liste des factures Partner Center qui contient {original} (Facturation &gt; Factures), pour que l'annulation et sa refacturation comptent comme il faut.</translation></message><message><location filename="../../core/alerts.py" line="359" /><source>the grace period has begun; access is at risk after day {day}</source><translation>le délai de grâce a commencé ; l'accès est menacé après le jour {day}</translation></message><message><location filename="../../core/alerts.py" line="361" /><source>Microsoft sends reminders</source><translation>Microsoft envoie des relances</translation></message><message><location filename="../../core/alerts.py" line="362" /><source>overdue</source><translation>en retard</translation></message><message><location filename="../../core/alerts.py" line="271" /><source>No invoice imported for the {what}: Partner Center published it by {available}. Download it (Billing &gt; Invoices) and import it, or check the billing experiences in the preferences.</source><translation>Aucune facture importée pour la {what} : Partner Center l'a publiée au plus tard le {available}. Téléchargez-la (Facturation &gt; Factures) et importez-la, ou vérifiez les expériences de facturation dans les préférences.</translation></message><message><location filename="../../core/alerts.py" line="326" /><source>{number}: its reconciliation lines add up to {lines}, the invoice says {total}: import the complete reconciliation file, or ask Microsoft billing support.</source><translation>{number} : ses lignes de rapprochement totalisent {lines}, la facture indique {total} : importez le fichier de rapprochement complet, ou interrogez le support de facturation Microsoft.</translation></message><message><location filename="../../core/alerts.py" line="443" /><source>{id}: {money} — {said}: open a support ticket (invoice numbers, payment date, amount, currency and account used) asking Microsoft to re-apply or return it.</source><translation>{id} : {money} — {said} : ouvrez un ticket de support (numéros de facture, date du paiement, montant, devise et compte utilisé) pour demander à Microsoft de le réimputer ou de le rembourser.</translation></message><message><location filename="../../core/alerts.py" line="450" /><source>{id}: {money} sent to {account}, not to Microsoft's {currency} account {expected}: report it at once (support ticket with the payment's date, amount, currency and the account used) and send the payment to the right account.</source><translation>{id} : {money} envoyés au compte {account}, et non au compte {currency} de Microsoft {expected} : signalez-le immédiatement (ticket de support avec la date du paiement, le montant, la devise et le compte utilisé) et envoyez le paiement au bon compte.</translation></message><message><location filename="../../core/alerts.py" line="281" /><source>{number} is imported but not its reconciliation file ({what}): download the invoice's reconciliation lines and import them, to check the total and see each customer's charges.</source><translation>{number} est importée mais pas son fichier de rapprochement ({what}) : téléchargez les lignes de rapprochement de la facture et importez-les, pour vérifier le total et voir les charges de chaque client.</translation></message><message><location filename="../../core/allocation.py" line="55" /><source>no payment or credit note '{source}' in this workspace</source><translation>aucun paiement ni avoir « {source} » dans cet espace de travail</translation></message><message><location filename="../../core/allocation.py" line="48" /><source>{number} is a {kind}, not a payment or a credit note: it cannot be allocated from</source><translation>{number} est de type « {kind} », ni un paiement ni un avoir : on ne peut pas en affecter</translation></message><message><location filename="../../core/allocation.py" line="71" /><source>name at least one INVOICE=AMOUNT</source><translation>indiquez au moins une FACTURE=MONTANT</translation></message><message><location filename="../../core/allocation.py" line="82" /><source>{number}: the amount must be positive, got {amount}</source><translation>{number} : le montant doit être positif, lu {amount}</translation></message><message><location filename="../../core/allocation.py" line="90" /><source>no invoice {number} in this workspace</source><translation>aucune facture {number} dans cet espace de travail</translation></message><message><location filename="../../core/allocation.py" line="98" /><source>{number} is voided and has no rebill yet: it does not count</source><translation>{number} est annulée et n'a pas encore de refacturation : elle ne compte pas</translation></message><message><location filename="../../core/allocation.py" line="103" /><source>{source} is in {currency} but {number} is in {other}</source><translation>{source} est en {currency} mais {number} est en {other}</translation></message><message><location filename="../../core/allocation.py" line="114" /><source>{number} still owes {owed}; cannot allocate {amount}</source><translation>{number} doit encore {owed} ; impossible d'affecter {amount}</translation></message><message><location filename="../../core/allocation.py" line="123" /><source>{source} has {left} left; cannot allocate {amount} more</source><translation>il reste {left} à {source} ; impossible d'affecter {amount} de plus</translation></message><message><location filename="../../core/allocation.py" line="80" /><source>{number}: {why}</source><translation>{number} : {why}</translation></message><message><location filename="../../core/allocation.py" line="88" /><source>{number} is a credit note, not an invoice</source><translation>{number} est un avoir, pas une facture</translation></message><message><location filename="../../core/allocation.py" line="95" /><source>{number} is a void note: it does not count</source><translation>{number} est une note d'annulation : elle ne compte pas</translation></message><message><location filename="../../core/explain/conversion.py" line="65" /><source>Subtotal {subtotal} {currency}, but the {rule} rule gives {recomputed} {currency} ({price} {pricing} × {quantity} at rate {rate}): ask Microsoft billing support to explain or correct the conversion.</source><translation>Sous-total {subtotal} {currency}, mais la règle {rule} donne {recomputed} {currency} ({price} {pricing} × {quantity} au taux {rate}) : demandez au support de facturation Microsoft d'expliquer ou de corriger la conversion.</translation></message><message><location filename="../../core/explain/explanation.py" line="69" /><source>{pricing}→{billing} at {rate}</source><translation>{pricing}→{billing} au taux {rate}</translation></message><message><location filename="../../core/explain/explanation.py" line="73" /><source>{charged}/{days} days</source><translation>{charged}/{days} jours</translation></message><message><location filename="../../core/explain/explanation.py" line="79" /><source>full refund</source><translation>remboursement intégral</translation></message><message><location filename="../../core/explain/explanation.py" line="79" /><source>refund within 24 h</source><translation>remboursement sous 24 h</translation></message><message><location filename="../../core/explain/explanation.py" line="80" /><source>prorated refund</source><translation>remboursement au prorata</translation></message><message><location filename="../../core/explain/explanation.py" line="80" /><source>refund after 7 days</source><translation>remboursement après 7 jours</translation></message><message><location filename="../../core/explain/explanation.py" line="81" /><source>refund</source><translation>remboursement</translation></message><message><location filename="../../core/explain/explanation.py" line="81" /><source>credit</source><translation>avoir</translation></message><message><location filename="../../core/explain/proration.py" line="90" /><source>charged {subtotal} {currency} for {charged} of {days} days; at most {expected} {currency} expected ({full} {currency} for the full cycle): dispute the difference with Microsoft billing support.</source><translation>facturé {subtotal} {currency} pour {charged} jours sur {days} ; {expected} {currency} au plus attendus ({full} {currency} pour le cycle complet) : contestez l'écart auprès du support de facturation Microsoft.</translation></message><message><location filename="../../core/explain/proration.py" line="94" /><source>charged {subtotal} {currency} for {charged} of {days} days; {expected} {currency} expected ({full} {currency} for the full cycle): dispute the difference with Microsoft billing support.</source><translation>facturé {subtotal} {currency} pour {charged} jours sur {days} ; {expected} {currency} attendus ({full} {currency} pour le cycle complet) : contestez l'écart auprès du support de facturation Microsoft.</translation></message><message><location filename="../../core/explain/refunds.py" line="161" /><source>from {label}: {subtotal} {currency} for {start} to {end}; {left} of {span} days left</source><translation>d'après {label} : {subtotal} {currency} du {start} au {end} ; {left} jours restants sur {span}</translation></message><message><location filename="../../core/explain/refunds.py" line="187" /><source>unit price {price} × {units} for the cycle; {credited} of {span} days credited</source><translation>prix unitaire {price} × {units} pour le cycle ; {credited} jours crédités sur {span}</translation></message><message><location filename="../../core/explain/refunds.py" line="195" /><source>unit price {price} × {units} for the cycle</source><translation>prix unitaire {price} × {units} pour le cycle</translation></message><message><location filename="../../core/explain/refunds.py" line="174" /><source>the charge it reverses is not in the workspace</source><translation>la charge qu'il annule n'est pas dans l'espace de travail</translation></message><message><location filename="../../core/explain/refunds.py" line="176" /><source>the charge it reverses is not in the workspace and a discount applies</source><translation>la charge qu'il annule n'est pas dans l'espace de travail et une remise s'applique</translation></message><message><location filename="../../core/explain/refunds.py" line="88" /><source>credited {subtotal} {currency} for a cancellation {days} days after the term began ({start}); new commerce refunds nothing after 7 days: check with Microsoft before passing the credit on to the customer.</source><translation>crédité {subtotal} {currency} pour une résiliation {days} jours après le début de l'engagement ({start}) ; new commerce ne rembourse rien après 7 jours : vérifiez auprès de Microsoft avant de répercuter l'avoir au client.</translation></message><message><location filename="../../core/explain/refunds.py" line="106" /><source>credited {subtotal} {currency}; a prorated refund is {expected} {currency} ({basis}): dispute the difference with Microsoft billing support.</source><translation>crédité {subtotal} {currency} ; un remboursement au prorata fait {expected} {currency} ({basis}) : contestez l'écart auprès du support de facturation Microsoft.</translation></message><message><location filename="../../core/explain/refunds.py" line="110" /><source>credited {subtotal} {currency}; a full refund is {expected} {currency} ({basis}): dispute the difference with Microsoft billing support.</source><translation>crédité {subtotal} {currency} ; un remboursement intégral fait {expected} {currency} ({basis}) : contestez l'écart auprès du support de facturation Microsoft.</translation></message><message><location filename="../../core/explain/text.py" line="83" /><source>{start} to {end}</source><translation>du {start} au {end}</translation></message><message><location filename="../../core/explain/text.py" line="85" /><source>{months}-month</source><translation>de {months} mois</translation></message><message><location filename="../../core/explain/text.py" line="122" /><source>cancelled on {cancelled}, {days} days after the term began on {start}</source><translation>annulé le {cancelled}, {days} jours après le début de l'engagement le {start}</translation></message><message><location filename="../../core/explain/text.py" line="125" /><source>the cancellation or term start date is not in the file</source><translation>la date d'annulation ou de début d'engagement n'est pas dans le fichier</translation></message><message><location filename="../../core/explain/text.py" line="128" /><source>expected {expected} {currency} ({basis})</source><translation>attendu {expected} {currency} ({basis})</translation></message><message><location filename="../../core/explain/text.py" line="131" /><source>amount not checked ({basis})</source><translation>montant non vérifié ({basis})</translation></message><message><location filename="../../core/explain/text.py" line="133" /><source>Refund ({rules}): {when}; {expected}; credited {subtotal} {currency}.</source><translation>Remboursement ({rules}) : {when} ; {expected} ; crédité {subtotal} {currency}.</translation></message><message><location filename="../../core/explain/text.py" line="33" /><source>Flag {kind}: {message}</source><translation>Signalement {kind} : {message}</translation></message><message><location filename="../../core/explain/text.py" line="55" /><source>Priced in {pricing}: {price} × {quantity} = {amount} {pricing}; rate {rate} of {day}.</source><translation>Prix en {pricing} : {price} × {quantity} = {amount} {pricing} ; taux {rate} du {day}.</translation></message><message><location filename="../../core/explain/text.py" line="58" /><source>Priced in {pricing}: {price} × {quantity} = {amount} {pricing}; rate {rate}.</source><translation>Prix en {pricing} : {price} × {quantity} = {amount} {pricing} ; taux {rate}.</translation></message><message><location filename="../../core/explain/text.py" line="60" /><source>{kind} rule: {rule} = {recomputed} {currency}; the line says {subtotal} {currency} — they agree.</source><translation>Règle {kind} : {rule} = {recomputed} {currency} ; la ligne indique {subtotal} {currency} — ils concordent.</translation></message><message><location filename="../../core/explain/text.py" line="63" /><source>{kind} rule: {rule} = {recomputed} {currency}; the line says {subtotal} {currency} — they differ.</source><translation>Règle {kind} : {rule} = {recomputed} {currency} ; la ligne indique {subtotal} {currency} — ils diffèrent.</translation></message><message><location filename="../../core/explain/text.py" line="88" /><source>Prorated: {charged} of {days} days of a {cycle} billing cycle ({span}); {full} {currency} for the full cycle × {charged}/{days} = {expected} {currency}{bound}; charged {subtotal} {currency}.</source><translation>Au prorata : {charged} jours sur {days} d'un cycle de facturation {cycle} ({span}) ; {full} {currency} pour le cycle complet × {charged}/{days} = {expected} {currency}{bound} ; facturé {subtotal} {currency}.</translation></message><message><location filename="../../core/explain/text.py" line="97" /><source>Full {cycle} billing cycle ({span}, {charged} days): {full} {currency}{bound}; charged {subtotal} {currency}.</source><translation>Cycle de facturation {cycle} complet ({span}, {charged} jours) : {full} {currency}{bound} ; facturé {subtotal} {currency}.</translation></message><message><location filename="../../core/explain/text.py" line="104" /><source>The subscription runs {days} days against {term} for a full term: {case}.</source><translation>L'abonnement court sur {days} jours contre {term} pour un engagement complet : {case}.</translation></message><message><location filename="../../core/explain/text.py" line="114" /><source>Credit ({reason}): not a cancellation, no refund window applies.</source><translation>Avoir ({reason}) : pas une annulation, aucun délai de remboursement ne s'applique.</translation></message><message><location filename="../../core/explain/text.py" line="117" /><source>new commerce: full refund within 24 hours, prorated within 7 days, none after</source><translation>new commerce : remboursement intégral sous 24 heures, au prorata sous 7 jours, aucun ensuite</translation></message><message><location filename="../../core/explain/text.py" line="119" /><source>legacy: full refund within the first month, prorated after</source><translation>legacy : remboursement intégral le premier mois, au prorata ensuite</translation></message><message><location filename="../../core/explain/text.py" line="70" /><source>For reference, the published rule gives the rate of {published} (two business days before {month}).</source><translation>Pour mémoire, la règle publiée donne le taux du {published} (deux jours ouvrés avant le {month}).</translation></message><message><location filename="../../core/explain/text.py" line="73" /><source>For reference, the published rule gives the rate of {published} (two business days before {month}); the file gives another date.</source><translation>Pour mémoire, la règle publiée donne le taux du {published} (deux jours ouvrés avant le {month}) ; le fichier donne une autre date.</translation></message><message><location filename="../../core/explain/text.py" line="93" /><source> at most (a discount applies)</source><translation> au plus (une remise s'applique)</translation></message><message><location filename="../../core/explain/text.py" line="100" /><source> before discounts</source><translation> avant remises</translation></message><message><location filename="../../core/importers/bank_table.py" line="152" /><source>expected a date (DD/MM/YYYY, DD/MM/YY or 15-Feb-2026), got '{got}'</source><translation>date attendue (JJ/MM/AAAA, JJ/MM/AA ou 15-Feb-2026), lu « {got} »</translation></message><message><location filename="../../core/importers/bank_table.py" line="361" /><source>got a closing balance of {closing} ('{said}'), expected {expected} = the opening balance {opening} (line {line}) + {count} movements {total}: the export is incomplete or altered</source><translation>lu un solde final de {closing} (« {said} »), attendu {expected} = le solde initial {opening} (ligne {line}) + {count} mouvements {total} : l'export est incomplet ou modifié</translation></message><message><location filename="../../core/importers/bank_table.py" line="583" /><source>expected an amount in exactly one of Debit and Credit, got {got}</source><translation>montant attendu dans une seule des colonnes Débit et Crédit, lu {got}</translation></message><message><location filename="../../core/importers/bank_table.py" line="588" /><source>expected an amount in exactly one of Debit and Credit, got neither</source><translation>montant attendu dans une seule des colonnes Débit et Crédit, lu aucun des deux</translation></message><message><location filename="../../core/importers/bank_table.py" line="413" /><source>got a balance of {after}, expected {expected} = the balance before {before} + this movement {movement}: the export is incomplete or altered</source><translation>lu un solde de {after}, attendu {expected} = le solde précédent {before} + ce mouvement {movement} : l'export est incomplet ou modifié</translation></message><message><location filename="../../core/importers/bank_table.py" line="476" /><source>expected a header row with a date, a label and debit and credit (or a signed amount) columns in the first {lines} lines; found none</source><translation>ligne d'en-tête attendue avec des colonnes date, libellé et débit et crédit (ou un montant signé) dans les {lines} premières lignes ; aucune trouvée</translation></message><message><location filename="../../core/importers/base.py" line="35" /><source>expected at most {most} characters, got {length} ('{start}…')</source><translation>{most} caractères au plus attendus, lu {length} (« {start}… »)</translation></message><message><location filename="../../core/importers/base.py" line="30" /><source>got '{got}' with the control character U+{code}, expected a number or id of printable characters (a damaged file?)</source><translation>lu « {got} » avec le caractère de contrôle U+{code}, numéro ou identifiant en caractères imprimables attendu (un fichier endommagé ?)</translation></message><message><location filename="../../core/importers/csvrows.py" line="28" /><source>got a last character cut in the middle, expected complete text (the file is cut short: an interrupted download?)</source><translation>lu un dernier caractère coupé en son milieu, texte complet attendu (le fichier est tronqué : un téléchargement interrompu ?)</translation></message><message><location filename="../../core/importers/csvrows.py" line="56" /><source>got a carriage return (CR) alone inside the line, expected lines ending in CRLF or LF throughout (a damaged file?)</source><translation>lu un retour chariot (CR) seul dans la ligne, lignes finissant toutes par CRLF ou LF attendues (un fichier endommagé ?)</translation></message><message><location filename="../../core/importers/csvrows.py" line="93" /><source>missing: the row ends after {count} of the header's {width} fields, expected a complete row (the file is cut short: an interrupted download?)</source><translation>manquant : la ligne s'arrête après {count} des {width} champs de l'en-tête, ligne complète attendue (le fichier est tronqué : un téléchargement interrompu ?)</translation></message><message><location filename="../../core/importers/csvrows.py" line="81" /><source>got {got} with a NUL byte, expected text (a damaged file?)</source><translation>lu {got} avec un octet NUL, texte attendu (un fichier endommagé ?)</translation></message><message><location filename="../../core/importers/invoice_table.py" line="102" /><source>expected an invoice number, got ''</source><translation>numéro de facture attendu, cellule vide</translation></message><message><location filename="../../core/importers/invoice_table.py" line="125" /><source>expected invoice, void note, adjustment or credit note, got '{got}'</source><translation>facture, note d'annulation, ajustement ou avoir attendu, lu « {got} »</translation></message><message><location filename="../../core/importers/mapped.py" line="65" /><source>the mapping names column '{header}' for {field}; the file has {found}</source><translation>la correspondance désigne la colonne « {header} » pour {field} ; le fichier a {found}</translation></message><message><location filename="../../core/importers/payments_table.py" line="98" /><source>expected a positive amount (a payment made), got '{got}'</source><translation>montant positif attendu (un paiement effectué), lu « {got} »</translation></message><message><location filename="../../core/importers/pc_invoices_json.py" line="174" /><source>expected the invoice number, got {got}</source><translation>numéro de facture attendu, lu {got}</translation></message><message><location filename="../../core/importers/pc_invoices_json.py" line="220" /><source>expected invoice, void_note, adjustment_note or credit_note, got '{got}'</source><translation>invoice, void_note, adjustment_note ou credit_note attendu, lu « {got} »</translation></message><message><location filename="../../core/importers/pc_invoices_json.py" line="257" /><source>expected an amount, got {got}</source><translation>montant attendu, lu {got}</translation></message><message><location filename="../../core/importers/pc_invoices_json.py" line="199" /><source>expected an ISO-8601 date, got {got}</source><translation>date ISO-8601 attendue, lu {got}</translation></message><message><location filename="../../core/importers/pc_invoices_json.py" line="254" /><source>expected an amount, got nothing</source><translation>montant attendu, rien lu</translation></message><message><location filename="../../core/importers/pc_recon_lines.py" line="252" /><source>expected a number, got ''</source><translation>nombre attendu, cellule vide</translation></message><message><location filename="../../core/importers/pc_recon_lines.py" line="140" /><source>this licence-based file has no InvoiceNumber column: give the invoice number (--invoice NUMBER) or put it in the file name</source><translation>ce fichier de licences n'a pas de colonne InvoiceNumber : donnez le numéro de facture (--invoice NUMÉRO) ou mettez-le dans le nom du fichier</translation></message><message><location filename="../../core/importers/said.py" line="43" /><source>{where}: {message}</source><translation>{where} : {message}</translation></message><message><location filename="../../core/importers/said.py" line="41" /><source>{where}: column {column}: {message}</source><translation>{where} : colonne {column} : {message}</translation></message><message><location filename="../../core/importers/tabular.py" line="107" /><source>expected columns {missing}; found {found}</source><translation>colonnes attendues : {missing} ; trouvées : {found}</translation></message><message><location filename="../../core/importers/tabular.py" line="555" /><source>YYYY-MM-DD or DD/MM/YYYY</source><translation>AAAA-MM-JJ ou JJ/MM/AAAA</translation></message><message><location filename="../../core/importers/tabular.py" line="555" /><source>YYYY-MM-DD or M/D/YYYY</source><translation>AAAA-MM-JJ ou M/J/AAAA</translation></message><message><location filename="../../core/importers/tabular.py" line="541" /><source>got '{got}', expected a number below 1 000 000 000 000 000 (an amount, quantity or price)</source><translation>lu « {got} », nombre attendu inférieur à 1 000 000 000 000 000 (un montant, une quantité ou un prix)</translation></message><message><location filename="../../core/importers/tabular.py" line="576" /><source>expected a date ({expected}), got '{got}'</source><translation>date attendue ({expected}), lu « {got} »</translation></message><message><location filename="../../core/importers/tabular.py" line="588" /><source>got '{got}', expected a date between {first} and {last}</source><translation>lu « {got} », date attendue entre {first} et {last}</translation></message><message><location filename="../../core/ledger.py" line="478" /><source>{number} is voided with no rebill: the money stays unallocated</source><translation>{number} est annulée sans refacturation : l'argent reste non affecté</translation></message><message><location filename="../../core/ledger.py" line="485" /><source>{number} is in {currency}, not {paid}</source><translation>{number} est en {currency}, pas en {paid}</translation></message><message><location filename="../../core/ledger.py" line="514" /><source>aimed at {number}, applied to its rebill {rebill}</source><translation>destiné à {number}, imputé à sa refacturation {rebill}</translation></message><message><location filename="../../core/ledger.py" line="587" /><source>quotes {number}: no such invoice</source><translation>indique {number} : aucune facture de ce numéro</translation></message><message><location filename="../../core/ledger.py" line="496" /><source>only {applied} of {amount} applied: {number} owed {owed}</source><translation>seulement {applied} sur {amount} imputés : {number} devait {owed}</translation></message><message><location filename="../../core/ledger.py" line="504" /><source>only {applied} of {amount} applied: source had {left}</source><translation>seulement {applied} sur {amount} imputés : il restait {left} à la source</translation></message><message><location filename="../../core/ledger.py" line="571" /><source>quotes {number}: voided with no rebill yet</source><translation>indique {number} : annulée, sans refacturation pour l'instant</translation></message><message><location filename="../../core/ledger.py" line="578" /><source>quotes {number} ({currency}) but was paid in {paid}: report it to Microsoft and send the payment in the right currency</source><translation>indique {number} ({currency}) mais a été payé en {paid} : signalez-le à Microsoft et envoyez le paiement dans la bonne devise</translation></message><message><location filename="../../core/present.py" line="51" /><source>{file}: not imported: nothing from this file was stored</source><translation>{file} : non importé : rien de ce fichier n'a été enregistré</translation></message><message><location filename="../../core/present.py" line="28" /><source>{file}: already imported (#{id}); nothing changed</source><translation>{file} : déjà importé (n° {id}) ; rien n'a changé</translation></message><message><location filename="../../core/present.py" line="49" /><source>{file}: ... and {count} more errors</source><translation>{file} : ... et {count} erreurs de plus</translation></message><message><location filename="../../core/rules/allocating.py" line="24" /><source>{invoice}: name at least one payment or credit note</source><translation>{invoice} : indiquez au moins un paiement ou un avoir</translation></message><message><location filename="../../core/rules/claims.py" line="29" /><source>a dispute needs a reason (what is wrong with the amount)</source><translation>une contestation a besoin d'un motif (ce qui ne va pas dans le montant)</translation></message><message><location filename="../../core/rules/claims.py" line="36" /><source>disputed amount: expected a positive amount, got {amount}</source><translation>montant contesté : un montant positif est attendu, reçu {amount}</translation></message><message><location filename="../../core/rules/claims.py" line="44" /><source>'{target}': {number} has {count} line(s)</source><translation>« {target} » : {number} a {count} ligne(s)</translation></message><message><location filename="../../core/rules/claims.py" line="62" /><source>an SLA claim names the service (e.g. Dynamics 365 Sales)</source><translation>une réclamation SLA nomme le service (par ex. Dynamics 365 Sales)</translation></message><message><location filename="../../core/rules/claims.py" line="73" /><source>availability: expected 0 to 100 %, got {measured}</source><translation>disponibilité : de 0 à 100 % attendu, reçu {measured}</translation></message><message><location filename="../../core/rules/claims.py" line="76" /><source>availability {measured} % is not below the {guaranteed} % the service level guarantees: no SLA credit is due</source><translation>une disponibilité de {measured} % n'est pas inférieure aux {guaranteed} % que garantit le niveau de service : aucun crédit SLA n'est dû</translation></message><message><location filename="../../core/rules/claims.py" line="83" /><source>claimed credit: expected a positive amount, got {amount}</source><translation>crédit réclamé : un montant positif est attendu, reçu {amount}</translation></message><message><location filename="../../core/rules/claims.py" line="95" /><source>claim #{id} is {state} already</source><translation>la réclamation n° {id} est déjà {state}</translation></message><message><location filename="../../core/rules/claims.py" line="100" /><source>no credit note '{number}' in this workspace (import it first)</source><translation>aucun avoir « {number} » dans cet espace de travail (importez-le d'abord)</translation></message><message><location filename="../../core/rules/claims.py" line="103" /><source>{number} is not a credit (its total is {total})</source><translation>{number} n'est pas un avoir (son total est {total})</translation></message><message><location filename="../../core/rules/claims.py" line="106" /><source>{number} is in {currency}, the claim in {claimed}</source><translation>{number} est en {currency}, la réclamation en {claimed}</translation></message><message><location filename="../../core/rules/claims.py" line="66" /><source>month: expected YYYY-MM, got '{month}'</source><translation>mois : AAAA-MM attendu, reçu « {month} »</translation></message><message><location filename="../../core/rules/claims.py" line="70" /><source>availability: expected a percentage, got '{availability}'</source><translation>disponibilité : un pourcentage est attendu, reçu « {availability} »</translation></message><message><location filename="../../core/rules/plans.py" line="25" /><source>{invoice} is already in planned payment {plan}</source><translation>{invoice} est déjà dans le paiement planifié {plan}</translation></message><message><location filename="../../core/services/imports.py" line="171" /><source>no such file</source><translation>fichier introuvable</translation></message><message><location filename="../../core/services/imports.py" line="176" /><source>unknown format '{name}' (see: csp-recon formats)</source><translation>format inconnu « {name} » (voir : csp-recon formats)</translation></message><message><location filename="../../core/services/imports.py" line="183" /><source>not a file CSP Reconciler can read (see: csp-recon formats; expected a Partner Center invoice list or line items, a bank statement, or a payments or invoice list CSV/XLSX)</source><translation>pas un fichier que CSP Reconciler sait lire (voir : csp-recon formats ; attendu : une liste de factures ou des lignes Partner Center, un relevé bancaire, ou une liste de paiements ou de factures CSV/XLSX)</translation></message><message><location filename="../../core/services/imports.py" line="486" /><source>map a column for {fields}</source><translation>associez une colonne à : {fields}</translation></message><message><location filename="../../core/services/imports.py" line="489" /><source>no column {names} in the file</source><translation>pas de colonne {names} dans le fichier</translation></message><message><location filename="../../core/suggestions/answers.py" line="80" /><source>{evidence}, billed in {billed} ({open} open), but the payment is in {currency}: it was probably meant for {number}. Nothing is proposed: ask the bank to return or convert it (export ticket)</source><translation>{evidence}, facturée en {billed} ({open} restant dus), mais le paiement est en {currency} : il était probablement destiné à {number}. Rien n'est proposé : demandez à la banque de le rembourser ou de le convertir (export du ticket)</translation></message><message><location filename="../../core/suggestions/dates.py" line="44" /><source>on the payment date</source><translation>le jour du paiement</translation></message><message><location filename="../../core/suggestions/dates.py" line="48" /><source>issued {issued}, before the payment; due {due}, {when}</source><translation>émise le {issued}, avant le paiement ; échéance le {due}, {when}</translation></message><message><location filename="../../core/suggestions/dates.py" line="45" /><source>{days} day(s) after the payment</source><translation>{days} jour(s) après le paiement</translation></message><message><location filename="../../core/suggestions/dates.py" line="46" /><source>{days} day(s) before the payment</source><translation>{days} jour(s) avant le paiement</translation></message><message><location filename="../../core/suggestions/engine.py" line="239" /><source>the payment, {money}, equals what {numbers} owe together</source><translation>le paiement, {money}, est égal à ce que {numbers} doivent ensemble</translation></message><message><location filename="../../core/suggestions/engine.py" line="280" /><source>fallback: no invoice number, amount or date points anywhere; this is simply the oldest due first</source><translation>à défaut : aucun numéro de facture, montant ou date n'indique une facture ; ce sont simplement les plus anciennes échues d'abord</translation></message><message><location filename="../../core/suggestions/engine.py" line="62" /><source>fully allocated: nothing to suggest</source><translation>entièrement affecté : rien à suggérer</translation></message><message><location filename="../../core/suggestions/engine.py" line="78" /><source>every suggestion for this payment was rejected</source><translation>toutes les suggestions pour ce paiement ont été rejetées</translation></message><message><location filename="../../core/suggestions/engine.py" line="80" /><source>no open {currency} invoice to suggest</source><translation>aucune facture {currency} ouverte à suggérer</translation></message><message><location filename="../../core/suggestions/engine.py" line="110" /><source>as written</source><translation>tel quel</translation></message><message><location filename="../../core/suggestions/engine.py" line="111" /><source>written '{written}'</source><translation>écrit « {written} »</translation></message><message><location filename="../../core/suggestions/engine.py" line="112" /><source>, which lands on its rebill {rebill}</source><translation>, qui mène à sa refacturation {rebill}</translation></message><message><location filename="../../core/suggestions/engine.py" line="123" /><source>the remittance text quotes {number} ({how}){landing}</source><translation>le texte du virement indique {number} ({how}){landing}</translation></message><message><location filename="../../core/suggestions/engine.py" line="132" /><source>the payment, {money}, is exactly what the quoted invoice(s) still owe</source><translation>le paiement, {money}, est exactement ce que la ou les factures indiquées doivent encore</translation></message><message><location filename="../../core/suggestions/engine.py" line="226" /><source>no combination of {currency} invoices due near the payment adds up to it (the search was cut short)</source><translation>aucune combinaison de factures {currency} échues près du paiement ne lui est égale (la recherche a été écourtée)</translation></message><message><location filename="../../core/suggestions/engine.py" line="243" /><source>one billing run: all issued {issued}</source><translation>une même facturation : toutes émises le {issued}</translation></message><message><location filename="../../core/suggestions/engine.py" line="246" /><source>{among} combinations add up to this amount; this one has the fewest and oldest invoices</source><translation>{among} combinaisons donnent ce montant ; celle-ci a le moins de factures et les plus anciennes</translation></message><message><location filename="../../core/suggestions/engine.py" line="249" /><source>the search was cut short: a combination it did not reach may fit too</source><translation>la recherche a été écourtée : une combinaison qu'elle n'a pas atteinte peut aussi convenir</translation></message><message><location filename="../../core/suggestions/engine.py" line="283" /><source>{money} would stay unallocated</source><translation>{money} resteraient non affectés</translation></message><message><location filename="../../core/suggestions/engine.py" line="108" /><source>the text quotes {number}</source><translation>le texte indique {number}</translation></message><message><location filename="../../core/suggestions/engine.py" line="115" /><source>the text quotes {number} ({how}){landing}, already settled</source><translation>le texte indique {number} ({how}){landing}, déjà réglée</translation></message><message><location filename="../../core/suggestions/engine.py" line="137" /><source>a partial payment of the last invoice quoted</source><translation>un paiement partiel de la dernière facture indiquée</translation></message><message><location filename="../../core/suggestions/engine.py" line="152" /><source>the payment, {money}, equals what {number} still owes after earlier payments and credits</source><translation>le paiement, {money}, est égal à ce que {number} doit encore après les paiements et avoirs précédents</translation></message><message><location filename="../../core/suggestions/engine.py" line="155" /><source>the payment, {money}, equals what {number} still owes</source><translation>le paiement, {money}, est égal à ce que {number} doit encore</translation></message><message><location filename="../../core/suggestions/engine.py" line="161" /><source>{count} open {currency} invoices owe this amount; this one is due nearest the payment</source><translation>{count} factures {currency} ouvertes doivent ce montant ; celle-ci a l'échéance la plus proche du paiement</translation></message><message><location filename="../../core/suggestions/engine.py" line="192" /><source>the payment, {money}, is what {number} owes less credit note {credit} ({remaining} not yet applied)</source><translation>le paiement, {money}, est ce que doit {number} moins l'avoir {credit} ({remaining} pas encore imputés)</translation></message><message><location filename="../../core/suggestions/engine.py" line="262" /><source>the amount is exactly what {number} owes</source><translation>le montant est exactement ce que doit {number}</translation></message><message><source>got {got}, expected a date between {first} and {last}</source><translation>lu {got}, date attendue entre {first} et {last}</translation></message><message><source>expected a number, got '{got}'</source><translation>nombre attendu, lu « {got} »</translation></message><message><source>expected a three-letter currency code, got '{got}'</source><translation>code de devise à trois lettres attendu, lu « {got} »</translation></message><message><source>expected a number with an unambiguous decimal separator, got '{got}'</source><translation>nombre attendu avec un séparateur décimal sans ambiguïté, lu « {got} »</translation></message><message><source>Date</source><translation>Date</translation></message><message><source>Amount</source><translation>Montant</translation></message><message><source>Currency</source><translation>Devise</translation></message><message><source>Reference</source><translation>Libellé</translation></message><message><source>Id</source><translation>Identifiant</translation></message><message><source>Bank account</source><translation>Compte bancaire</translation></message><message><source>Payee</source><translation>Bénéficiaire</translation></message><message><source>Payee account</source><translation>Compte du bénéficiaire</translation></message><message><source>Number</source><translation>Numéro</translation></message><message><source>Due date</source><translation>Échéance</translation></message><message><source>Total</source><translation>Total</translation></message><message><source>Document type</source><translation>Type de document</translation></message><message><source>Amends</source><translation>Modifie</translation></message><message><source>Invoice type</source><translation>Type de facture</translation></message><message><source>usage</source><translation>à l'usage</translation></message><message><source>licence</source><translation>de licence</translation></message><message><source>invoice</source><translation>facture</translation></message><message><source>void note</source><translation>note d'annulation</translation></message><message><source>adjustment</source><translation>ajustement</translation></message><message><source>Priced in the invoice's currency, not prorated, not a credit: price × quantity.</source><translation>Prix dans la devise de la facture, sans prorata, pas un avoir : prix × quantité.</translation></message><message><source>monthly</source><translation>mensuel</translation></message><message><source>annual</source><translation>annuel</translation></message><message><source>three-year</source><translation>triennal</translation></message><message><source>Usage</source><translation>à l'usage</translation></message><message><source>Licence</source><translation>licence</translation></message><message><source>migration from legacy, which keeps the legacy end date</source><translation>migration depuis legacy, qui garde la date de fin legacy</translation></message><message><source>migration from legacy</source><translation>migration depuis legacy</translation></message><message><source>transfer between partners, which keeps the original end date</source><translation>transfert entre partenaires, qui garde la date de fin d'origine</translation></message><message><source>transfer between partners</source><translation>transfert entre partenaires</translation></message><message><source>calendar-month alignment: the term ends on the last day of a month</source><translation>alignement sur le mois civil : l'engagement finit le dernier jour d'un mois</translation></message><message><source>calendar-month alignment</source><translation>alignement sur le mois civil</translation></message><message><source>cotermination with the customer's other subscriptions ending the same day</source><translation>cotermination avec les autres abonnements du client finissant le même jour</translation></message><message><source>cotermination, migration from legacy or transfer between partners (the file does not say which)</source><translation>cotermination, migration depuis legacy ou transfert entre partenaires (le fichier ne dit pas lequel)</translation></message><message><source>cotermination</source><translation>cotermination</translation></message><message><source>fx_recompute_mismatch</source><translation>conversion différente</translation></message><message><source>proration_mismatch</source><translation>prorata différent</translation></message><message><source>refund_outside_window</source><translation>remboursement hors délai</translation></message><message><source>refund_amount_mismatch</source><translation>montant du remboursement différent</translation></message><message><source>credited</source><translation>créditée</translation></message><message><source>withdrawn</source><translation>retirée</translation></message><message><source>open</source><translation>en cours</translation></message></context></TS>