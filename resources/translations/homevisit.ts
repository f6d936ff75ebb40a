<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>Background</name>
    <message>
        <location filename="../../ui/background.py" line="58"/>
        <source>Something unexpected went wrong. Please try again; if it keeps happening, tell your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarerDialog</name>
    <message>
        <location filename="../../ui/record_dialogs.py" line="58"/>
        <source>Add a carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="59"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="59"/>
        <source>Carer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="61"/>
        <source>&amp;Relationship to the children:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="61"/>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="63"/>
        <source>for example, mother, partner, grandmother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="64"/>
        <source>Has &amp;parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <location filename="../../ui/caseload_model.py" line="114"/>
        <source>No visits yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="132"/>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="133"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="134"/>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="135"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <location filename="../../ui/caseload_page.py" line="50"/>
        <source>Search families and children (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_page.py" line="51"/>
        <source>Search the caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_page.py" line="57"/>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_page.py" line="77"/>
        <source>&amp;New family…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_page.py" line="78"/>
        <source>New family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_page.py" line="142"/>
        <source>%1 of %2 families</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildDialog</name>
    <message>
        <location filename="../../ui/record_dialogs.py" line="77"/>
        <source>Add a child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="78"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="78"/>
        <source>Child&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="82"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="83"/>
        <source>&amp;Date of birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="84"/>
        <source>NHS n&amp;umber (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="84"/>
        <source>NHS number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Connectivity</name>
    <message>
        <location filename="../../ui/connectivity.py" line="18"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectivity.py" line="20"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectivity.py" line="21"/>
        <source>Connection unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectivityLabel</name>
    <message>
        <location filename="../../ui/connectivity.py" line="36"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message>
        <location filename="../../ui/record_dialogs.py" line="48"/>
        <source>New family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="49"/>
        <source>Family &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="49"/>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="50"/>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="50"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyModels</name>
    <message>
        <location filename="../../ui/family_models.py" line="32"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="34"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="112"/>
        <location filename="../../ui/family_models.py" line="131"/>
        <location filename="../../ui/family_models.py" line="161"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="113"/>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="114"/>
        <source>Parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="132"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="133"/>
        <source>NHS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="162"/>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="163"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="164"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="165"/>
        <location filename="../../ui/family_models.py" line="174"/>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="206"/>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="207"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="208"/>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="209"/>
        <source>Entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="210"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="218"/>
        <source>Announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="220"/>
        <source>Unannounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="227"/>
        <source>%1 (late entry)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <location filename="../../ui/family_page.py" line="113"/>
        <source>← &amp;Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="114"/>
        <source>Back to the caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="115"/>
        <source>Back to the caseload (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="117"/>
        <source>New &amp;visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="124"/>
        <location filename="../../ui/family_page.py" line="137"/>
        <source>Carers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="125"/>
        <location filename="../../ui/family_page.py" line="144"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="127"/>
        <location filename="../../ui/family_page.py" line="151"/>
        <source>Professionals involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="129"/>
        <source>Visits, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="137"/>
        <source>Add &amp;carer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="144"/>
        <source>Add c&amp;hild…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="153"/>
        <source>Add &amp;professional…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="161"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="163"/>
        <source>&amp;Open visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="282"/>
        <source>Carer added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="297"/>
        <source>Child added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="314"/>
        <source>Professional added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <location filename="../../ui/first_run.py" line="36"/>
        <source>HomeVisit: set up your profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="39"/>
        <source>Everything you record stays on this laptop, in a database encrypted with a key that only your passphrase (with your computer account) can unlock. Nobody without them can read it, so choose a passphrase you will remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="45"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="46"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="46"/>
        <source>for example, Health visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="47"/>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="47"/>
        <source>for example, Health visiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="48"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="49"/>
        <source>I have completed GCP2 training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="53"/>
        <source>GCP2 training date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="55"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="56"/>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="60"/>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="62"/>
        <source>Organisation recovery key file (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="63"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="64"/>
        <source>Choose the organisation recovery key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="68"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="69"/>
        <source>&amp;Create profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="75"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="76"/>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="77"/>
        <source>A&amp;gency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="78"/>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="83"/>
        <source>GCP2 &amp;training:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="86"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="87"/>
        <source>&amp;Confirm passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="91"/>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="95"/>
        <source>Recovery &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="100"/>
        <source>If your organisation gave you a recovery key file, it lets your team restore access if you forget your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="135"/>
        <source>Organisation recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="135"/>
        <source>Public keys (*.pem *.pub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="146"/>
        <source>Creating your encrypted profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="153"/>
        <source>Please enter your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="161"/>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="170"/>
        <source>The recovery key file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/form_dialog.py" line="34"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/form_dialog.py" line="65"/>
        <source>Please fill in: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="54"/>
        <source>HomeVisit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>Lock when &amp;idle for</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="112"/>
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>&amp;New family…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>&amp;Find on caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>Back to &amp;caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>New &amp;visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>Add &amp;carer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>Add c&amp;hild…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>Add &amp;professional…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>Unsaved notes from before were restored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <location filename="../../ui/passphrase_strength.py" line="40"/>
        <source>Too short: use at least 10 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_strength.py" line="46"/>
        <source>Too repetitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_strength.py" line="54"/>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_strength.py" line="55"/>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_strength.py" line="56"/>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_strength.py" line="57"/>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfessionalDialog</name>
    <message>
        <location filename="../../ui/record_dialogs.py" line="97"/>
        <source>Add a professional involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="98"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="98"/>
        <source>Professional&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="99"/>
        <source>&amp;Agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="99"/>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="100"/>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="100"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="101"/>
        <source>&amp;Contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="101"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="102"/>
        <source>This is the &amp;lead practitioner for the family</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStateLabel</name>
    <message>
        <location filename="../../ui/connectivity.py" line="53"/>
        <source>Sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectivity.py" line="54"/>
        <source>Nothing waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../../ui/unlock.py" line="24"/>
        <source>HomeVisit: locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="25"/>
        <source>HomeVisit is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="29"/>
        <source>Enter your passphrase to open your caseload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="33"/>
        <location filename="../../ui/unlock.py" line="34"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="36"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="41"/>
        <source>Unlock message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="64"/>
        <source>Please enter your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="73"/>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/unlock.py" line="107"/>
        <source>%1 Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <location filename="../../ui/visit_editor.py" line="96"/>
        <source>&amp;Announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="97"/>
        <source>&amp;Unannounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="106"/>
        <source>Who was present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="111"/>
        <source>Time of the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="114"/>
        <source>Time of entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="115"/>
        <source>Late entry: recorded on a later day than the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="121"/>
        <source>Visit notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="128"/>
        <source>Draft state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="129"/>
        <source>&amp;Save visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="130"/>
        <source>Save the visit (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="132"/>
        <source>&amp;Back to family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="133"/>
        <source>Back to the family; unsaved notes stay as a draft (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="139"/>
        <source>Type of visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="140"/>
        <source>&amp;Time of the visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="141"/>
        <source>Time of entry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="150"/>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="172"/>
        <source>New visit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="175"/>
        <source>Visit of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="187"/>
        <source>Now, when you save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="215"/>
        <source>Unsaved notes restored from the draft of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="283"/>
        <source>Visit saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="332"/>
        <source>Saving draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="336"/>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
