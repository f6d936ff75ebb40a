<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../ui/assessment_areas.py" line="68"/>
        <source>Sub-areas: %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_areas.py" line="72"/>
        <source>Sub-areas not graded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_areas.py" line="78"/>
        <source>%1; ⚠ the confirmed grade is outside it: give your rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_areas.py" line="82"/>
        <source>Pack suggests %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_items.py" line="78"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_items.py" line="78"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_items.py" line="89"/>
        <location filename="../../ui/assessment_models.py" line="109"/>
        <source>%1, grade %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_items.py" line="125"/>
        <source>Items from the content pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_items.py" line="140"/>
        <source>What the grades mean for this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_items.py" line="144"/>
        <source>The pack&apos;s suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_items.py" line="164"/>
        <source>&amp;Items (keys 1-5 grade the selected item; %1 of %2 graded):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_items.py" line="173"/>
        <source>The pack&apos;s rule suggests grade %1 for %2 from these item grades. It is only a suggestion: you decide the grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_items.py" line="188"/>
        <source> (chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_items.py" line="189"/>
        <source>Grade %1%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="46"/>
        <source>not graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="74"/>
        <source>%1 of %2 sub-areas graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="95"/>
        <source>Sub-areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="158"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="158"/>
        <location filename="../../ui/assessment_targets.py" line="81"/>
        <source>Sub-area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="158"/>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="158"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="180"/>
        <source>%1: baseline %2, now %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="183"/>
        <source>%1: grade %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="217"/>
        <location filename="../../ui/chronology_model.py" line="99"/>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="217"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="217"/>
        <location filename="../../ui/plans_models.py" line="246"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="217"/>
        <source>Graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="225"/>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="225"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="227"/>
        <source>%1 (re-grade)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="229"/>
        <source>%1, ⚠ review overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_models.py" line="230"/>
        <source>%1 of 13</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="40"/>
        <source>Awaiting review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="41"/>
        <source>Review due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="42"/>
        <source>⚠ Review overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="43"/>
        <source>Target met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="44"/>
        <source>Better, target not met yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="45"/>
        <source>No change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="46"/>
        <source>Worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="81"/>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="81"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="81"/>
        <source>Review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="81"/>
        <source>At review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="82"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="114"/>
        <source>Overdue reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="115"/>
        <source>Grade at review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="125"/>
        <source>Grade at review:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="149"/>
        <source>⚠ Reviews overdue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="168"/>
        <source>The review is open from %1, or when re-grading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_targets.py" line="171"/>
        <source>This re-grade gives %1 a grade of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_model.py" line="98"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_model.py" line="100"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_model.py" line="101"/>
        <location filename="../../ui/chronology_page.py" line="78"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_model.py" line="102"/>
        <source>Impact on the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_model.py" line="103"/>
        <source>Action / outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_model.py" line="104"/>
        <location filename="../../ui/lived_themes.py" line="42"/>
        <source>Themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_model.py" line="111"/>
        <location filename="../../ui/plans_models.py" line="171"/>
        <source>Whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="76"/>
        <source>Show the records of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="77"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="88"/>
        <source>Chronology, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="96"/>
        <source>Add another &amp;agency&apos;s record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="99"/>
        <source>Rows shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="102"/>
        <source>Sho&amp;w:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="103"/>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="104"/>
        <source>So&amp;urce:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="176"/>
        <source>Every child and the whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="179"/>
        <source>%1 (and the whole family)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="181"/>
        <source>Every theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="184"/>
        <source>Every source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="223"/>
        <source>%1 of %2 events shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="320"/>
        <source>Other agency&apos;s record added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_page.py" line="331"/>
        <source>Prompt dismissed; your reason is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_actions.py" line="45"/>
        <source>&amp;Quick day-in-the-life entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_actions.py" line="48"/>
        <source>Record what a child&apos;s day is like, from anywhere (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_actions.py" line="53"/>
        <source>Search &amp;notes and entries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_actions.py" line="86"/>
        <source>Select or open a family first: an entry is about one of its children.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_actions.py" line="102"/>
        <source>An unsaved day-in-the-life entry was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_themes.py" line="46"/>
        <location filename="../../ui/timeline_painting.py" line="154"/>
        <source>Other themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_themes.py" line="57"/>
        <source>%1, a cumulative harm factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="98"/>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="99"/>
        <source>Day in the life</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="100"/>
        <source>Other agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="101"/>
        <location filename="../../ui/lived_wording.py" line="102"/>
        <source>GCP2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="104"/>
        <location filename="../../ui/lived_wording.py" line="105"/>
        <location filename="../../ui/lived_wording.py" line="106"/>
        <location filename="../../ui/plans_models.py" line="150"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="107"/>
        <source>Threshold decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="108"/>
        <location filename="../../ui/lived_wording.py" line="109"/>
        <location filename="../../ui/lived_wording.py" line="110"/>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="111"/>
        <source>Information shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="112"/>
        <source>Family Connect outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="122"/>
        <source>Home visit (announced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="123"/>
        <source>Home visit (unannounced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="124"/>
        <source>GCP2 started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="125"/>
        <source>GCP2 completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="134"/>
        <source>Recorded by more than one source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="135"/>
        <source>Recorded often in a short time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="136"/>
        <source>More than one cumulative harm factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="137"/>
        <source>Recurring over the years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="145"/>
        <source>Consider a GCP2 re-grade or escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="158"/>
        <source>%1 — %2: %3; %4 records from %5 source(s), %6 to %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="173"/>
        <location filename="../../ui/plans_models.py" line="184"/>
        <location filename="../../ui/plans_models.py" line="265"/>
        <location filename="../../ui/plans_models.py" line="338"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="88"/>
        <location filename="../../ui/prompt_models.py" line="65"/>
        <source>Recurring-theme prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="98"/>
        <source>Prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="101"/>
        <location filename="../../ui/prompt_models.py" line="105"/>
        <source>Records behind the prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="107"/>
        <source>Consider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="109"/>
        <source>Strategy m&amp;eeting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="144"/>
        <location filename="../../ui/prompt_banner.py" line="109"/>
        <source>Consider a strategy meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="110"/>
        <source>Escalat&amp;ion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="110"/>
        <source>Consider an escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="111"/>
        <source>GCP2 &amp;re-grade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="111"/>
        <source>Consider a GCP2 re-grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="119"/>
        <source>Dis&amp;miss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="120"/>
        <source>Record why this prompt needs no action (audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_model.py" line="83"/>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lived_wording.py" line="117"/>
        <location filename="../../ui/search_model.py" line="83"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_model.py" line="83"/>
        <source>Where the words are found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="51"/>
        <source>Search every note and entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="57"/>
        <source>Search notes and entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="59"/>
        <source>Words from visit notes, day-in-the-life entries or other agencies&apos; records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="65"/>
        <source>&amp;Search for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="68"/>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="69"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="77"/>
        <source>← &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="78"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="79"/>
        <source>Back to where you were (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="126"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="145"/>
        <source>Nothing found. Try fewer or shorter words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline_layout.py" line="147"/>
        <source>%1, %2: %3 (%4). %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline_layout.py" line="161"/>
        <source>Other records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline_layout.py" line="168"/>
        <source>No records with a theme yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline_layout.py" line="174"/>
        <source>%1 (a cumulative harm factor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="50"/>
        <source>Timeline of themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_prompt_actions.py" line="94"/>
        <source>Add the child first: a threshold decision is for a child.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_prompt_actions.py" line="114"/>
        <source>Threshold decision recorded: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/outcome_escalation.py" line="51"/>
        <source>%1, on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/outcome_escalation.py" line="53"/>
        <source>Their note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/outcome_escalation.py" line="54"/>
        <source>I disagree because: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/outcome_escalation.py" line="63"/>
        <source>Disagree with the front door&apos;s decision and escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/outcome_escalation.py" line="88"/>
        <source>Di&amp;sagree and escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/outcome_escalation.py" line="89"/>
        <source>Raise an escalation about the selected front-door decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/outcome_escalation.py" line="91"/>
        <source>Disagree and escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/outcome_escalation.py" line="147"/>
        <location filename="../../ui/plan_prompt_actions.py" line="132"/>
        <source>Escalation raised with %1; response due %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="45"/>
        <source>Nothing overdue on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="74"/>
        <source>Done (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="76"/>
        <source>Not done (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="77"/>
        <location filename="../../ui/plans_models.py" line="352"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="83"/>
        <source>%1 Not yet SMART: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="150"/>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="150"/>
        <source>Shared with the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="150"/>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="151"/>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="189"/>
        <source>%1 Not yet shared: %2 (due %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="191"/>
        <source>Not yet shared (due by %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="192"/>
        <source>Not yet shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="196"/>
        <source>No review planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="199"/>
        <location filename="../../ui/plans_models.py" line="272"/>
        <location filename="../../ui/plans_models.py" line="348"/>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="205"/>
        <source>No actions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plans_models.py" line="38"/>
        <source>overdue by %n working day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plans_models.py" line="48"/>
        <source>%1 (%n working day(s) late)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plans_models.py" line="206"/>
        <source>%n action(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="208"/>
        <source>%1 not yet SMART</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="211"/>
        <source>%1 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="245"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="245"/>
        <source>What will change for the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="245"/>
        <source>Who does what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="246"/>
        <source>By when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="246"/>
        <source>How we will know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="246"/>
        <source>Linked to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="247"/>
        <source>SMART check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="270"/>
        <source>No date yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="291"/>
        <source>Targeted item: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="293"/>
        <source>Themes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="320"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="320"/>
        <source>With whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="320"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="320"/>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="320"/>
        <source>Response due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="321"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="337"/>
        <source>Stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="344"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_models.py" line="353"/>
        <source>Closed %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="96"/>
        <source>%1 to grade %2 by %3 (%4&apos;s GCP2 of %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="167"/>
        <source>Add an action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="167"/>
        <source>Change action %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="169"/>
        <source>What will change for the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="170"/>
        <source>What will &amp;change for the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="171"/>
        <source>&amp;Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="171"/>
        <source>Who will do it (a named person or role)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="172"/>
        <source>&amp;Does what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="172"/>
        <source>What they will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="173"/>
        <source>By when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="174"/>
        <source>No date yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="175"/>
        <source>&amp;By when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="176"/>
        <source>How we will know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="177"/>
        <source>what will be seen, heard or counted, how often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="178"/>
        <source>&amp;How we will know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="179"/>
        <source>GCP2 targeted item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="180"/>
        <source>Not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="185"/>
        <source>&amp;Targeted item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="187"/>
        <source>Themes of the action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="195"/>
        <source>Th&amp;emes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="198"/>
        <source>SMART check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="231"/>
        <source>%1 Not yet SMART: it can be saved, but the plan cannot be shared with the family until this is fixed.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="236"/>
        <source>✓ SMART: ready to share with the family.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionStatusDialog</name>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="259"/>
        <source>Action %1: done or not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="262"/>
        <source>%1 (now: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="263"/>
        <source>The action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="264"/>
        <source>Status of the action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="265"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="266"/>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="267"/>
        <source>Open again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="269"/>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="270"/>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="272"/>
        <source>&amp;On</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgencyEntryDialog</name>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="25"/>
        <source>Add another agency&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="30"/>
        <source>Date of the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="31"/>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="32"/>
        <source>Which child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="33"/>
        <source>The whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="36"/>
        <source>C&amp;hild:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="37"/>
        <source>&amp;Agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="37"/>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="38"/>
        <source>for example, West Mercia Police, GP surgery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="39"/>
        <source>A&amp;uthor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="39"/>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="40"/>
        <source>who recorded it, and their role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="41"/>
        <location filename="../../ui/chronology_dialogs.py" line="54"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="42"/>
        <source>&amp;What happened:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="43"/>
        <source>Impact on the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="44"/>
        <source>&amp;Impact on the child:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="45"/>
        <source>Action or outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="46"/>
        <source>Action or &amp;outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="54"/>
        <source>Please fill in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chronology_dialogs.py" line="73"/>
        <source>recorded by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreasTab</name>
    <message>
        <location filename="../../ui/assessment_areas.py" line="121"/>
        <source>Choose the grade you confirm for this area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_areas.py" line="127"/>
        <source>This grade is outside the range of the sub-area grades: give your rationale.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentEditor</name>
    <message>
        <location filename="../../ui/assessment_editor.py" line="74"/>
        <source>Assessment status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_editor.py" line="77"/>
        <source>&amp;Grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_editor.py" line="78"/>
        <source>A&amp;reas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_editor.py" line="79"/>
        <source>&amp;Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_editor.py" line="80"/>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_editor.py" line="91"/>
        <source>&amp;Back to family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_editor.py" line="92"/>
        <source>Back to the family; unsaved evidence stays as a draft (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_editor.py" line="195"/>
        <source>Complete, %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <location filename="../../ui/background.py" line="72"/>
        <source>Something unexpected went wrong. Please try again; if it keeps happening, tell your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookVisitDialog</name>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="50"/>
        <source>Book a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="50"/>
        <source>Move the next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="55"/>
        <source>Time of the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="61"/>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="62"/>
        <source>Who the visit is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="63"/>
        <source>The whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="70"/>
        <source>&amp;About:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="71"/>
        <source>&amp;Purpose (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="71"/>
        <source>Purpose of the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="72"/>
        <source>for example, six-week review, GCP2 continued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelVisitDialog</name>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="92"/>
        <source>Cancel the next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="94"/>
        <source>&amp;Why is it cancelled?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="94"/>
        <source>Reason for cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_dialog.py" line="96"/>
        <source>for example, no access; the family rearranged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarerDialog</name>
    <message>
        <location filename="../../ui/record_dialogs.py" line="59"/>
        <source>Add a carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="60"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="60"/>
        <source>Carer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="62"/>
        <source>&amp;Relationship to the children:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="62"/>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="64"/>
        <source>for example, mother, partner, grandmother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="65"/>
        <source>Has &amp;parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <location filename="../../ui/caseload_model.py" line="56"/>
        <source>plan actions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="57"/>
        <source>plan reviews: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="58"/>
        <source>plans not yet shared with the family: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="60"/>
        <source>escalation responses: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="65"/>
        <source>Nothing overdue on plans or escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="67"/>
        <source>Overdue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="202"/>
        <source>No visits yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="218"/>
        <source>None booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="221"/>
        <location filename="../../ui/caseload_page.py" line="89"/>
        <source>%1 (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="241"/>
        <source>Still being counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="267"/>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="268"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="269"/>
        <source>Next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="270"/>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="271"/>
        <source>Open concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="272"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_model.py" line="273"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <location filename="../../ui/caseload_page.py" line="64"/>
        <source>Search families and children (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_page.py" line="65"/>
        <source>Search the caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_page.py" line="71"/>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_page.py" line="104"/>
        <source>&amp;New family…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_page.py" line="105"/>
        <source>New family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caseload_page.py" line="196"/>
        <source>%1 of %2 families</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildDialog</name>
    <message>
        <location filename="../../ui/record_dialogs.py" line="78"/>
        <source>Add a child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="79"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="79"/>
        <source>Child&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="85"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="86"/>
        <source>&amp;Date of birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="87"/>
        <source>NHS n&amp;umber (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="87"/>
        <source>NHS number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectivityLabel</name>
    <message>
        <location filename="../../ui/connectivity.py" line="76"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <location filename="../../ui/disclosure_dialog.py" line="41"/>
        <source>Record a disclosure made outside the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/disclosure_dialog.py" line="47"/>
        <source>What was &amp;shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/disclosure_dialog.py" line="49"/>
        <source>Who the disclosure was about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/disclosure_dialog.py" line="50"/>
        <source>The whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/disclosure_dialog.py" line="54"/>
        <source>A&amp;bout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/disclosure_dialog.py" line="83"/>
        <source>The time it was shared cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/disclosure_dialog.py" line="102"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <location filename="../../ui/prompt_banner.py" line="45"/>
        <source>Dismiss a recurring-theme prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="48"/>
        <source>The prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="50"/>
        <source>Reason for dismissing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="52"/>
        <source>for example, discussed with my safeguarding lead today; plan agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="54"/>
        <source>&amp;Why does it need no further action?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/prompt_banner.py" line="61"/>
        <source>Say why the prompt is dismissed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="34"/>
        <source>Enrol with Family Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="36"/>
        <source>Gateway &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="36"/>
        <source>Gateway address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="38"/>
        <source>One-time &amp;code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="38"/>
        <source>One-time code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="39"/>
        <source>Name for this &amp;laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="39"/>
        <source>Name for this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="40"/>
        <source>CA &amp;certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="40"/>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="41"/>
        <source>Only if your administrator gave you one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="42"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="49"/>
        <source>Gateway key fingerprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="55"/>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="56"/>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="68"/>
        <source>Please fill in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="80"/>
        <source>The CA certificate file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="82"/>
        <source>Enrolling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/enrol_dialog.py" line="93"/>
        <source>Enrolled. Compare these fingerprints with your administrator&apos;s:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="33"/>
        <source>Raise an escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="36"/>
        <source>Escalate when you disagree with another professional&apos;s decision or response and the child&apos;s needs are not being met. It starts at your organisation&apos;s first stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="40"/>
        <source>About escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="42"/>
        <source>What the escalation is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="45"/>
        <source>&amp;About what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="47"/>
        <source>&amp;With whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="47"/>
        <source>With whom (agency or professional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="49"/>
        <source>for example, Family Connect duty team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="50"/>
        <source>Child the escalation is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="51"/>
        <source>The whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="57"/>
        <source>&amp;Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="59"/>
        <source>C&amp;ontacted at stage 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="59"/>
        <source>Who you contacted at the first stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_dialog.py" line="65"/>
        <source>Say what the escalation is about.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyAssessments</name>
    <message>
        <location filename="../../ui/family_assessments.py" line="29"/>
        <source>Graded Care Profile 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_assessments.py" line="34"/>
        <source>GCP2 assessments per child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_assessments.py" line="39"/>
        <source>&amp;GCP2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_assessments.py" line="42"/>
        <source>Open the selected child&apos;s draft GCP2, or start one (a re-grade if done before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_assessments.py" line="46"/>
        <source>Open a&amp;ssessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_assessments.py" line="91"/>
        <source>Select a child first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message>
        <location filename="../../ui/record_dialogs.py" line="49"/>
        <source>New family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="50"/>
        <source>Family &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="50"/>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="51"/>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="51"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyModels</name>
    <message>
        <location filename="../../ui/family_models.py" line="29"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="31"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="94"/>
        <location filename="../../ui/family_models.py" line="113"/>
        <location filename="../../ui/family_models.py" line="143"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="95"/>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="96"/>
        <source>Parental responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="114"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="115"/>
        <source>NHS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="144"/>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="145"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="146"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="147"/>
        <location filename="../../ui/family_models.py" line="156"/>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="188"/>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="189"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="190"/>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="191"/>
        <source>Entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="192"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="200"/>
        <source>Announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="202"/>
        <source>Unannounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_models.py" line="209"/>
        <source>%1 (late entry)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <location filename="../../ui/family_page.py" line="86"/>
        <source>← &amp;Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="87"/>
        <source>Back to the caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="88"/>
        <source>Back to the caseload (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="90"/>
        <source>New &amp;visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="97"/>
        <location filename="../../ui/family_page.py" line="116"/>
        <source>Carers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="98"/>
        <location filename="../../ui/family_page.py" line="117"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="100"/>
        <location filename="../../ui/family_page.py" line="119"/>
        <source>Professionals involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="102"/>
        <source>Visits, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="116"/>
        <source>Add &amp;carer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="117"/>
        <source>Add c&amp;hild…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="120"/>
        <source>Add &amp;professional…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="121"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="121"/>
        <source>&amp;Open visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="141"/>
        <source>Family an&amp;d visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="142"/>
        <source>Chro&amp;nology and timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="146"/>
        <source>P&amp;lans and escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="149"/>
        <source>Information sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="270"/>
        <source>Carer added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="285"/>
        <source>Child added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/family_page.py" line="302"/>
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
        <location filename="../../ui/first_run.py" line="54"/>
        <source>GCP2 training date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="56"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="57"/>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="61"/>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="63"/>
        <source>Organisation recovery key file (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="64"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="65"/>
        <source>Choose the organisation recovery key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="69"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="70"/>
        <source>&amp;Create profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="76"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="77"/>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="78"/>
        <source>A&amp;gency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="79"/>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="84"/>
        <source>GCP2 &amp;training:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="87"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="88"/>
        <source>&amp;Confirm passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="92"/>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="96"/>
        <source>Recovery &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="101"/>
        <source>If your organisation gave you a recovery key file, it lets your team restore access if you forget your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="138"/>
        <source>Organisation recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="138"/>
        <source>Public keys (*.pem *.pub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="149"/>
        <source>Creating your encrypted profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="156"/>
        <source>Please enter your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="164"/>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="173"/>
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
        <location filename="../../ui/disclosure_dialog.py" line="77"/>
        <location filename="../../ui/form_dialog.py" line="65"/>
        <source>Please fill in: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradesTab</name>
    <message>
        <location filename="../../ui/assessment_grades.py" line="55"/>
        <source>Sub-areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_grades.py" line="67"/>
        <source>Grade %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_grades.py" line="74"/>
        <source>What the pack says about this grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_grades.py" line="79"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_grades.py" line="80"/>
        <source>What you saw and heard; the child&apos;s experience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_grades.py" line="86"/>
        <source>No content pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_grades.py" line="94"/>
        <source>&amp;Evidence:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LivedWording</name>
    <message numerus="yes">
        <location filename="../../ui/prompt_banner.py" line="139"/>
        <source>Recurring &amp;themes: %n prompt(s) to consider. The tool prompts; you decide.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search_page.py" line="140"/>
        <source>%n record(s) found, best match first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/timeline_layout.py" line="176"/>
        <source>%1: %n record(s), %2 to %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="59"/>
        <source>HomeVisit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>Lock when &amp;idle for</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="125"/>
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>&amp;Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>&amp;New family…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;Find on caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>Back to &amp;caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>New &amp;visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>Add &amp;carer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>Add c&amp;hild…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>Add &amp;professional…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>&amp;Show to family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>Hide practitioner-only notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Unsaved notes from before were restored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="130"/>
        <source>New plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="131"/>
        <source>Who the plan is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="132"/>
        <source>The whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="135"/>
        <source>&amp;For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="136"/>
        <source>&amp;Aim of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="136"/>
        <source>Aim of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="138"/>
        <source>for example, Mia safe and settled at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="139"/>
        <source>First review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="140"/>
        <source>No review planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="141"/>
        <source>First &amp;review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="143"/>
        <source>The first review date follows your organisation&apos;s timescale. Next, add the plan&apos;s SMART actions, then share it with the family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="145"/>
        <source>What happens next</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NextStageDialog</name>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="30"/>
        <source>Move the escalation on a stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="32"/>
        <source>About: %1. With: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="33"/>
        <source>The escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/escalation_stage_dialogs.py" line="35"/>
        <source>Stage %1: %2. At this stage: %3. A response is due %n working day(s) after it opens.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="39"/>
        <source>What the next stage asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="41"/>
        <source>C&amp;ontacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="42"/>
        <source>Who you contacted at this stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="43"/>
        <source>Note on the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="44"/>
        <source>what you asked for, and why it is not resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="45"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NextVisitBar</name>
    <message>
        <location filename="../../ui/planned_visit_bar.py" line="40"/>
        <source>Next visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_bar.py" line="43"/>
        <source>Next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_bar.py" line="46"/>
        <source>&amp;Book a visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_bar.py" line="48"/>
        <source>Move the next visi&amp;t…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_bar.py" line="50"/>
        <source>Cancel the ne&amp;xt visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_bar.py" line="95"/>
        <source>None booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_bar.py" line="98"/>
        <source>%1 (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_bar.py" line="101"/>
        <source>about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_bar.py" line="137"/>
        <source>Visit booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_bar.py" line="143"/>
        <source>Visit moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/planned_visit_bar.py" line="149"/>
        <source>Visit cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="63"/>
        <source>Up or Down picks a date; Ctrl+Delete: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="56"/>
        <source>Record the outcome of the escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="59"/>
        <source>About: %1. With: %2. Raised %3; now at stage %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="62"/>
        <source>The escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="63"/>
        <source>Outcome of the escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="64"/>
        <source>what was agreed, and by whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="65"/>
        <source>&amp;Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="66"/>
        <source>Recording the outcome closes the escalation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="67"/>
        <source>About closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/escalation_stage_dialogs.py" line="72"/>
        <source>Say what the outcome was.</source>
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
    <name>PlansModels</name>
    <message numerus="yes">
        <location filename="../../ui/plans_models.py" line="46"/>
        <source>%n thing(s) overdue:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plans_models.py" line="51"/>
        <source>and %n more, marked in the tables below</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <location filename="../../ui/plans_tab.py" line="72"/>
        <source>Plans of the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="74"/>
        <source>SMART actions of the plan selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="78"/>
        <source>Escalations of the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="86"/>
        <source>New plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="87"/>
        <source>Share with famil&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="88"/>
        <source>Record t&amp;he review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="89"/>
        <source>Threshold dec&amp;ision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="91"/>
        <source>Add acti&amp;on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="92"/>
        <source>Edit action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="93"/>
        <source>Edit the action selected (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="94"/>
        <source>Mar&amp;k done / not done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="95"/>
        <source>Rai&amp;se escalation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="96"/>
        <source>Next sta&amp;ge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="97"/>
        <source>Record o&amp;utcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="100"/>
        <source>What is overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="103"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="107"/>
        <source>Plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="110"/>
        <source>Actions of the plan selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="112"/>
        <source>Escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="256"/>
        <source>Next: stage %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="259"/>
        <source>This is the last stage: record the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="310"/>
        <source>Plan made; now add its actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plans_tab.py" line="327"/>
        <source>Action saved; %n action(s) not yet SMART.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="328"/>
        <source>Action saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="344"/>
        <source>Action status saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="352"/>
        <source>Plan shared with the family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="361"/>
        <source>Review recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="372"/>
        <source>Escalation raised with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="383"/>
        <source>Escalation moved to stage %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plans_tab.py" line="392"/>
        <source>Escalation closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfessionalDialog</name>
    <message>
        <location filename="../../ui/record_dialogs.py" line="100"/>
        <source>Add a professional involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="101"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="101"/>
        <source>Professional&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="102"/>
        <source>&amp;Agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="102"/>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="103"/>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="103"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="104"/>
        <source>&amp;Contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="104"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="105"/>
        <source>This is the &amp;lead practitioner for the family</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileChart</name>
    <message>
        <location filename="../../ui/profile_chart.py" line="28"/>
        <source>Profile chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_chart.py" line="55"/>
        <source>Grades 1 (best) to 5; left bar: baseline, right bar: now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_chart.py" line="57"/>
        <source>Grades 1 (best) to 5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptActions</name>
    <message>
        <location filename="../../ui/prompt_actions.py" line="63"/>
        <source>Arrange it as your procedures say and record it; then dismiss the prompt with your decision as the reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickCapture</name>
    <message>
        <location filename="../../ui/quick_capture.py" line="56"/>
        <source>Add a child to this family first: an entry is about one child&apos;s day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickCaptureDialog</name>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="75"/>
        <source>Day in the life: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="77"/>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="86"/>
        <source>When it happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="87"/>
        <source>Part of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="92"/>
        <location filename="../../ui/quick_capture_dialog.py" line="282"/>
        <source>What the child sees, hears, feels and does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="94"/>
        <source>The child&apos;s own words, quoted exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="95"/>
        <source>exactly as the child said it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="96"/>
        <source>Who was caring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="101"/>
        <source>Impact on the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="102"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="106"/>
        <source>Prompts for a child with &amp;disabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="110"/>
        <source>Day-in-the-life prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="114"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="116"/>
        <source>Draft state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="117"/>
        <source>&amp;Save entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="119"/>
        <source>Save the entry (Ctrl+S or Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="121"/>
        <source>Close, &amp;keep draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="122"/>
        <source>Close; what you typed stays as a draft (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="124"/>
        <source>Discard dra&amp;ft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="167"/>
        <source>“</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="167"/>
        <source>”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="174"/>
        <source>C&amp;hild:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="175"/>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="176"/>
        <source>Wh&amp;at the child sees, hears, feels and does:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="177"/>
        <source>The child&apos;s own w&amp;ords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="178"/>
        <source>Who was &amp;caring:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="179"/>
        <source>&amp;Impact on the child:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="180"/>
        <source>So&amp;urce:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="248"/>
        <source>Unsaved entry restored from the draft of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="257"/>
        <source>Saving draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="263"/>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="271"/>
        <source>No day-in-the-life prompts for this child on that date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="278"/>
        <source>Who was caring: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="281"/>
        <source>Please fill in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="298"/>
        <source>Day-in-the-life entry saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="320"/>
        <source>The entry is kept as a draft: press Ctrl+Shift+E to go on with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture_dialog.py" line="333"/>
        <source>The unsaved entry was discarded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../ui/report_actions.py" line="29"/>
        <source>Pa&amp;rent report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="30"/>
        <source>Plain-language report for the family to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="32"/>
        <source>Prac&amp;titioner report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="34"/>
        <source>The whole assessment with evidence, notes and chronology: not for the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="45"/>
        <source>Select an assessment first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../ui/report_preview.py" line="51"/>
        <source>Parent report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="52"/>
        <source>Practitioner report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="63"/>
        <source>Report pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="64"/>
        <source>Record fingerprint %1 · %2 pages · shown from memory, not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="67"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="70"/>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="71"/>
        <source>Write an unencrypted copy to a file you choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="73"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="113"/>
        <source>Save an unencrypted copy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="114"/>
        <source>The PDF file will not be encrypted. Anyone who can open the file can read the child&apos;s name, grades and notes. Save it only where your organisation allows, and delete it when it is no longer needed. Saving is recorded in the audit log with where the file went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="127"/>
        <source>Save report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="127"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="307"/>
        <source>Review the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="308"/>
        <source>The plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="309"/>
        <source>What the review found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="311"/>
        <source>has the change for the child happened, and is it sustained?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="312"/>
        <source>&amp;What the review found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="313"/>
        <source>Next review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="314"/>
        <source>No further review planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="315"/>
        <source>&amp;Next review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="316"/>
        <source>Say what the review found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareActions</name>
    <message>
        <location filename="../../ui/share_actions.py" line="50"/>
        <source>S&amp;hare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_actions.py" line="51"/>
        <source>Share the selected completed assessment with Family Connect, recording the information-sharing decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_actions.py" line="54"/>
        <source>Sharing histor&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_actions.py" line="55"/>
        <source>What was shared about this child, with whom, the receipts and the front door&apos;s decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_actions.py" line="62"/>
        <source>Select an assessment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_actions.py" line="72"/>
        <source>Only a completed assessment can be shared; complete it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_actions.py" line="75"/>
        <source>Enrol this laptop first: Profile › Family Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_actions.py" line="85"/>
        <source> (a second share)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_actions.py" line="86"/>
        <source>Shared%1: it will be sent to Family Connect when the laptop is online.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="286"/>
        <source>Share the plan with the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="288"/>
        <source>%1. Record when and how the family was given the plan, for example &quot;read through with Kerry; copy left&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="290"/>
        <source>About sharing the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="291"/>
        <source>Shared on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="293"/>
        <source>&amp;Shared on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="294"/>
        <source>How the plan was shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="295"/>
        <source>&amp;How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialogs.py" line="296"/>
        <source>Say how the plan was shared with the family.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareHistoryDialog</name>
    <message>
        <location filename="../../ui/share_history.py" line="25"/>
        <source>Sharing history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_history.py" line="31"/>
        <source>Information shared about this child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_history.py" line="33"/>
        <source>&amp;Record information shared…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_history.py" line="34"/>
        <source>A call to the front door, a meeting, a letter: anything shared outside the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_history.py" line="61"/>
        <source>The information shared is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharingDecisionDialog</name>
    <message>
        <location filename="../../ui/share_dialog.py" line="44"/>
        <source>Share with Family Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="45"/>
        <source>Record information shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="48"/>
        <location filename="../../ui/share_dialog.py" line="54"/>
        <source>Shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="54"/>
        <source>Shared &amp;with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="56"/>
        <source>How it was shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="59"/>
        <source>&amp;How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="61"/>
        <source>When it was shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="63"/>
        <source>Wh&amp;en</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="64"/>
        <source>W&amp;hat was shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="64"/>
        <source>What was shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="65"/>
        <source>&amp;Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="65"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="67"/>
        <source>&amp;Lawful basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="67"/>
        <source>Lawful basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="68"/>
        <source>Special &amp;category condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="69"/>
        <source>Special category condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="71"/>
        <source>C&amp;onsent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="71"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="72"/>
        <source>&amp;Reason about consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="72"/>
        <source>Reason about consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="73"/>
        <source>Why consent was not sought or sharing went ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="74"/>
        <source>&amp;Identities withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="74"/>
        <source>Identities withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="75"/>
        <source>&amp;Advice taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="75"/>
        <source>Advice taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="77"/>
        <source>Shared before on %1. Sharing again sends a new copy, recorded as a second share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="80"/>
        <source>Shared before</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharingDecisionsModel</name>
    <message>
        <location filename="../../ui/sharing_models.py" line="65"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="65"/>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="65"/>
        <source>Shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="65"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="66"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="66"/>
        <source>What was shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="66"/>
        <source>Lawful basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="67"/>
        <source>Special category condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="67"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="68"/>
        <source>Identities withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="68"/>
        <source>Advice taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="68"/>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="74"/>
        <source>Through HomeVisit (Family Connect sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="76"/>
        <source>Outside the app: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="81"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="93"/>
        <source>The whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="106"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="108"/>
        <source>None recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_models.py" line="109"/>
        <source>%1, recorded %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharingTab</name>
    <message>
        <location filename="../../ui/sharing_tab.py" line="53"/>
        <source>What was shared about this family, with whom and why: through HomeVisit (Family Connect sync) and outside the app. Record every disclosure: when, with whom, why, what, the lawful basis, consent, and any advice taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_tab.py" line="58"/>
        <source>Information-sharing decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_tab.py" line="67"/>
        <source>Decisions shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_tab.py" line="68"/>
        <source>Record a disclos&amp;ure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_tab.py" line="70"/>
        <source>Information shared outside the app: a call to the front door, a meeting, a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_tab.py" line="105"/>
        <source>Decisions recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sharing_tab.py" line="143"/>
        <source>Disclosure recorded with %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <location filename="../../ui/assessment_summary.py" line="43"/>
        <source>Targeted items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="43"/>
        <source>Record grade at revie&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="46"/>
        <source>Targets set at the baseline, reviewed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="47"/>
        <source>Record the base&amp;line&apos;s grade at review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="51"/>
        <source>Sub-area to target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="57"/>
        <source>Current grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="58"/>
        <source>Target grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="64"/>
        <source>Review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="65"/>
        <source>Add &amp;target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="76"/>
        <source>&amp;Complete assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="78"/>
        <source>&amp;Re-grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="79"/>
        <source>Start a new assessment linked to this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="83"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="88"/>
        <location filename="../../ui/assessment_summary.py" line="89"/>
        <source>Reason for the addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="90"/>
        <source>Addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="92"/>
        <source>Add a&amp;ddendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="123"/>
        <source>Addendum %1 by %2 (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_summary.py" line="209"/>
        <source>An addendum needs its reason and its text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="124"/>
        <source>Family &amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncModels</name>
    <message>
        <location filename="../../ui/sync_models.py" line="33"/>
        <source>Public task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="34"/>
        <source>Legal obligation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="35"/>
        <source>Vital interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="36"/>
        <location filename="../../ui/sync_models.py" line="144"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="39"/>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="40"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="41"/>
        <source>Not sought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="46"/>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="47"/>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="48"/>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="49"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="50"/>
        <source>Needs action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="51"/>
        <source>Sent through HomeVisit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="52"/>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="53"/>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="54"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="55"/>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="56"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="57"/>
        <source>No further action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="58"/>
        <source>Early help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="59"/>
        <source>Assessment by children&apos;s social care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="60"/>
        <source>Strategy discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="113"/>
        <source>Shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="113"/>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="114"/>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="114"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="115"/>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="116"/>
        <source>Receipt or problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="131"/>
        <source>Receipt %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="134"/>
        <source>%1 (next try %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="142"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="142"/>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="143"/>
        <source>With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="143"/>
        <source>Lawful basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="144"/>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="145"/>
        <source>Front door decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="151"/>
        <source> (shared again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_models.py" line="165"/>
        <source>Delivered, receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="39"/>
        <source>Family Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="44"/>
        <source>Enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="47"/>
        <source>Summaries shared from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="51"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="52"/>
        <source>&amp;Enrol…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="54"/>
        <source>&amp;Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="56"/>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="57"/>
        <source>Send the selected summary again after fixing what its problem says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="75"/>
        <source>This laptop is not enrolled yet. Ask your administrator for a code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="76"/>
        <source>Enrolled as %1 with </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="98"/>
        <source>Select a summary first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStateLabel</name>
    <message>
        <location filename="../../ui/connectivity.py" line="97"/>
        <source>Sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectivity.py" line="103"/>
        <source>Open Profile › Family Connect… to see each summary and what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/connectivity.py" line="107"/>
        <source>Enrol this laptop in Profile › Family Connect…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThresholdDialog</name>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="43"/>
        <source>Record a threshold decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="47"/>
        <source>The prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="48"/>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="55"/>
        <source>&amp;Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="56"/>
        <source>Suggested level and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="57"/>
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="58"/>
        <source>Level of need chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="64"/>
        <source>&amp;Level of need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="65"/>
        <source>What this level means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="67"/>
        <source>Reasoning for the level chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="69"/>
        <source>why this level: the history and patterns you weighed, and what you agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="71"/>
        <source>&amp;Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="72"/>
        <source>the organisation&apos;s levels of need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="74"/>
        <source>Decided against %1. The chronology entries and prompts in view for the child now are kept with the decision as the history considered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="77"/>
        <source>History considered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="88"/>
        <source>No suggestion for this child.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="91"/>
        <source>No level suggested. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="93"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="107"/>
        <source>%1 Suggested response: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="108"/>
        <source>see the threshold document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="113"/>
        <source>Add the child to the family first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="116"/>
        <source>Say why this level was chosen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingDateDialog</name>
    <message>
        <location filename="../../ui/assessment_training.py" line="17"/>
        <source>GCP2 training date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_training.py" line="20"/>
        <source>Only practitioners trained in the Graded Care Profile 2 may use it. Record the date you completed your GCP2 training to start an assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_training.py" line="29"/>
        <source>Date of your GCP2 training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_training.py" line="30"/>
        <source>&amp;Trained on:</source>
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
    <name>ViewsTab</name>
    <message>
        <location filename="../../ui/assessment_views.py" line="24"/>
        <source>Strengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="25"/>
        <source>Carer&apos;s views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="26"/>
        <source>Child&apos;s views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="27"/>
        <source>Parent&apos;s comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="28"/>
        <source>Practitioner-only notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="30"/>
        <source>Parent agrees with the grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="32"/>
        <source>Not asked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="33"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="34"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="37"/>
        <source>Save &amp;views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="40"/>
        <source>The parent does not agree with the grades: write down what they say, in their words, in the parent&apos;s comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="48"/>
        <source>Strengths:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="49"/>
        <source>Carer&apos;s views:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="50"/>
        <source>Child&apos;s views:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="51"/>
        <source>Parent agrees with the grades:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="52"/>
        <source>Parent&apos;s comments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_views.py" line="54"/>
        <source>Practitioner only:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <location filename="../../ui/visit_editor.py" line="62"/>
        <source>&amp;Announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="63"/>
        <source>&amp;Unannounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="72"/>
        <source>Who was present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="78"/>
        <source>Time of the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="81"/>
        <source>Time of entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="83"/>
        <source>Time of the last correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="84"/>
        <source>Late entry: recorded on a later day than the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="90"/>
        <source>Visit notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="97"/>
        <source>Draft state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="98"/>
        <source>&amp;Save visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="99"/>
        <source>Save the visit (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="101"/>
        <source>&amp;Back to family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="102"/>
        <source>Back to the family; unsaved notes stay as a draft (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="108"/>
        <source>Type of visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="109"/>
        <source>&amp;Time of the visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="110"/>
        <source>Time of entry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="120"/>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="142"/>
        <source>New visit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="145"/>
        <source>Visit of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="158"/>
        <source>Now, when you save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="164"/>
        <source>Corrected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="191"/>
        <source>Unsaved notes restored from the draft of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="270"/>
        <source>Visit saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="327"/>
        <source>Saving draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/visit_editor.py" line="331"/>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tab</name>
    <message>
        <location filename="../../ui/assessment_areas.py" line="32"/>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_areas.py" line="35"/>
        <source>Confirmed grade for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_areas.py" line="36"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_areas.py" line="40"/>
        <source>Rationale (needed outside the range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_areas.py" line="41"/>
        <source>Rationale for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_areas.py" line="42"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/assessment_areas.py" line="43"/>
        <source>Confirm the %1 grade</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
