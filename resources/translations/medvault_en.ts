<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr_FR">
<context>
    <name></name>
    <message>
        <location filename="../../medvault/gui/clinical_consultation_editor.py" line="+62"/>
        <source>Date *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S — Subjectif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O — Objectif (examen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A — Évaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P — Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Constantes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Poids (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taille (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PA systolique (mmHg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PA diastolique (mmHg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pouls (bpm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Température (°C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IMC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enregistrer la consultation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaDayView</name>
    <message>
        <location filename="../../medvault/gui/agenda_day_view.py" line="+36"/>
        <source>Horaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Motif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chevauchement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Chevauche un autre rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaWeekView</name>
    <message>
        <location filename="../../medvault/gui/agenda_week_view.py" line="+51"/>
        <source>Afficher cette journée</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaWindow</name>
    <message>
        <location filename="../../medvault/gui/agenda_window.py" line="+61"/>
        <source>Agenda — medvault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nouveau rendez-vous…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Précédent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aujourd&apos;hui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suivant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semaine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Afficher les annulés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Semaine du {first} au {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AllergyBanner</name>
    <message>
        <location filename="../../medvault/gui/clinical_allergy_banner.py" line="+24"/>
        <source>Allergies connues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>⚠ Allergies et intolérances : {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>intolérance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SÉVÈRE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>modérée</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentActionBar</name>
    <message>
        <location filename="../../medvault/gui/agenda_actions.py" line="+102"/>
        <source>Déplacer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrivé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remettre prévu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler le RDV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le patient est arrivé en salle d&apos;attente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le patient n&apos;est pas venu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler une arrivée ou une absence notée à tort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Annuler le rendez-vous du {day} ({slot}) ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annuler le rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../medvault/gui/agenda_booking_dialog.py" line="+65"/>
        <source>Déplacer le rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nouveau rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Enregistrer</source>
        <translation type="unfinished">Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nom, date de naissance, téléphone ou NIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patient :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source> min</source>
        <translation type="unfinished"> min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ex. : renouvellement, certificat, vaccin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif administratif, visible par tout le cabinet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Début :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Durée :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Choisissez d&apos;abord le patient.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <location filename="../../medvault/gui/appointments_tab.py" line="+59"/>
        <source>Nouveau rendez-vous…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Horaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Durée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Motif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../medvault/gui/change_password_dialog.py" line="+31"/>
        <source>Changer le mot de passe</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choisissez un mot de passe personnel pour remplacer le mot de passe initial. Une phrase de plusieurs mots est plus facile à retenir.</source>
        <translation>Choose a personal password to replace the initial one. A phrase of several words is easier to remember.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mot de passe actuel</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Changer / Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annuler / Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Robustesse : suffisante.</source>
        <translation>Strength: sufficient.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Robustesse : insuffisante. {reasons}</source>
        <translation>Strength: insufficient. {reasons}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Les deux nouveaux mots de passe diffèrent.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Le mot de passe actuel est incorrect.</source>
        <translation>The current password is incorrect.</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <location filename="../../medvault/gui/first_run_choice_page.py" line="+14"/>
        <source>Bienvenue dans medvault</source>
        <translation>Welcome to medvault</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>medvault range les dossiers patients du cabinet dans un coffre chiffré. Que souhaitez-vous faire ?</source>
        <translation>medvault keeps the practice&apos;s patient files in an encrypted vault. What would you like to do?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Créer un nouveau coffre pour le cabinet</source>
        <translation>Create a new vault for the practice</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ouvrir un coffre existant (sur ce poste ou un disque)</source>
        <translation>Open an existing vault (on this computer or a drive)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restaurer une sauvegarde avec le code de secours</source>
        <translation>Restore a backup with the recovery code</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Premier démarrage : vous serez le premier praticien du coffre.</source>
        <translation>First start: you will be the vault&apos;s first practitioner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le coffre est un dossier dont le nom finit par .medvault.</source>
        <translation>The vault is a folder whose name ends in .medvault.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Après une panne ou un vol : la sauvegarde devient un nouveau coffre.</source>
        <translation>After a breakdown or theft: the backup becomes a new vault.</translation>
    </message>
</context>
<context>
    <name>ConsultationEditor</name>
    <message>
        <location filename="../../medvault/gui/clinical_consultation_editor.py" line="+29"/>
        <source>Nouvelle consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Consultation du {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Consultation enregistrée.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsultationsTab</name>
    <message>
        <location filename="../../medvault/gui/clinical_consultations_tab.py" line="+46"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Motif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IMC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nouvelle consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consultations plus anciennes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Consultations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../medvault/gui/first_run_create_page.py" line="+51"/>
        <location line="+5"/>
        <source>Créer le coffre</source>
        <translation>Create the vault</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Le coffre est un dossier chiffré ; vous en serez le premier praticien.</source>
        <translation>The vault is an encrypted folder; you will be its first practitioner.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dossier où créer le coffre</source>
        <translation>Folder in which to create the vault</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ex. : dr.martin</source>
        <translation>e.g. dr.martin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ex. : Dr Claire Martin</source>
        <translation>e.g. Dr Claire Martin</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Règle de la CNIL pour un mot de passe seul : au moins 12 caractères mêlant majuscules, minuscules, chiffres et caractères spéciaux, ou 14 caractères avec majuscules, minuscules et chiffres, ou une phrase d&apos;au moins 7 mots. Il ne doit pas être facile à deviner (nom, date, mot courant). Une phrase de plusieurs mots est la plus facile à retenir.</source>
        <translation>CNIL rule for a password used alone: at least 12 characters mixing upper case, lower case, digits and symbols, or 14 characters with upper case, lower case and digits, or a phrase of at least 7 words. It must not be easy to guess (name, date, common word). A phrase of several words is the easiest to remember.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Emplacement</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom du cabinet</source>
        <translation>Practice name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifiant</source>
        <translation>Login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom affiché</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Robustesse</source>
        <translation>Strength</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Le coffre sera créé dans : {path}</source>
        <translation>The vault will be created in: {path}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Robustesse : suffisante.</source>
        <translation>Strength: sufficient.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Robustesse : insuffisante. {reasons}</source>
        <translation>Strength: insufficient. {reasons}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Les deux mots de passe diffèrent.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../medvault/gui/document_viewer.py" line="+44"/>
        <source>Document — medvault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exporter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer une copie non protégée hors du coffre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Ce type de document ne peut pas être affiché dans medvault.
Vous pouvez l&apos;exporter pour l&apos;ouvrir avec un autre logiciel : la copie exportée ne sera plus protégée par le coffre.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../medvault/gui/documents_tab.py" line="+129"/>
        <source>Titre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Catégorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taille</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Glissez ici des fichiers ou un dossier pour les ranger dans le coffre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Afficher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Source (ex. : laboratoire, hôpital)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importer un fichier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ranger un dossier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catégorie :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Importer un document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choisir le dossier à ranger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>La copie exportée ne sera plus protégée par le coffre : elle sera lisible par quiconque accède à cet ordinateur ou à ce support. Supprimez-la dès qu&apos;elle n&apos;est plus utile. L&apos;export est inscrit au journal. Continuer ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporter une copie non protégée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+2"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copie exportée : {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporter le document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryListTab</name>
    <message>
        <location filename="../../medvault/gui/clinical_entries.py" line="+111"/>
        <source>Enregistrer</source>
        <translation type="unfinished">Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Motif du retrait (obligatoire)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retirer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Modifier l&apos;élément sélectionné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Élément retiré (conservé dans l&apos;historique du dossier).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Élément retiré.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../medvault/gui/first_run_wizard.py" line="+36"/>
        <source>medvault — premier démarrage</source>
        <translation>medvault — first start</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt; Précédent</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suivant &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Code de secours</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le coffre est créé, mais le code de secours ne sera plus jamais affiché. Sans lui, un mot de passe de praticien oublié ne peut pas être remplacé.

Continuer sans avoir vérifié le code ?</source>
        <translation>The vault has been created, but the recovery code will never be shown again. Without it, a forgotten practitioner password cannot be replaced.

Continue without checking the code?</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <location filename="../../medvault/gui/first_run_common.py" line="+114"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../medvault/gui/login_window.py" line="+46"/>
        <source>medvault — {name}</source>
        <translation>medvault — {name}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Identifiant</source>
        <translation>Login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message d&apos;erreur</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Se connecter / Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Coffre de démonstration — mot de passe : {password}</source>
        <translation>Demo vault — password: {password}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Vérification…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saisissez votre identifiant et votre mot de passe.</source>
        <translation>Enter your login and password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../medvault/gui/main_window.py" line="+56"/>
        <source>medvault — {name}</source>
        <translation type="unfinished">medvault — {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Nouveau patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Rechercher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Verrouiller / Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Créer un dossier patient (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verrouiller le coffre (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rechercher un patient (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>(code de secours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connecté en tant que :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>· Profil :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Plus de {n} résultats : précisez la recherche.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} résultat(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun patient ne correspond à cette recherche.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} patient(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenPage</name>
    <message>
        <location filename="../../medvault/gui/first_run_open_page.py" line="+22"/>
        <source>Ouvrir un coffre existant</source>
        <translation>Open an existing vault</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choisissez le dossier du coffre (son nom finit en général par .medvault). Il peut être sur ce poste, un disque externe ou un partage du cabinet.</source>
        <translation>Choose the vault&apos;s folder (its name usually ends in .medvault). It may be on this computer, an external drive or a share of the practice.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <source>Dossier du coffre</source>
        <translation>Vault folder</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Le coffre reste chiffré : vous vous connecterez ensuite avec votre identifiant et votre mot de passe.</source>
        <translation>The vault stays encrypted: you will then log in with your login and password.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Ce dossier n&apos;est pas un coffre medvault : il ne contient pas de fichier vault.json. Choisissez le dossier du coffre lui-même (par exemple Cabinet.medvault), pas le dossier qui le contient.</source>
        <translation>This folder is not a medvault vault: it has no vault.json file. Choose the vault folder itself (for example Cabinet.medvault), not the folder that contains it.</translation>
    </message>
</context>
<context>
    <name>PatientFileWindow</name>
    <message>
        <location filename="../../medvault/gui/patient_file_window.py" line="+46"/>
        <location line="+147"/>
        <source>Dossier patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Dossier patient — medvault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Identité et coordonnées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Documents administratifs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Documents médicaux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nouveau patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Les champs marqués * sont obligatoires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{used} (né(e) {birth})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Femme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Homme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sexe indéterminé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Né(e) le {date} ({age} ans) · {sex}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientIdentityForm</name>
    <message>
        <location filename="../../medvault/gui/patient_identity_form.py" line="+75"/>
        <source>Identité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nom de naissance *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom d&apos;usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prénoms de naissance *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prénom d&apos;usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de naissance *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lieu de naissance (INSEE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIR / NIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adresse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code postal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ville</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pays (code ISO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Téléphone portable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autre téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Médecin traitant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>séparés par des espaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jj/mm/aaaa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ex. 75056</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>15 caractères</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>06 12 34 56 78</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sexe *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Féminin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masculin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indéterminé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type d&apos;identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Déduit du numéro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Statut de l&apos;identité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provisoire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Récupérée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifiée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coordonnées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notes administratives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Recharger la fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enregistrer</source>
        <translation type="unfinished">Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enregistrer la fiche (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Fiche enregistrée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>La fiche n&apos;a pas été enregistrée : voir ci-dessus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Attention : ces fiches pourraient concerner la même personne. Vérifiez-les avant de continuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ouvrir : {name}, né(e) le {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Fiche rechargée : vos modifications ont été ignorées.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientSearchBar</name>
    <message>
        <location filename="../../medvault/gui/patient_search_bar.py" line="+25"/>
        <source>Rechercher : nom, prénom, date de naissance (jj/mm/aaaa), téléphone, NIR…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recherche de patient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../medvault/gui/first_run_recovery_page.py" line="+57"/>
        <source>Votre code de secours</source>
        <translation>Your recovery code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ce code ouvre tout le coffre si les mots de passe sont perdus. Il ne sera plus jamais affiché : imprimez la feuille de secours et rangez-la sous clé.</source>
        <translation>This code opens the whole vault if the passwords are lost. It will never be shown again: print the recovery sheet and lock it away.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Imprimer / Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer en PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Pour vérifier que le code est bien noté, recopiez les groupes n° {first} et n° {second} depuis la feuille imprimée.</source>
        <translation>To check that the code is written down correctly, copy groups no. {first} and no. {second} from the printed sheet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Groupe n° {number}</source>
        <translation>Group no. {number}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Feuille de secours envoyée à l&apos;imprimante.</source>
        <translation>Recovery sheet sent to the printer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enregistrer la feuille de secours</source>
        <translation>Save the recovery sheet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Feuille enregistrée dans {path}. Imprimez-la, puis supprimez ce fichier : le code ne doit pas rester sur l&apos;ordinateur.</source>
        <translation>Sheet saved in {path}. Print it, then delete this file: the code must not stay on the computer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ce groupe ne correspond pas au code affiché.</source>
        <translation>This group does not match the code shown.</translation>
    </message>
</context>
<context>
    <name>RestorePage</name>
    <message>
        <location filename="../../medvault/gui/first_run_restore_page.py" line="+43"/>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>La sauvegarde devient un nouveau coffre. Le code de secours figure sur la feuille imprimée à la création du coffre.</source>
        <translation>The backup becomes a new vault. The recovery code is on the sheet printed when the vault was created.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fichier de sauvegarde</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sauvegardes medvault (*{suffix});;Tous les fichiers (*)</source>
        <translation>medvault backups (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dossier où restaurer le coffre</source>
        <translation>Folder in which to restore the vault</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Après une restauration par le code de secours, chaque utilisateur garde son mot de passe de l&apos;époque de la sauvegarde mais devra en choisir un nouveau à sa prochaine connexion.</source>
        <translation>After a restore with the recovery code, every user keeps the password they had when the backup was made but must choose a new one at their next login.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sauvegarde</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code de secours</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restaurer dans</source>
        <translation>Restore into</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Le coffre restauré sera : {path}</source>
        <translation>The restored vault will be: {path}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Sauvegarde restaurée</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le coffre a été restauré dans {path}.

Connectez-vous avec votre identifiant et le mot de passe que vous aviez à la date de la sauvegarde ; medvault vous demandera d&apos;en choisir un nouveau.</source>
        <translation>The vault was restored in {path}.

Log in with your login and the password you had on the date of the backup; medvault will ask you to choose a new one.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../medvault/gui/settings_dialog.py" line="+52"/>
        <source>Préférences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Le coffre se verrouille après ce délai sans clavier ni souris.</source>
        <translation>The vault locks after this time without keyboard or mouse.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Langue du système</source>
        <translation>System language</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&apos;applique au prochain démarrage de medvault.</source>
        <translation>Applies the next time medvault starts.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verrouillage automatique</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coffre</source>
        <translation>Vault</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Changer…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Le coffre ouvert au démarrage de medvault.</source>
        <translation>The vault opened when medvault starts.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(aucun)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ce coffre sera ouvert au prochain démarrage de medvault.</source>
        <translation>This vault will be opened the next time medvault starts.</translation>
    </message>
</context>
<context>
    <name>SweepDialog</name>
    <message>
        <location filename="../../medvault/gui/sweep_dialog.py" line="+68"/>
        <source>Ranger un dossier dans le coffre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Essai à blanc : voici ce que medvault ferait de chaque fichier du dossier. Rien n&apos;est encore importé ni supprimé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inclure les sous-dossiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taille</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Résultat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Supprimer les originaux après vérification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Seuls les fichiers dont la copie dans le coffre a été relue et vérifiée sont supprimés : leur contenu est d&apos;abord recouvert, puis le fichier est effacé. Cet effacement est « au mieux » : sur un disque SSD ou une clé USB, sur un système de fichiers à copie sur écriture (APFS, Btrfs, ZFS), dans les sauvegardes (Time Machine, historique des fichiers, clichés instantanés) et dans les dossiers synchronisés (OneDrive, Dropbox, Google Drive, iCloud), des copies peuvent subsister. Activez le chiffrement intégral du disque (BitLocker, FileVault, LUKS) et videz la corbeille et l&apos;historique des services de synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Sera importé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} fichier(s) à importer, {skipped} laissé(s) de côté.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importer {count} fichier(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Import des fichiers dans le coffre…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interrompre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Import des fichiers dans le coffre… ({done} / {total})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{count} importé(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} vérifié(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} original(aux) supprimé(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} laissé(s) de côté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} en échec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interrompu. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminer</source>
        <translation type="unfinished">Finish</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Non traité (interrompu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importé, vérifié, original supprimé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importé et vérifié</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importé</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../medvault/gui/users_dialog.py" line="+53"/>
        <source>Utilisateurs du coffre</source>
        <translation>Vault users</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+88"/>
        <source>Identifiant</source>
        <translation>Login</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+88"/>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Actif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mot de passe à changer</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dernière connexion</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nouveau mot de passe…</source>
        <translation>New password…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Donne un mot de passe provisoire ; réactive aussi un compte désactivé.</source>
        <translation>Gives a one-time password; also re-enables a disabled account.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Désactiver…</source>
        <translation>Disable…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renouveler les clés…</source>
        <translation>Rotate keys…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rechiffre le coffre avec de nouvelles clés (après le départ d&apos;un utilisateur).</source>
        <translation>Re-encrypts the vault with new keys (after a user leaves).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Ajouter un utilisateur</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>minuscules, chiffres, . - _ (ex. : accueil2)</source>
        <translation>lower case, digits, . - _ (e.g. reception2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nom affiché</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Mot de passe provisoire</source>
        <translation>One-time password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mot de passe provisoire de « {login} ». Il ne sera plus affiché : notez-le ou sélectionnez-le puis copiez-le (Ctrl+C), et remettez-le à la personne en main propre. Elle devra le remplacer à sa première connexion.</source>
        <translation>One-time password for “{login}”. It will not be shown again: write it down or select and copy it (Ctrl+C), and hand it to the person directly. They must replace it at their first login.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Donner un nouveau mot de passe provisoire à « {login} » ? Son mot de passe actuel ne fonctionnera plus.</source>
        <translation>Give “{login}” a new one-time password? Their current password will stop working.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Désactiver un utilisateur</source>
        <translation>Disable a user</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Désactiver « {login} » ? Son mot de passe n&apos;ouvrira plus le coffre. Son historique reste dans le journal.</source>
        <translation>Disable “{login}”? Their password will no longer open the vault. Their history stays in the audit log.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>« {login} » est désactivé.</source>
        <translation>“{login}” is disabled.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Renouveler les clés</source>
        <translation>Rotate keys</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Une personne qui a eu accès au coffre peut avoir conservé une copie de ses clés. Renouveler les clés rechiffre tout le coffre avec de nouvelles clés : les anciennes n&apos;ouvriront plus rien. Les mots de passe des autres utilisateurs et le code de secours restent valables. Cela prend quelques secondes.

Renouveler les clés maintenant ?</source>
        <translation>Someone who had access to the vault may have kept a copy of its keys. Rotating the keys re-encrypts the whole vault with new keys: the old ones will open nothing. The other users&apos; passwords and the recovery code stay valid. This takes a few seconds.

Rotate the keys now?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Les clés du coffre ont été renouvelées.</source>
        <translation>The vault keys have been rotated.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../medvault/gui/app.py" line="+151"/>
        <source>medvault</source>
        <translation>medvault</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Le coffre utilisé la dernière fois ({path}) ne peut pas être ouvert. S&apos;il est sur un disque externe ou un partage, branchez-le puis relancez medvault ; sinon, choisissez un coffre dans l&apos;assistant.</source>
        <translation>The vault used last time ({path}) cannot be opened. If it is on an external drive or a share, connect it and start medvault again; otherwise, choose a vault in the wizard.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Une erreur inattendue s&apos;est produite. Le détail technique a été écrit dans le journal.

An unexpected error occurred. The technical details were written to the log.</source>
        <translation>An unexpected error occurred. The technical details were written to the log.</translation>
    </message>
</context>
<context>
    <name>appointments</name>
    <message>
        <location filename="../../medvault/gui/agenda_actions.py" line="-97"/>
        <source>Chevauchement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce rendez-vous chevauche {count} autre(s) rendez-vous ({slots}). Il est enregistré ; déplacez-le si ce n&apos;était pas voulu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>clinical</name>
    <message>
        <location filename="../../medvault/gui/clinical_fields.py" line="+122"/>
        <source>jj/mm/aaaa</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>interface_language</name>
    <message>
        <location filename="../../medvault/gui/settings_store.py" line="+84"/>
        <source>fr</source>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../medvault/gui/messages.py" line="+16"/>
        <source>Praticien</source>
        <translation>Practitioner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secrétariat-accueil</source>
        <translation>Reception</translation>
    </message>
</context>
<context>
    <name>unsaved_changes</name>
    <message>
        <location filename="../../medvault/gui/unsaved_changes.py" line="+31"/>
        <source>Modifications non enregistrées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cette fiche contient des modifications qui ne sont pas enregistrées.
Voulez-vous les enregistrer avant de la quitter ?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
