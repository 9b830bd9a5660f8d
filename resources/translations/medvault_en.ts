<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr_FR">
<context>
    <name>AgendaDayView</name>
    <message>
        <location filename="../../medvault/gui/agenda_day_view.py" line="+35"/>
        <source>Horaire</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chevauchement</source>
        <translation>Overlap</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Chevauche un autre rendez-vous</source>
        <translation>Overlaps another appointment</translation>
    </message>
</context>
<context>
    <name>AgendaWeekView</name>
    <message>
        <location filename="../../medvault/gui/agenda_week_view.py" line="+50"/>
        <source>Afficher cette journée</source>
        <translation>Show this day</translation>
    </message>
</context>
<context>
    <name>AgendaWindow</name>
    <message>
        <location filename="../../medvault/gui/agenda_window.py" line="+61"/>
        <source>Agenda — medvault</source>
        <translation>Calendar — medvault</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nouveau rendez-vous…</source>
        <translation>New appointment…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Précédent</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aujourd&apos;hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suivant</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jour</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semaine</source>
        <translation>Week</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Afficher les annulés</source>
        <translation>Show cancelled</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Semaine du {first} au {last}</source>
        <translation>Week of {first} to {last}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} rendez-vous</source>
        <translation>{count} appointment(s)</translation>
    </message>
</context>
<context>
    <name>AllergyBanner</name>
    <message>
        <location filename="../../medvault/gui/clinical_allergy_banner.py" line="+24"/>
        <source>Allergies connues</source>
        <translation>Known allergies</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>⚠ Allergies et intolérances : {items}</source>
        <translation>⚠ Allergies and intolerances: {items}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>intolérance</source>
        <translation>intolerance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SÉVÈRE</source>
        <translation>SEVERE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>modérée</source>
        <translation>moderate</translation>
    </message>
</context>
<context>
    <name>AppointmentActionBar</name>
    <message>
        <location filename="../../medvault/gui/agenda_actions.py" line="+130"/>
        <source>Déplacer…</source>
        <translation>Move…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrivé</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vu</source>
        <translation>Seen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remettre prévu</source>
        <translation>Back to booked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler le RDV</source>
        <translation>Cancel appointment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le patient est arrivé en salle d&apos;attente</source>
        <translation>The patient has arrived in the waiting room</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le patient n&apos;est pas venu</source>
        <translation>The patient did not come</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler une arrivée ou une absence notée à tort</source>
        <translation>Undo an arrival or no-show recorded by mistake</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Annuler le rendez-vous du {day} ({slot}) ?</source>
        <translation>Cancel the appointment on {day} ({slot})?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annuler le rendez-vous</source>
        <translation>Cancel the appointment</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rendez-vous</source>
        <translation>Appointment</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../medvault/gui/agenda_booking_dialog.py" line="+64"/>
        <source>Déplacer le rendez-vous</source>
        <translation>Move the appointment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nouveau rendez-vous</source>
        <translation>New appointment</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nom, date de naissance, téléphone ou NIR</source>
        <translation>Name, date of birth, phone or NIR</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patient :</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ex. : renouvellement, certificat, vaccin</source>
        <translation>e.g. renewal, certificate, vaccine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif administratif, visible par tout le cabinet.</source>
        <translation>Administrative reason, visible to the whole practice.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date :</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Début :</source>
        <translation>Start:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Durée :</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif :</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Choisissez d&apos;abord le patient.</source>
        <translation>Choose the patient first.</translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <location filename="../../medvault/gui/appointments_tab.py" line="+58"/>
        <source>Nouveau rendez-vous…</source>
        <translation>New appointment…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Horaire</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
</context>
<context>
    <name>AuditChainRow</name>
    <message>
        <location filename="../../medvault/gui/audit_chain_row.py" line="+29"/>
        <source>Vérifier l&apos;intégrité</source>
        <translation>Verify integrity</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Vérification de l&apos;intégrité du journal…</source>
        <translation>Checking the integrity of the log…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Journal intègre : {count} enregistrements vérifiés.</source>
        <translation>Log intact: {count} entries verified.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Journal altéré : {reason}</source>
        <translation>Log altered: {reason}</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <location filename="../../medvault/gui/audit_window.py" line="+70"/>
        <source>Journal d&apos;audit — medvault</source>
        <translation>Audit log — medvault</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exporter la vue en CSV…</source>
        <translation>Export this view as CSV…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Le fichier CSV contient des numéros et des codes (identifiants, n° de dossier, actions), jamais de nom de patient ni de contenu médical.</source>
        <translation>The CSV file contains numbers and codes (logins, file numbers, actions), never a patient name or any medical content.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Journal d&apos;audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Filtres</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(tous)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>n° de dossier</source>
        <translation>file no.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Au</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appliquer</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tout afficher</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utilisateur</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N° patient</source>
        <translation>Patient no.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Conservation du journal</source>
        <translation>Log retention</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> mois</source>
        <translation> months</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archiver les enregistrements anciens</source>
        <translation>Archive old entries</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Garder dans le journal courant</source>
        <translation>Keep in the current log</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Archive : enregistrements n°{first} à n°{last}, conservés dans le coffre et ses sauvegardes, vérifiés avec le journal.</source>
        <translation>Archive: entries no. {first} to no. {last}, kept in the vault and its backups, verified with the log.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucun enregistrement archivé pour l&apos;instant.</source>
        <translation>No entries archived yet.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Exporter le journal d&apos;audit (CSV, sans nom de patient)</source>
        <translation>Export the audit log (CSV, no patient names)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fichiers CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} enregistrements exportés dans {name}.</source>
        <translation>{count} entries exported to {name}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Durée de conservation enregistrée : {months} mois.</source>
        <translation>Retention period saved: {months} months.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Archiver le journal</source>
        <translation>Archive the log</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Déplacer dans l&apos;archive les enregistrements plus anciens que la durée de conservation ? Ils restent dans le coffre et dans les sauvegardes, et sont toujours vérifiés ; rien n&apos;est effacé.</source>
        <translation>Move entries older than the retention period into the archive? They stay in the vault and in the backups, and are still verified; nothing is erased.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Aucun enregistrement assez ancien à archiver.</source>
        <translation>No entries old enough to archive.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} enregistrements déplacés dans l&apos;archive.</source>
        <translation>{count} entries moved to the archive.</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../medvault/gui/backup_actions.py" line="+54"/>
        <source>Sauvegarder maintenant…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vérifier la dernière sauvegarde</source>
        <translation>Verify the last backup</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Aucune sauvegarde n&apos;a encore été faite.</source>
        <translation>No backup has been made yet.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Sauvegarde vérifiée : {path}</source>
        <translation>Backup verified: {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>La sauvegarde {path} est endommagée : faites-en une nouvelle et gardez les précédentes.</source>
        <translation>The backup {path} is damaged: make a new one and keep the previous ones.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Sauvegarde automatique avant fermeture…</source>
        <translation>Automatic backup before closing…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>La sauvegarde automatique n&apos;a pas pu être faite : {reason}

Votre travail est enregistré dans le coffre ; faites une sauvegarde à la prochaine ouverture.</source>
        <translation>The automatic backup could not be made: {reason}

Your work is saved in the vault; make a backup the next time you open it.</translation>
    </message>
</context>
<context>
    <name>BackupExportDialog</name>
    <message>
        <location filename="../../medvault/gui/backup_export_dialog.py" line="+58"/>
        <source>Sauvegarder maintenant</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>La sauvegarde est un seul fichier chiffré. Elle s&apos;ouvre avec les clés du coffre ou le code de secours ; sans eux, elle est illisible.</source>
        <translation>The backup is a single encrypted file. It opens with the vault&apos;s keys or the recovery code; without them, it cannot be read.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choisissez où écrire le fichier</source>
        <translation>Choose where to write the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copie à remettre à un tiers, protégée par une phrase de passe</source>
        <translation>Copy for a third party, protected by a passphrase</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Seule cette phrase ouvrira la copie (pas le code de secours) : transmettez-la séparément du fichier.</source>
        <translation>Only this passphrase will open the copy (not the recovery code): send it separately from the file.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phrase de passe</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sauvegarder</source>
        <translation>Back up</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Enregistrer la sauvegarde</source>
        <translation>Save the backup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sauvegardes medvault (*.mvbackup)</source>
        <translation>medvault backups (*.mvbackup)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Les deux phrases de passe ne sont pas identiques.</source>
        <translation>The two passphrases do not match.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Une sauvegarde est déjà en cours ; réessayez dans un instant.</source>
        <translation>A backup is already running; try again in a moment.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sauvegarde en cours… « Annuler » l&apos;arrête sans laisser de fichier incomplet.</source>
        <translation>Backup in progress… “Cancel” stops it without leaving an incomplete file.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Annulation en cours…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>La sauvegarde était déjà terminée ; elle est conservée.</source>
        <translation>The backup had already finished; it has been kept.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sauvegarde écrite : {path}</source>
        <translation>Backup written: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cette copie ne s&apos;ouvre qu&apos;avec sa phrase de passe : sans elle, personne ne pourra la restaurer.</source>
        <translation>This copy opens only with its passphrase: without it, nobody will be able to restore it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attention : cette sauvegarde ne s&apos;ouvre pas avec le seul code de secours.</source>
        <translation>Warning: this backup does not open with the recovery code alone.</translation>
    </message>
</context>
<context>
    <name>BackupRecoveryCodeDialog</name>
    <message>
        <location filename="../../medvault/gui/backup_recovery_code_dialog.py" line="+20"/>
        <source>Vérifier avec le code de secours</source>
        <translation>Verify with the recovery code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Les clés du coffre ont été renouvelées depuis cette sauvegarde. Saisissez le code de secours imprimé à la création du coffre (les tirets et les majuscules ne comptent pas).</source>
        <translation>The vault&apos;s keys have been renewed since this backup. Enter the recovery code printed when the vault was created (dashes and capitals do not matter).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Vérifier</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BackupSettingsPage</name>
    <message>
        <location filename="../../medvault/gui/backup_settings_page.py" line="+37"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> jour(s)</source>
        <translation> day(s)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dossier</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Une sauvegarde chiffrée y est écrite à la fermeture de medvault et au moins une fois par jour. Choisissez un disque externe ou un partage réseau, pas le disque de l&apos;ordinateur.</source>
        <translation>An encrypted backup is written there when medvault closes and at least once a day. Choose an external drive or a network share, not the computer&apos;s own disk.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Garder (quotidiennes)</source>
        <translation>Keep (daily)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Garder (hebdomadaires)</source>
        <translation>Keep (weekly)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Garder (mensuelles)</source>
        <translation>Keep (monthly)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Les plus anciennes sauvegardes automatiques de ce cabinet sont supprimées au-delà ; aucun autre fichier du dossier n&apos;est touché.</source>
        <translation>Beyond that, this practice&apos;s oldest automatic backups are deleted; no other file in the folder is touched.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alerte après</source>
        <translation>Warn after</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>La barre d&apos;état signale une sauvegarde plus ancienne que cela.</source>
        <translation>The status bar reports a backup older than this.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(aucun)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dossier des sauvegardes</source>
        <translation>Backup folder</translation>
    </message>
</context>
<context>
    <name>BackupStatusWidget</name>
    <message>
        <location filename="../../medvault/gui/backup_status_widget.py" line="+71"/>
        <source>Sauvegardes : état indisponible</source>
        <translation>Backups: status unavailable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dernière sauvegarde : {made} · vérifiée : {verified}</source>
        <translation>Last backup: {made} · verified: {verified}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fichier : {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seul un praticien peut vérifier les sauvegardes : la vérification ouvre aussi le dossier médical, que ce profil ne peut pas lire.</source>
        <translation>Only a practitioner can verify backups: verifying also opens the medical records, which this profile cannot read.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sauvegarde automatique : {reason}</source>
        <translation>Automatic backup: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucun dossier de sauvegarde automatique n&apos;est choisi.</source>
        <translation>No automatic backup folder has been chosen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>⚠ {first} (+{n})</source>
        <translation>⚠ {first} (+{n})</translation>
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
    <name>ConsentTab</name>
    <message>
        <location filename="../../medvault/gui/consent_tab.py" line="+48"/>
        <source>Partage avec un confrère ou un tiers</source>
        <translation>Sharing with a colleague or a third party</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Télésanté (téléconsultation, téléexpertise)</source>
        <translation>Telehealth (teleconsultation, tele-expertise)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recherche</source>
        <translation>Research</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossier médical partagé (Mon espace santé)</source>
        <translation>Shared medical record (Mon espace santé)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accord</source>
        <translation>Granted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refus</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrait</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Oral (noté au moment)</source>
        <translation>Verbal (noted at the time)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formulaire signé</source>
        <translation>Signed form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Électronique (courriel, formulaire en ligne)</source>
        <translation>Electronic (email, online form)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Par le représentant légal</source>
        <translation>By the legal representative</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Un retrait est un nouvel enregistrement daté : l&apos;historique reste visible. Ces informations sont visibles par l&apos;accueil : n&apos;y notez aucun détail médical.</source>
        <translation>A withdrawal is a new dated entry: the history stays visible. This information is visible to reception: do not note any medical details here.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+44"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+42"/>
        <source>Objet</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+43"/>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+45"/>
        <source>Recueil</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+45"/>
        <source>Destinataire</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+46"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Ex. Dr Lefèvre, cardiologue</source>
        <translation>e.g. Dr Lefèvre, cardiologist</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Préparer un retrait</source>
        <translation>Prepare a withdrawal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remplit le formulaire pour retirer le consentement sélectionné.</source>
        <translation>Fills in the form to withdraw the selected consent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporter le dossier (demande du patient)…</source>
        <translation>Export the file (patient request)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nouvel enregistrement</source>
        <translation>New entry</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Consentements</source>
        <translation>Consents</translation>
    </message>
</context>
<context>
    <name>ConsultationEditor</name>
    <message>
        <location filename="../../medvault/gui/clinical_consultation_editor.py" line="+62"/>
        <source>Date *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S — Subjectif</source>
        <translation>S — Subjective</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O — Objectif (examen)</source>
        <translation>O — Objective (examination)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A — Évaluation</source>
        <translation>A — Assessment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P — Plan</source>
        <translation>P — Plan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Constantes</source>
        <translation>Vital signs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Poids (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taille (cm)</source>
        <translation>Height (cm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PA systolique (mmHg)</source>
        <translation>Systolic BP (mmHg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PA diastolique (mmHg)</source>
        <translation>Diastolic BP (mmHg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pouls (bpm)</source>
        <translation>Pulse (bpm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Température (°C)</source>
        <translation>Temperature (°C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IMC</source>
        <translation>BMI</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enregistrer la consultation</source>
        <translation>Save the consultation</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nouvelle consultation</source>
        <translation>New consultation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Consultation du {date}</source>
        <translation>Consultation of {date}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Brouillon restauré : relisez puis enregistrez la consultation.</source>
        <translation>Draft restored: review it, then save the consultation.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Consultation enregistrée.</source>
        <translation>Consultation saved.</translation>
    </message>
</context>
<context>
    <name>ConsultationsTab</name>
    <message>
        <location filename="../../medvault/gui/clinical_consultations_tab.py" line="+50"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IMC</source>
        <translation>BMI</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nouvelle consultation</source>
        <translation>New consultation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consultations plus anciennes…</source>
        <translation>Older consultations…</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Consultations</source>
        <translation>Consultations</translation>
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
    <name>DocumentImport</name>
    <message>
        <location filename="../../medvault/gui/document_import_task.py" line="+106"/>
        <source>Import interrompu : {imported} fichier(s) importé(s), {left} non importé(s). Aucun document n&apos;a été ajouté à moitié.</source>
        <translation>Import stopped: {imported} file(s) imported, {left} not imported. No document was half added.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ces fichiers n&apos;ont pas été importés :</source>
        <translation>These files were not imported:</translation>
    </message>
</context>
<context>
    <name>DocumentImporter</name>
    <message>
        <location line="+33"/>
        <location line="+5"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Import des documents dans le coffre…</source>
        <translation>Importing the documents into the vault…</translation>
    </message>
</context>
<context>
    <name>DocumentProgressDialog</name>
    <message>
        <location filename="../../medvault/gui/document_task.py" line="+128"/>
        <source>Interrompre</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Interruption… le fichier en cours ne sera pas conservé.</source>
        <translation>Stopping… the file under way will not be kept.</translation>
    </message>
</context>
<context>
    <name>DocumentTask</name>
    <message>
        <location line="-44"/>
        <source>Fichier {number} sur {count} · {done} sur {total}</source>
        <translation>File {number} of {count} · {done} of {total}</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../medvault/gui/document_viewer.py" line="+43"/>
        <source>Document — medvault</source>
        <translation>Document — medvault</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer une copie non protégée hors du coffre</source>
        <translation>Save an unprotected copy outside the vault</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Ce type de document ne peut pas être affiché dans medvault.
Vous pouvez l&apos;exporter pour l&apos;ouvrir avec un autre logiciel : la copie exportée ne sera plus protégée par le coffre.</source>
        <translation>This type of document cannot be displayed in medvault.
You can export it to open it with another program: the exported copy will no longer be protected by the vault.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../medvault/gui/documents_tab.py" line="+141"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Glissez ici des fichiers ou un dossier pour les ranger dans le coffre.</source>
        <translation>Drop files or a folder here to store them in the vault.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Afficher</source>
        <translation>View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Source (ex. : laboratoire, hôpital)</source>
        <translation>Source (e.g. laboratory, hospital)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importer un fichier…</source>
        <translation>Import a file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ranger un dossier…</source>
        <translation>Store a folder…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catégorie :</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date :</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Importer un document</source>
        <translation>Import a document</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choisir le dossier à ranger</source>
        <translation>Choose the folder to store</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Les dossiers n&apos;ont pas été rangés : déposez-les un par un, seuls.</source>
        <translation>The folders were not filed: drop them one at a time, on their own.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>La copie exportée ne sera plus protégée par le coffre : elle sera lisible par quiconque accède à cet ordinateur ou à ce support. Supprimez-la dès qu&apos;elle n&apos;est plus utile. L&apos;export est inscrit au journal. Continuer ?</source>
        <translation>The exported copy will no longer be protected by the vault: anyone with access to this computer or this medium will be able to read it. Delete it as soon as it is no longer needed. The export is recorded in the log. Continue?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporter une copie non protégée</source>
        <translation>Export an unprotected copy</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+2"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copie exportée : {path}</source>
        <translation>Copy exported: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exporter le document</source>
        <translation>Export the document</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../medvault/gui/patient_duplicates_panel.py" line="+58"/>
        <source>Attention : ces fiches pourraient concerner la même personne. Vérifiez-les avant de continuer.</source>
        <translation>Warning: these records may concern the same person. Check them before continuing.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ouvrir : {name}, né(e) le {date}</source>
        <translation>Open: {name}, born on {date}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fusionner…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fusionner les deux dossiers, après vérification</source>
        <translation>Merge the two files, after checking them</translation>
    </message>
</context>
<context>
    <name>EntryListTab</name>
    <message>
        <location filename="../../medvault/gui/clinical_entries.py" line="+125"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Motif du retrait (obligatoire)</source>
        <translation>Reason for removal (required)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Brouillon restauré : relisez puis enregistrez.</source>
        <translation>Draft restored: review it, then save.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Modifier l&apos;élément sélectionné</source>
        <translation>Edit the selected item</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Enregistré.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Élément retiré (conservé dans l&apos;historique du dossier).</source>
        <translation>Item removed (kept in the file&apos;s history).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Élément retiré.</source>
        <translation>Item removed.</translation>
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
    <name>LockSettingsDialog</name>
    <message>
        <location filename="../../medvault/gui/lock_settings_dialog.py" line="+41"/>
        <source>Verrouillage automatique</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verrouiller aussi quand la fenêtre est réduite</source>
        <translation>Also lock when the window is minimised</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sans clavier ni souris pendant ce délai, medvault verrouille le coffre : les clés sont effacées de la mémoire et les saisies en cours sont conservées, chiffrées. Le poste d&apos;accueil, vu des patients, peut se verrouiller plus tôt. S&apos;applique à tous les postes.</source>
        <translation>With no keyboard or mouse activity for this long, medvault locks the vault: the keys are wiped from memory and work in progress is kept, encrypted. The reception desk, in view of patients, can lock sooner. Applies to every workstation.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Praticiens</source>
        <translation>Practitioners</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secrétariat-accueil</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> min</source>
        <translation> min</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../medvault/gui/login_window.py" line="+53"/>
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
        <location line="+98"/>
        <source>Se connecter / Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Changer d&apos;utilisateur</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Coffre de démonstration (patients fictifs, effacé à la fermeture)
Praticien : {login} / {password}
Accueil : {desk_login} / {desk_password}</source>
        <translation>Demo vault (fictitious patients, erased on closing)
Practitioner: {login} / {password}
Reception: {desk_login} / {desk_password}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Session verrouillée. Saisissez le mot de passe de {login} pour reprendre, ou changez d&apos;utilisateur.</source>
        <translation>Session locked. Enter the password of {login} to resume, or switch user.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Déverrouiller / Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+37"/>
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
    <name>MainMenu</name>
    <message>
        <location filename="../../medvault/gui/main_menu.py" line="+41"/>
        <source>&amp;Cabinet</source>
        <translation>&amp;Practice</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agenda…</source>
        <translation>Calendar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utilisateurs…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Journal d&apos;audit…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conservation des dossiers…</source>
        <translation>File retention…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verrouillage automatique…</source>
        <translation>Automatic lock…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nouveau code de secours…</source>
        <translation>New recovery code…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paramètres…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Agenda — medvault</source>
        <translation>Calendar — medvault</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Journal d&apos;audit</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../medvault/gui/main_window.py" line="+79"/>
        <source>medvault — {name}</source>
        <translation>medvault — {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+48"/>
        <source>Nouveau patient</source>
        <translation>New patient</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Rechercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+50"/>
        <source>Verrouiller / Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Créer un dossier patient (Ctrl+N)</source>
        <translation>Create a patient file (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verrouiller le coffre (Ctrl+L)</source>
        <translation>Lock the vault (Ctrl+L)</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Rechercher un patient (Ctrl+F)</source>
        <translation>Search for a patient (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>(code de secours)</source>
        <translation>(recovery code)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connecté en tant que :</source>
        <translation>Signed in as:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>· Profil :</source>
        <translation>· Profile:</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Plus de {n} résultats : précisez la recherche.</source>
        <translation>More than {n} results: narrow the search.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} résultat(s)</source>
        <translation>{n} result(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun patient ne correspond à cette recherche.</source>
        <translation>No patient matches this search.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} patient(s)</source>
        <translation>{n} patient(s)</translation>
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
    <name>PatientAccessTab</name>
    <message>
        <location filename="../../medvault/gui/patient_access_tab.py" line="+33"/>
        <source>Qui a consulté, modifié ou exporté ce dossier, du plus récent au plus ancien (journal d&apos;audit, archive comprise). L&apos;ouverture de cet onglet est elle-même enregistrée.</source>
        <translation>Who viewed, changed or exported this file, most recent first (audit log, archive included). Opening this tab is itself recorded.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>PatientExportDialog</name>
    <message>
        <location filename="../../medvault/gui/patient_export_dialog.py" line="+65"/>
        <source>Exporter le dossier — medvault</source>
        <translation>Export the file — medvault</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Le patient ou son représentant légal</source>
        <translation>The patient or their legal representative</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Un tiers (confrère, établissement…)</source>
        <translation>A third party (colleague, facility…)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Un libellé court, gardé dans le journal d&apos;audit (ex. « Dr Lefevre »).</source>
        <translation>A short label, kept in the audit log (e.g. “Dr Lefevre”).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Destinataire</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contenu (l&apos;identité est toujours incluse)</source>
        <translation>Contents (identity is always included)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents administratifs</source>
        <translation>Administrative documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Antécédents</source>
        <translation>Medical history</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allergies et intolérances</source>
        <translation>Allergies and intolerances</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traitements</source>
        <translation>Treatments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaccinations</source>
        <translation>Vaccinations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consultations et constantes</source>
        <translation>Consultations and vital signs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents médicaux</source>
        <translation>Medical documents</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exporter le dossier du patient</source>
        <translation>Export the patient file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Un seul fichier chiffré (ZIP AES-256) : un PDF lisible, le dossier au format FHIR R4 et les documents d&apos;origine. Son mot de passe sera affiché une seule fois.</source>
        <translation>A single encrypted file (AES-256 ZIP): a readable PDF, the record in FHIR R4 format and the original documents. Its password will be shown only once.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Notez ce mot de passe maintenant : il ne sera plus affiché et n&apos;est conservé nulle part. Transmettez-le par un autre moyen que le fichier (par téléphone, SMS ou de vive voix), jamais dans le même courriel ni sur la même clé USB.</source>
        <translation>Write this password down now: it will not be shown again and is not stored anywhere. Send it by a different channel from the file (by phone, text message or in person), never in the same email or on the same USB stick.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export terminé</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Un accord de partage en vigueur nomme ce destinataire.</source>
        <translation>A sharing consent in force names this recipient.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ATTENTION : un refus ou un retrait de partage est en vigueur pour ce destinataire.</source>
        <translation>WARNING: a refusal or withdrawal of sharing is in force for this recipient.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun consentement de partage ne nomme ce destinataire.</source>
        <translation>No sharing consent names this recipient.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accord</source>
        <translation>granted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refus</source>
        <translation>refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retrait</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consentements de partage enregistrés :</source>
        <translation>Recorded sharing consents:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporter quand même vers ce destinataire ?</source>
        <translation>Export to this recipient anyway?</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Consentement au partage</source>
        <translation>Consent to sharing</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enregistrer l&apos;export chiffré</source>
        <translation>Save the encrypted export</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Archive ZIP (*.zip)</source>
        <translation>ZIP archive (*.zip)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Le fichier {name} a été enregistré ({count} document(s) joint(s)).</source>
        <translation>The file {name} has been saved ({count} document(s) attached).</translation>
    </message>
</context>
<context>
    <name>PatientExporter</name>
    <message>
        <location filename="../../medvault/gui/patient_export_task.py" line="+61"/>
        <source>Export du dossier</source>
        <translation>Exporting the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Écriture du fichier chiffré…</source>
        <translation>Writing the encrypted file…</translation>
    </message>
</context>
<context>
    <name>PatientFileWindow</name>
    <message>
        <location filename="../../medvault/gui/patient_file_window.py" line="+55"/>
        <location line="+132"/>
        <location line="+104"/>
        <source>Dossier patient</source>
        <translation>Patient file</translation>
    </message>
    <message>
        <location line="-203"/>
        <source>Dossier patient — medvault</source>
        <translation>Patient file — medvault</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Identité et coordonnées</source>
        <translation>Identity and contact details</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rendez-vous</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Documents administratifs</source>
        <translation>Administrative documents</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Documents médicaux</source>
        <translation>Medical documents</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consentements</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accès au dossier</source>
        <translation>File access</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Nouveau patient</source>
        <translation>New patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Les champs marqués * sont obligatoires.</source>
        <translation>Fields marked * are required.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{used} (né(e) {birth})</source>
        <translation>{used} (née/born {birth})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Femme</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Homme</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sexe indéterminé</source>
        <translation>Sex undetermined</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Né(e) le {date} ({age} ans) · {sex}</source>
        <translation>Born on {date} ({age} years old) · {sex}</translation>
    </message>
</context>
<context>
    <name>PatientIdentityForm</name>
    <message>
        <location filename="../../medvault/gui/patient_identity_form.py" line="+88"/>
        <source>Identité</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nom de naissance *</source>
        <translation>Birth name *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom d&apos;usage</source>
        <translation>Used name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prénoms de naissance *</source>
        <translation>Birth first names *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prénom d&apos;usage</source>
        <translation>Used first name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de naissance *</source>
        <translation>Date of birth *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lieu de naissance (INSEE)</source>
        <translation>Place of birth (INSEE code)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIR / NIA</source>
        <translation>NIR / NIA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ville</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pays (code ISO)</source>
        <translation>Country (ISO code)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Téléphone portable</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autre téléphone</source>
        <translation>Other phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Médecin traitant</source>
        <translation>Referring physician</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>séparés par des espaces</source>
        <translation>separated by spaces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jj/mm/aaaa</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ex. 75056</source>
        <translation>e.g. 75056</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>15 caractères</source>
        <translation>15 characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>06 12 34 56 78</source>
        <translation>06 12 34 56 78</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sexe *</source>
        <translation>Sex *</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Féminin</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masculin</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indéterminé</source>
        <translation>Undetermined</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type d&apos;identifiant</source>
        <translation>Identifier type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Déduit du numéro</source>
        <translation>Deduced from the number</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Statut de l&apos;identité</source>
        <translation>Identity status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provisoire</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Récupérée</source>
        <translation>Retrieved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validée</source>
        <translation>Validated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifiée</source>
        <translation>Qualified</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coordonnées</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notes administratives</source>
        <translation>Administrative notes</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Recharger la fiche</source>
        <translation>Reload the record</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enregistrer la fiche (Ctrl+S)</source>
        <translation>Save the record (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Brouillon restauré : relisez puis enregistrez.</source>
        <translation>Draft restored: review it, then save.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enregistrez d&apos;abord vos modifications.</source>
        <translation>Save your changes first.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Fiche enregistrée.</source>
        <translation>Record saved.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>La fiche n&apos;a pas été enregistrée : voir ci-dessus.</source>
        <translation>The record was not saved: see above.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fiche rechargée : vos modifications ont été ignorées.</source>
        <translation>Record reloaded: your changes were discarded.</translation>
    </message>
</context>
<context>
    <name>PatientMergeDialog</name>
    <message>
        <location filename="../../medvault/gui/patient_merge_dialog.py" line="+57"/>
        <source>Fusionner deux dossiers</source>
        <translation>Merge two files</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ces deux fiches semblent concerner la même personne. Vérifiez-les côte à côte, choisissez la fiche conservée, puis confirmez.</source>
        <translation>These two records seem to concern the same person. Compare them side by side, choose the record to keep, then confirm.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Cette fiche</source>
        <translation>This record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiche trouvée</source>
        <translation>Record found</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Conserver cette fiche</source>
        <translation>Keep this record</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conserver la fiche trouvée</source>
        <translation>Keep the record found</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Fusionner</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Féminin</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Masculin</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indéterminé</source>
        <translation>Undetermined</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nom de naissance</source>
        <translation>Birth name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom d&apos;usage</source>
        <translation>Used name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prénoms</source>
        <translation>First names</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sexe</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de naissance</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lieu de naissance (INSEE)</source>
        <translation>Place of birth (INSEE code)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIR / NIA</source>
        <translation>NIR / NIA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ville</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Téléphone portable</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Créée le</source>
        <translation>Created on</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{title} (n° {id}) : conservée</source>
        <translation>{title} (no. {id}): kept</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{title} (n° {id}) : fusionnée</source>
        <translation>{title} (no. {id}): merged</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ses rendez-vous, ses documents et son dossier médical</source>
        <translation>their appointments, documents and medical record</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ses rendez-vous et ses documents administratifs (le dossier médical suivra à la prochaine connexion d&apos;un praticien)</source>
        <translation>their appointments and administrative documents (the medical record will follow at the next practitioner login)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>La fiche n° {kept} est conservée. La fiche n° {merged} y est fusionnée : elle disparaît des recherches et {moved} passent sur la fiche conservée. Cette fusion est inscrite au journal.</source>
        <translation>Record no. {kept} is kept. Record no. {merged} is merged into it: it leaves the searches and {moved} move to the kept record. The merge is recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>PatientSearchBar</name>
    <message>
        <location filename="../../medvault/gui/patient_search_bar.py" line="+25"/>
        <source>Rechercher : nom, prénom, date de naissance (jj/mm/aaaa), téléphone, NIR…</source>
        <translation>Search: name, first name, date of birth (dd/mm/yyyy), phone, NIR…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recherche de patient</source>
        <translation>Patient search</translation>
    </message>
</context>
<context>
    <name>PrivacyActions</name>
    <message>
        <location filename="../../medvault/gui/privacy_actions.py" line="+37"/>
        <source>Masquer l&apos;écran</source>
        <translation>Hide the screen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Masquer aussitôt tous les dossiers ({key}) ; une touche pour revenir</source>
        <translation>Hide every file at once ({key}); any key to come back</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copier le téléphone</source>
        <translation>Copy the phone number</translation>
    </message>
</context>
<context>
    <name>PrivacyCurtain</name>
    <message>
        <location filename="../../medvault/gui/privacy_curtain.py" line="+58"/>
        <source>Appuyez sur une touche ou cliquez pour revenir</source>
        <translation>Press a key or click to come back</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeWizard</name>
    <message>
        <location filename="../../medvault/gui/recovery_code_wizard.py" line="+103"/>
        <source>Nouveau code de secours — medvault</source>
        <translation>New recovery code — medvault</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+5"/>
        <source>Nouveau code de secours</source>
        <translation>New recovery code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le nouveau code de secours est enregistré : l&apos;ancienne feuille n&apos;ouvre plus le coffre. Faites maintenant une sauvegarde, qui s&apos;ouvrira avec la nouvelle feuille.</source>
        <translation>The new recovery code is saved: the old sheet no longer opens the vault. Make a backup now; it will open with the new sheet.</translation>
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
    <name>RetentionWindow</name>
    <message>
        <location filename="../../medvault/gui/retention_window.py" line="+62"/>
        <source>Conservation des dossiers — medvault</source>
        <translation>File retention — medvault</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Né(e) le</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compté à partir de</source>
        <translation>Counted from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Échéance</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prolongé jusqu&apos;au</source>
        <translation>Extended until</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Conservation des dossiers</source>
        <translation>File retention</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Un dossier est conservé 20 ans après la dernière consultation (à défaut, après sa création dans le coffre) et, pour un patient mineur à ce moment, au moins jusqu&apos;à ses 28 ans. Les dossiers ci-dessous ont dépassé ce terme : prolongez-les avec un motif ou effacez-les.</source>
        <translation>A file is kept for 20 years after the last consultation (failing that, after its creation in the vault) and, for a patient who was a minor at that time, at least until their 28th birthday. The files below are past that term: extend them with a reason or erase them.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Motif (obligatoire), ex. suivi en cours</source>
        <translation>Reason (required), e.g. ongoing follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prolonger</source>
        <translation>Extend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Effacer le dossier…</source>
        <translation>Erase the file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dossier sélectionné</source>
        <translation>Selected file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conserver jusqu&apos;au</source>
        <translation>Keep until</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Aucun dossier n&apos;a dépassé sa durée de conservation.</source>
        <translation>No file is past its retention period.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{total} dossiers ont dépassé leur durée de conservation ; les {shown} plus anciens sont affichés.</source>
        <translation>{total} files are past their retention period; the {shown} oldest are shown.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{total} dossier(s) ont dépassé leur durée de conservation.</source>
        <translation>{total} file(s) past their retention period.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dernière consultation, {day}</source>
        <translation>Last consultation, {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Création du dossier, {day}</source>
        <translation>File created, {day}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Supprimé (corbeille)</source>
        <translation>Deleted (recycle bin)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Effacer définitivement le dossier de {name} (identité, rendez-vous, documents, dossier médical) ? Le journal d&apos;audit gardera seulement son numéro, la date et le motif « durée de conservation échue ». Les sauvegardes existantes le contiennent encore jusqu&apos;à leur rotation.</source>
        <translation>Permanently erase the file of {name} (identity, appointments, documents, medical record)? The audit log will keep only its number, the date and the reason “retention period expired”. Existing backups still contain it until they are rotated.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Effacer le dossier</source>
        <translation>Erase the file</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../medvault/gui/settings_dialog.py" line="+49"/>
        <source>Préférences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+20"/>
        <source>Général</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location filename="../../medvault/gui/sweep_dialog.py" line="+102"/>
        <source>Ranger un dossier dans le coffre</source>
        <translation>Store a folder in the vault</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Essai à blanc : voici ce que medvault ferait de chaque fichier du dossier. Rien n&apos;est encore importé ni supprimé.</source>
        <translation>Dry run: this is what medvault would do with each file in the folder. Nothing has been imported or deleted yet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inclure les sous-dossiers</source>
        <translation>Include subfolders</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Supprimer les originaux après vérification</source>
        <translation>Delete the originals after verification</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Seuls les fichiers dont la copie dans le coffre a été relue et vérifiée sont supprimés : leur contenu est d&apos;abord recouvert, puis le fichier est effacé. Cet effacement est « au mieux » : sur un disque SSD ou une clé USB, sur un système de fichiers à copie sur écriture (APFS, Btrfs, ZFS), dans les sauvegardes (Time Machine, historique des fichiers, clichés instantanés) et dans les dossiers synchronisés (OneDrive, Dropbox, Google Drive, iCloud), des copies peuvent subsister. Activez le chiffrement intégral du disque (BitLocker, FileVault, LUKS) et videz la corbeille et l&apos;historique des services de synchronisation.</source>
        <translation>Only files whose copy in the vault has been read back and verified are deleted: their content is first overwritten, then the file is erased. This erasure is “best effort”: on an SSD or a USB stick, on a copy-on-write file system (APFS, Btrfs, ZFS), in backups (Time Machine, File History, shadow copies) and in synchronised folders (OneDrive, Dropbox, Google Drive, iCloud), copies may remain. Turn on full-disk encryption (BitLocker, FileVault, LUKS) and empty the recycle bin and the history of synchronisation services.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Sera importé</source>
        <translation>Will be imported</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} fichier(s) à importer, {skipped} laissé(s) de côté.</source>
        <translation>{count} file(s) to import, {skipped} left aside.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importer {count} fichier(s)</source>
        <translation>Import {count} file(s)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Import des fichiers dans le coffre…</source>
        <translation>Importing the files into the vault…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{count} importé(s)</source>
        <translation>{count} imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} vérifié(s)</source>
        <translation>{count} verified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} original(aux) supprimé(s)</source>
        <translation>{count} original(s) deleted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} laissé(s) de côté</source>
        <translation>{count} left aside</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} en échec</source>
        <translation>{count} failed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interrompu. </source>
        <translation>Stopped. </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Non traité (interrompu)</source>
        <translation>Not processed (stopped)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importé, vérifié, original supprimé</source>
        <translation>Imported, verified, original deleted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importé et vérifié</source>
        <translation>Imported and verified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importé</source>
        <translation>Imported</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../medvault/gui/users_dialog.py" line="+63"/>
        <source>Utilisateurs du coffre</source>
        <translation>Vault users</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+151"/>
        <source>Identifiant</source>
        <translation>Login</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+151"/>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location line="-150"/>
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
        <location line="+1"/>
        <source>À revoir</source>
        <translation>To review</translation>
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
        <location line="+41"/>
        <source>Revue des droits</source>
        <translation>Access rights review</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revue effectuée aujourd&apos;hui</source>
        <translation>Review done today</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Après avoir vérifié que chaque compte actif correspond à une personne présente et au bon profil.</source>
        <translation>After checking that every active account belongs to someone currently at the practice and has the right profile.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signaler les comptes inutilisés depuis</source>
        <translation>Flag accounts unused for</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Dernière revue des droits : {date}.</source>
        <translation>Last access rights review: {date}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucune revue des droits enregistrée.</source>
        <translation>No access rights review recorded.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Une revue annuelle est due : vérifiez chaque compte et son profil, désactivez ceux qui ne servent plus, puis indiquez que la revue est faite.</source>
        <translation>An annual review is due: check each account and its profile, disable those no longer in use, then mark the review as done.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} compte(s) inutilisé(s) à examiner.</source>
        <translation>{count} unused account(s) to check.</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+15"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inutilisé depuis plus de {days} j</source>
        <translation>unused for over {days} days</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location line="+10"/>
        <source>Revue des droits enregistrée.</source>
        <translation>Access rights review recorded.</translation>
    </message>
    <message>
        <location line="+30"/>
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
    <name>_PasswordPage</name>
    <message>
        <location filename="../../medvault/gui/recovery_code_wizard.py" line="-93"/>
        <source>Nouveau code de secours</source>
        <translation>New recovery code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>À faire si la feuille de secours est perdue, ou si quelqu&apos;un a pu la voir.

Le nouveau code remplace l&apos;actuel : l&apos;ancienne feuille n&apos;ouvrira plus le coffre, ni les sauvegardes faites à partir de maintenant. Les sauvegardes déjà faites s&apos;ouvrent toujours avec l&apos;ancienne feuille : gardez-la sous clé tant que vous gardez ces sauvegardes.

Rien ne change avant la dernière étape, où le nouveau code est enregistré.</source>
        <translation>Do this if the recovery sheet is lost, or if someone may have seen it.

The new code replaces the current one: the old sheet will no longer open the vault, nor the backups made from now on. Backups already made still open with the old sheet: keep it locked away as long as you keep those backups.

Nothing changes before the last step, where the new code is saved.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Votre mot de passe</source>
        <translation>Your password</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Votre mot de passe :</source>
        <translation>Your password:</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../medvault/gui/app.py" line="+214"/>
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
        <location filename="../../medvault/gui/agenda_actions.py" line="-176"/>
        <source>Prévu</source>
        <translation>Booked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrivé</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vu</source>
        <translation>Seen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annulé</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>lun.</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mar.</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mer.</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jeu.</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ven.</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sam.</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dim.</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>lundi</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mardi</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mercredi</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jeudi</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vendredi</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>samedi</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dimanche</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>janvier</source>
        <translation>January</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>février</source>
        <translation>February</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mars</source>
        <translation>March</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>avril</source>
        <translation>April</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mai</source>
        <translation>May</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>juin</source>
        <translation>June</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>juillet</source>
        <translation>July</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>août</source>
        <translation>August</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>septembre</source>
        <translation>September</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>octobre</source>
        <translation>October</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>novembre</source>
        <translation>November</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>décembre</source>
        <translation>December</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{weekday} {day} {month} {year}</source>
        <translation>{weekday} {day} {month} {year}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Chevauchement</source>
        <translation>Overlap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce rendez-vous chevauche {count} autre(s) rendez-vous ({slots}). Il est enregistré ; déplacez-le si ce n&apos;était pas voulu.</source>
        <translation>This appointment overlaps {count} other appointment(s) ({slots}). It has been saved; move it if this was not intended.</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../medvault/gui/audit_model.py" line="+47"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date et heure</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilisateur</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domaine</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N° patient</source>
        <translation>Patient no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objet</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archivé</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Création du coffre</source>
        <translation>Vault creation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connexion</source>
        <translation>Login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connexion refusée</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Déconnexion</source>
        <translation>Logout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verrouillage</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Déverrouillage</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consultation</source>
        <translation>View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Création</source>
        <translation>Creation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modification</source>
        <translation>Update</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suppression</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impression</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sauvegarde</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restauration</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ajout d&apos;utilisateur</source>
        <translation>User added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Désactivation d&apos;utilisateur</source>
        <translation>User disabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changement de mot de passe</source>
        <translation>Password change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouveau mot de passe provisoire</source>
        <translation>New one-time password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renouvellement des clés</source>
        <translation>Key rotation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ouverture par code de secours</source>
        <translation>Unlock with recovery code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vérification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brouillon enregistré</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brouillon repris</source>
        <translation>Draft restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brouillon abandonné</source>
        <translation>Draft discarded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changement de réglage</source>
        <translation>Setting change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archivage du journal</source>
        <translation>Log archiving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revue des droits</source>
        <translation>Access rights review</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Administratif</source>
        <translation>Administrative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Médical</source>
        <translation>Medical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Système</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Réussi</source>
        <translation>Success</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refusé</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erreur</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>(code de secours)</source>
        <translation>(recovery code)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
</context>
<context>
    <name>clinical</name>
    <message>
        <location filename="../../medvault/gui/clinical_fields.py" line="+122"/>
        <source>jj/mm/aaaa</source>
        <translation>dd/mm/yyyy</translation>
    </message>
</context>
<context>
    <name>clinical_tabs</name>
    <message>
        <location filename="../../medvault/gui/clinical_tabs.py" line="+37"/>
        <source>Médical</source>
        <translation>Medical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chirurgical</source>
        <translation>Surgical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Familial</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allergie</source>
        <translation>Allergy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intolérance</source>
        <translation>Intolerance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Non précisée</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Légère</source>
        <translation>Mild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modérée</source>
        <translation>Moderate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sévère</source>
        <translation>Severe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>arrêté</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type *</source>
        <translation>Type *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intitulé *</source>
        <translation>Title *</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <location line="+64"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>ou année</source>
        <translation>or year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <location line="+20"/>
        <location line="+21"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+12"/>
        <location line="+13"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nouvel antécédent</source>
        <translation>New history item</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Substance *</source>
        <translation>Substance *</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <source>Sévérité</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Réaction</source>
        <translation>Reaction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Constatée le</source>
        <translation>Noted on</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Substance</source>
        <translation>Substance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nouvelle allergie</source>
        <translation>New allergy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Médicament *</source>
        <translation>Drug *</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Posologie</source>
        <translation>Dosage</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Fréquence</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Début</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+12"/>
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Arrêté</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prescripteur</source>
        <translation>Prescriber</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Médicament</source>
        <translation>Drug</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nouveau traitement</source>
        <translation>New treatment</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vaccin *</source>
        <translation>Vaccine *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>N° de lot</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vaccin</source>
        <translation>Vaccine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lot</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nouvelle vaccination</source>
        <translation>New vaccination</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Antécédents</source>
        <translation>Medical history</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+34"/>
        <source>Allergies ({count})</source>
        <translation>Allergies ({count})</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Traitements</source>
        <translation>Treatments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaccinations</source>
        <translation>Vaccinations</translation>
    </message>
</context>
<context>
    <name>document_categories</name>
    <message>
        <location filename="../../medvault/gui/document_labels.py" line="+13"/>
        <source>Assurance maladie, mutuelle</source>
        <translation>Health insurance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pièce d&apos;identité</source>
        <translation>Identity document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facturation</source>
        <translation>Billing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Courrier administratif</source>
        <translation>Administrative letter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Autre document administratif</source>
        <translation>Other administrative</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Résultat de laboratoire</source>
        <translation>Lab result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imagerie</source>
        <translation>Imaging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Courrier médical</source>
        <translation>Medical letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compte rendu</source>
        <translation>Report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordonnance</source>
        <translation>Prescription</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Autre document médical</source>
        <translation>Other clinical</translation>
    </message>
</context>
<context>
    <name>draft_offer</name>
    <message>
        <location filename="../../medvault/gui/draft_offer.py" line="+46"/>
        <source>Saisies non enregistrées</source>
        <translation>Unsaved work</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} saisie(s) non enregistrée(s) ont été conservées, chiffrées, lors d&apos;un verrouillage. Les rouvrir maintenant ?

Non : elles restent conservées et vous seront proposées à nouveau.</source>
        <translation>{n} unsaved edit(s) were kept, encrypted, when the session locked. Reopen them now?

No: they stay kept and will be offered again.</translation>
    </message>
</context>
<context>
    <name>human_size</name>
    <message>
        <location filename="../../medvault/gui/document_task.py" line="-25"/>
        <source>o</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kio</source>
        <translation>KiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mio</source>
        <translation>MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gio</source>
        <translation>GiB</translation>
    </message>
</context>
<context>
    <name>interface_language</name>
    <message>
        <location filename="../../medvault/gui/settings_store.py" line="+122"/>
        <source>fr</source>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>patient_list</name>
    <message>
        <location filename="../../medvault/gui/patient_list_model.py" line="+49"/>
        <source>Nom de naissance</source>
        <translation>Birth name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom d&apos;usage</source>
        <translation>Used name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prénoms</source>
        <translation>First names</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de naissance</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sexe</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ville</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Indét.</source>
        <translation>Undet.</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../medvault/gui/messages.py" line="+23"/>
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
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cette fiche contient des modifications qui ne sont pas enregistrées.
Voulez-vous les enregistrer avant de la quitter ?</source>
        <translation>This record has changes that have not been saved.
Do you want to save them before leaving it?</translation>
    </message>
</context>
</TS>
