<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>AgingChart</name>
    <message>
        <location filename="../../widgets/aging_chart.py" line="40" />
        <source>Open amounts by days past due (click a bar for its invoices)</source>
        <translation>Montants dus par jours de retard (cliquez une barre pour ses factures)</translation>
    </message>
</context>
<context>
    <name>AllocationDialog</name>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="47" />
        <source>Allocate %s</source>
        <translation>Affecter %s</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="50" />
        <source>%s of %s to allocate. Edit the amounts; leave 0 to skip.</source>
        <translation>%s de %s à affecter. Modifiez les montants ; laissez 0 pour ignorer.</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="55" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="55" />
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="55" />
        <source>Still owes</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="55" />
        <source>Allocate</source>
        <translation>Affecter</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="87" />
        <source>Allocate to the selected, in order</source>
        <translation>Affecter aux factures sélectionnées, dans l'ordre</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="104" />
        <source>%s: '%s' is not an amount</source>
        <translation>%s : « %s » n'est pas un montant</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="107" />
        <source>%s: the amount cannot be negative</source>
        <translation>%s : le montant ne peut pas être négatif</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="110" />
        <source>%s still owes %s</source>
        <translation>%s reste dû : %s</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="117" />
        <source>%s allocated, only %s available</source>
        <translation>%s affecté, seulement %s disponible</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="150" />
        <source>Remaining to allocate: %s</source>
        <translation>Reste à affecter : %s</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="22" />
        <location filename="../../widgets/models.py" line="48" />
        <location filename="../../widgets/models.py" line="57" />
        <location filename="../../widgets/models.py" line="64" />
        <location filename="../../widgets/models.py" line="73" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="23" />
        <source>Amount due</source>
        <translation>Montant dû</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="24" />
        <source>Unallocated payments</source>
        <translation>Paiements non affectés</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="25" />
        <source>Unapplied credits</source>
        <translation>Avoirs non imputés</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="44" />
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="45" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="46" />
        <location filename="../../widgets/models.py" line="56" />
        <location filename="../../widgets/models.py" line="72" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="47" />
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="49" />
        <location filename="../../widgets/models.py" line="58" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="50" />
        <location filename="../../widgets/models.py" line="65" />
        <source>Open</source>
        <translation>Restant dû</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="51" />
        <source>Days past due</source>
        <translation>Jours de retard</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="52" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="55" />
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="59" />
        <source>Applied</source>
        <translation>Imputé</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="60" />
        <source>Unapplied</source>
        <translation>Non imputé</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="63" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="66" />
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="67" />
        <source>More than 90 days</source>
        <translation>Plus de 90 jours</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="68" />
        <source>Not due</source>
        <translation>Non échu</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="71" />
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="74" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="75" />
        <source>Allocated</source>
        <translation>Affecté</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="76" />
        <source>Unallocated</source>
        <translation>Non affecté</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="77" />
        <source>Flags</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <location filename="../../widgets/models.py" line="78" />
        <source>Reference</source>
        <translation>Libellé</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="33" />
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="38" />
        <source>Aging (days past due, 60-day term)</source>
        <translation>Balance âgée (jours de retard, échéance à 60 jours)</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="41" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="41" />
        <source>date unknown</source>
        <translation>date inconnue</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="41" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="54" />
        <source>Balance as of %s</source>
        <translation>Solde au %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="77" />
        <source>%n overdue invoice(s)</source>
        <translation>
            <numerusform>%n facture(s) en retard</numerusform><numerusform>%n facture(s) en retard</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="78" />
        <source>%n payment(s) with money not allocated</source>
        <translation>
            <numerusform>%n paiement(s) non entièrement affecté(s)</numerusform><numerusform>%n paiement(s) non entièrement affecté(s)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="79" />
        <source>%n payment(s) in the wrong currency</source>
        <translation>
            <numerusform>%n paiement(s) dans la mauvaise devise</numerusform><numerusform>%n paiement(s) dans la mauvaise devise</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/dashboard.py" line="80" />
        <source>%n invoice(s) whose lines do not add up</source>
        <translation>
            <numerusform>%n facture(s) dont les lignes ne concordent pas</numerusform><numerusform>%n facture(s) dont les lignes ne concordent pas</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="82" />
        <source>Needs attention: </source>
        <translation>À traiter : </translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message>
        <location filename="../../desktop/main_window.py" line="127" />
        <source>Select an invoice to see its void/rebill chain, allocations and lines.</source>
        <translation>Sélectionnez une facture pour voir son annulation/refacturation, ses affectations et ses lignes.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="157" />
        <source>amends</source>
        <translation>modifie</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="157" />
        <source>voided by</source>
        <translation>annulée par</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="158" />
        <source>rebilled as</source>
        <translation>refacturée en</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="159" />
        <source>rebill of</source>
        <translation>refacturation de</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="213" />
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="214" />
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="215" />
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="216" />
        <source>Credit notes</source>
        <translation>Avoirs</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="217" />
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="231" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="232" />
        <source>&amp;Open workspace…</source>
        <translation>&amp;Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="235" />
        <source>&amp;New workspace…</source>
        <translation>&amp;Nouvel espace de travail…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="238" />
        <source>Open the &amp;demo workspace</source>
        <translation>Ouvrir l'espace de &amp;démonstration</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="241" />
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="244" />
        <source>&amp;Import files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="247" />
        <source>Export &amp;remittance advice of the selected payment…</source>
        <translation>Exporter l'avis de &amp;paiement du paiement sélectionné…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="251" />
        <source>Export Excel &amp;report…</source>
        <translation>Exporter le &amp;rapport Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="254" />
        <source>&amp;Print remittance advice of the selected payment…</source>
        <translation>&amp;Imprimer l'avis de paiement du paiement sélectionné…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="258" />
        <source>&amp;Copy bank reference of the selected payment</source>
        <translation>&amp;Copier la référence de virement du paiement sélectionné</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="263" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="266" />
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="267" />
        <source>&amp;Undo last change</source>
        <translation>&amp;Annuler la dernière modification</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="270" />
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="273" />
        <source>&amp;Payments</source>
        <translation>&amp;Paiements</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="274" />
        <source>&amp;Allocate selected payment…</source>
        <translation>&amp;Affecter le paiement sélectionné…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="278" />
        <source>&amp;Settle the selected invoice…</source>
        <translation>&amp;Régler la facture sélectionnée…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="282" />
        <source>Allocate by &amp;quoted invoice numbers</source>
        <translation>Affecter selon les numéros de facture &amp;cités</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="285" />
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="286" />
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="289" />
        <source>&amp;Language (at next start)</source>
        <translation>&amp;Langue (au prochain démarrage)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="299" />
        <source> (read-only)</source>
        <translation> (lecture seule)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="301" />
        <source>as of %s</source>
        <translation>au %s</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="315" />
        <source>Open workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="316" />
        <source>CSP Reconciler workspace (*.db *.csprecon);;All files (*)</source>
        <translation>Espace de travail CSP Reconciler (*.db *.csprecon);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="323" />
        <source>New workspace</source>
        <translation>Nouvel espace de travail</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="324" />
        <source>CSP Reconciler workspace (*.db)</source>
        <translation>Espace de travail CSP Reconciler (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="381" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="392" />
        <source>%d invoices, %d payments</source>
        <translation>%d factures, %d paiements</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="403" />
        <source>Invoices %s, %s (search or pick another tab to see all)</source>
        <translation>Factures %s, %s (recherchez ou changez d'onglet pour tout voir)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="420" />
        <source>Selection: </source>
        <translation>Sélection : </translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="426" />
        <source>Import files</source>
        <translation>Importer des fichiers</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="441" />
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="441" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="493" />
        <location filename="../../desktop/main_window.py" line="494" />
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="496" />
        <source>Nothing</source>
        <translation>Rien</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="506" />
        <source>Select a payment first</source>
        <translation>Sélectionnez d'abord un paiement</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="515" />
        <source>Save remittance advice</source>
        <translation>Enregistrer l'avis de paiement</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="516" />
        <source>PDF (*.pdf);;Excel workbook (*.xlsx);;Text (*.txt)</source>
        <translation>PDF (*.pdf);;Classeur Excel (*.xlsx);;Texte (*.txt)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="574" />
        <source>Printed %n page(s)</source>
        <translation>
            <numerusform>%n page(s) imprimée(s)</numerusform><numerusform>%n page(s) imprimée(s)</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="581" />
        <source>Save Excel report</source>
        <translation>Enregistrer le rapport Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="582" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="599" />
        <location filename="../../desktop/main_window.py" line="602" />
        <source>Saved %s</source>
        <translation>Enregistré : %s</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="603" />
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="626" />
        <source>Copied: %s</source>
        <translation>Copié : %s</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="658" />
        <source>Select a payment to allocate first</source>
        <translation>Sélectionnez d'abord un paiement à affecter</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="668" />
        <source>Select an invoice to settle first</source>
        <translation>Sélectionnez d'abord une facture à régler</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="601" />
        <location filename="../../desktop/main_window.py" line="721" />
        <source>CSP Reconciler</source>
        <translation>CSP Reconciler</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="40" />
        <source>Which column is which? — %s</source>
        <translation>Quelle colonne contient quoi ? — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="44" />
        <source>This layout is new. Say once which columns hold what; files with the same columns will import directly.</source>
        <translation>Cette présentation est nouvelle. Indiquez une fois ce que contient chaque colonne ; les fichiers aux mêmes colonnes s'importeront directement.</translation>
    </message>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="55" />
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="56" />
        <source>Invoice list</source>
        <translation>Liste de factures</translation>
    </message>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="58" />
        <source>The file lists</source>
        <translation>Le fichier contient</translation>
    </message>
    <message>
        <location filename="../../desktop/mapping_dialog.py" line="94" />
        <source>Choose a column for: %s</source>
        <translation>Choisissez une colonne pour : %s</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/preferences.py" line="34" />
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="47" />
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="48" />
        <source>Payment term</source>
        <translation>Délai de paiement</translation>
    </message>
    <message>
        <location filename="../../desktop/preferences.py" line="49" />
        <source>Every change is recorded in the audit log and can be undone.</source>
        <translation>Chaque modification est consignée dans le journal et peut être annulée.</translation>
    </message>
</context>
<context>
    <name>SettleDialog</name>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="167" />
        <source>Settle %s</source>
        <translation>Régler %s</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="170" />
        <source>%s still owes %s.</source>
        <translation>%s reste dû : %s.</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="178" />
        <source>credit note</source>
        <translation>avoir</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="187" />
        <source>Payment or credit note</source>
        <translation>Paiement ou avoir</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="187" />
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="187" />
        <source>Allocate</source>
        <translation>Affecter</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="219" />
        <source>%s: '%s' is not an amount</source>
        <translation>%s : « %s » n'est pas un montant</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="222" />
        <source>%s has %s available</source>
        <translation>%s dispose de %s</translation>
    </message>
    <message>
        <location filename="../../desktop/allocation_dialog.py" line="229" />
        <source>%s still owes %s</source>
        <translation>%s reste dû : %s</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <location filename="../../desktop/main_window.py" line="67" />
        <source>Search (number, reference, status...)</source>
        <translation>Rechercher (numéro, libellé, statut…)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="72" />
        <location filename="../../desktop/main_window.py" line="99" />
        <location filename="../../desktop/main_window.py" line="100" />
        <source>All currencies</source>
        <translation>Toutes les devises</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="84" />
        <location filename="../../desktop/main_window.py" line="107" />
        <location filename="../../desktop/main_window.py" line="108" />
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
</context>
</TS>