<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
    <context>
        <name />
        <message numerus="yes">
            <location filename="../../ui/plans_models.py" line="38" />
            <source>overdue by %n working day(s)</source>
            <translation>
                <numerusform>overdue by %n working day</numerusform>
                <numerusform>overdue by %n working days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/plans_models.py" line="48" />
            <source>%1 (%n working day(s) late)</source>
            <translation>
                <numerusform>%1 (%n working day late)</numerusform>
                <numerusform>%1 (%n working days late)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/plans_models.py" line="206" />
            <source>%n action(s)</source>
            <translation>
                <numerusform>%n action</numerusform>
                <numerusform>%n actions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LivedWording</name>
        <message numerus="yes">
            <location filename="../../ui/prompt_banner.py" line="139" />
            <source>Recurring &amp;themes: %n prompt(s) to consider. The tool prompts; you decide.</source>
            <translation>
                <numerusform>Recurring &amp;themes: %n prompt to consider. The tool prompts; you decide.</numerusform>
                <numerusform>Recurring &amp;themes: %n prompts to consider. The tool prompts; you decide.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/search_page.py" line="140" />
            <source>%n record(s) found, best match first.</source>
            <translation>
                <numerusform>%n record found, best match first.</numerusform>
                <numerusform>%n records found, best match first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/timeline_layout.py" line="176" />
            <source>%1: %n record(s), %2 to %3.</source>
            <translation>
                <numerusform>%1: %n record, %2 to %3.</numerusform>
                <numerusform>%1: %n records, %2 to %3.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../../ui/main_window.py" line="125" />
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n minute</numerusform>
                <numerusform>%n minutes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NextStageDialog</name>
        <message numerus="yes">
            <location filename="../../ui/escalation_stage_dialogs.py" line="35" />
            <source>Stage %1: %2. At this stage: %3. A response is due %n working day(s) after it opens.</source>
            <translation>
                <numerusform>Stage %1: %2. At this stage: %3. A response is due %n working day after it opens.</numerusform>
                <numerusform>Stage %1: %2. At this stage: %3. A response is due %n working days after it opens.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlansModels</name>
        <message numerus="yes">
            <location filename="../../ui/plans_models.py" line="46" />
            <source>%n thing(s) overdue:</source>
            <translation>
                <numerusform>%n thing overdue:</numerusform>
                <numerusform>%n things overdue:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/plans_models.py" line="51" />
            <source>and %n more, marked in the tables below</source>
            <translation>
                <numerusform>and %n more, marked in the tables below</numerusform>
                <numerusform>and %n more, marked in the tables below</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlansTab</name>
        <message numerus="yes">
            <location filename="../../ui/plans_tab.py" line="327" />
            <source>Action saved; %n action(s) not yet SMART.</source>
            <translation>
                <numerusform>Action saved; %n action not yet SMART.</numerusform>
                <numerusform>Action saved; %n actions not yet SMART.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UnlockWindow</name>
        <message numerus="yes">
            <location filename="../../ui/unlock.py" line="107" />
            <source>%1 Try again in %n second(s).</source>
            <translation>
                <numerusform>%1 Try again in %n second.</numerusform>
                <numerusform>%1 Try again in %n seconds.</numerusform>
            </translation>
        </message>
    </context>
</TS>