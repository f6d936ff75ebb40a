"""The words of the day-in-the-life templates: our own prompts, written fresh for this product.

Not taken or adapted from any published day-in-the-life manual (those are copyrighted). The
prompts are short and practical, ask about strengths as well as worries, and end on what the
day means for the child. Keys are the contract strings for age band and part of the day; each
tuple follows `day_in_the_life.Aspect`: sees and hears, feels, does, who is caring, impact.
Wording only: the structure and the band rule live in `day_in_the_life`.
"""

from __future__ import annotations

from collections.abc import Mapping

Prompts = tuple[str, str, str, str, str]

GUIDANCE: tuple[str, ...] = (
    "Talk with the child and with each carer on their own about a usual day, then compare what you hear.",
    "Say where each thing came from: seen by you, told by the child, told by a carer, or from another agency.",
    "Write the child's own words exactly as said, in quotation marks, and mark them as the child's words.",
    "Note what goes well as well as what worries you, and always say what it means for the child's day.",
)

BAND_GUIDANCE: Mapping[str, str] = {
    "baby": "A baby cannot tell you: watch how they respond to the people and things around them.",
    "pre_school": "Young children show more than they say: watch their play and who they turn to.",
    "school_age": "Ask the school or club what they see of the child's day, and ask the child too.",
    "adolescent": "Ask the young person to tell their own day; they may say things they would not say at home.",
    "child_with_disabilities": "Use the child's own way of communicating, and ask the people who know it best.",
}

WORDING: Mapping[str, Mapping[str, Prompts]] = {
    "baby": {
        "early_morning": (
            "When the baby wakes, what do they see and hear: a familiar face and voice, the TV, an empty room?",
            "How does the baby show they are hungry, wet or uncomfortable, and how long until someone comes?",
            "Where did the baby sleep, and where are they put once awake: held, in a cot, in a bouncer?",
            "Who gets up to the baby, and how are they this morning: rested, unwell, affected by drink or drugs?",
            "What goes well at the start of the baby's day, and what would give them a better start?",
        ),
        "morning": (
            "What does the baby see and hear in the morning: faces, talk, songs, toys, screens, raised voices?",
            "How settled is the baby in the morning, and what comforts them when they cry?",
            "When and how is the baby fed, and who makes up the feed?",
            "Who looks after the baby in the morning, and who else is in the home or visiting?",
            "Does the baby get cuddles, chat and floor play? What helps them thrive, and what gets in the way?",
        ),
        "afternoon": (
            "Where does the baby spend the afternoon, and what is around them: pets, smoke, clutter, other children?",
            "When the main carer comes close, does the baby look for them and settle?",
            "Does the baby go out (a walk, clinic, family) or stay in the same place most of the day?",
            "If the main carer rests or goes out, who steps in, and do they know the baby's routine?",
            "What does the afternoon mean for the baby's feeding, sleep and growth? Note what is working too.",
        ),
        "evening": (
            "What is happening in the home in the evening: visitors, loud music, arguments, or calm?",
            "How is the baby at the end of the day: content, unsettled, hard to soothe?",
            "What is the bath and bedtime routine, and is the baby put down on their back in a clear cot?",
            "Who puts the baby to bed, and how are the adults at that time of the evening?",
            "Does the evening help the baby settle and sleep? What can the family build on?",
        ),
        "night": (
            "What can the baby hear at night: a quiet room, adults awake, arguments?",
            "When the baby wakes in the night, how soon are they fed and comforted?",
            "Where does the baby sleep overnight, and is it safe: no bed-sharing after drink or drugs, no smoke?",
            "Who answers the baby at night, and can they wake easily?",
            "How do nights affect the baby's next day and the carers' care? What is going well?",
        ),
        "weekend": (
            "How is a weekend different for the baby: more people, more noise, another house?",
            "Is the baby more or less settled at weekends, and why might that be?",
            "Do feeds, naps and bedtime keep to the usual pattern at weekends?",
            "Who cares for the baby at weekends, and do they know how to keep a baby safe?",
            "What helps the baby's weekend go well, and what makes it harder?",
        ),
        "holiday": (
            "At holidays, celebrations or stays away, what does the baby see and hear?",
            "How does the baby cope with new places and new people at those times?",
            "Where does the baby sleep and feed when away from home or when there are guests?",
            "Who looks after the baby at these times, and is drink or drug use more likely then?",
            "What helps the baby stay safe and content at these times, and what puts that at risk?",
        ),
    },
    "pre_school": {
        "early_morning": (
            "What does the child see and hear first thing: a carer saying hello, the TV, an empty room, shouting?",
            "How does the child seem when they wake: happy, worried, hungry?",
            "What does the child do if the adults are still asleep? Can they reach anything unsafe?",
            "Who is up with the child first, and are they able to look after them?",
            "How does the start of the day set the child up? Note what goes well, not only what is missing.",
        ),
        "morning": (
            "Is there breakfast, and does anyone sit and talk with the child while they eat?",
            "How does the child feel about nursery, or about staying at home? What do they say?",
            "Does the child go to nursery, playgroup or a childminder, and who gets them ready?",
            "Who looks after the child in the morning, and how do they keep them safe from stairs, pills, hot drinks?",
            "Is the child getting play, talk and learning in the morning? What helps, and what gets in the way?",
        ),
        "afternoon": (
            "What toys, books and people are around the child in the afternoon?",
            "What makes the child laugh, and what upsets them? Who do they go to when hurt or scared?",
            "What does the child eat in the day, and do they get outside to play?",
            "Who collects the child from nursery or cares for them at home in the afternoon?",
            "How does the afternoon help or hold back the child's talking, playing and toilet training?",
        ),
        "evening": (
            "What goes on around the child at teatime and in the evening: family talk, screens, visitors, arguments?",
            "How does the child seem at bedtime: settled, clingy, frightened?",
            "Is there a cooked meal, a wash, teeth brushed, a story? What time is bed?",
            "Who puts the child to bed, and who stays in the home overnight?",
            "Does the evening give the child what they need to rest? What does the family do well?",
        ),
        "night": (
            "What can the child hear from their bed: a quiet house, the TV, adults arguing or partying?",
            "Does the child have bad dreams or wet the bed, and does someone comfort them?",
            "Where does the child sleep, and with whom? Is the bed clean, warm and their own?",
            "If the child wakes in the night, who do they go to, and will that person come?",
            "How does the night show in the next day (tired, cross, missing nursery)? What helps them sleep well?",
        ),
        "weekend": (
            "What does the child see and do at weekends that is different from the week?",
            "What does the child look forward to at the weekend, or worry about?",
            "Does the child go to the park, see family, play with other children?",
            "Who cares for the child at weekends, including other homes and new partners?",
            "Do weekends give the child fun and rest, or are they left to amuse themselves? What goes well?",
        ),
        "holiday": (
            "When nursery is closed, or on holidays and birthdays, what is the child's day like?",
            "How does the child feel about holidays, birthdays and festivals at home?",
            "Do meals and routines keep going when there is no nursery?",
            "Who looks after the child when nursery is closed, and has anyone new been caring for them?",
            "What makes holidays good for the child, and what makes them harder?",
        ),
    },
    "school_age": {
        "early_morning": (
            "When the child wakes, is an adult up? What do they see and hear in the home?",
            "How does the child feel on a school morning: rested, hungry, worried?",
            "Who wakes the child? Do they get themselves up, or get younger children up too?",
            "Which adult is in charge of the child first thing, and are they able to be?",
            "Does the child get to school ready to learn? What helps them in the morning?",
        ),
        "morning": (
            "Is there breakfast and clean uniform, and does anyone check the child has what they need?",
            "How does the child say they feel about school, friends and teachers?",
            "How does the child get to school, and do they get there on time?",
            "Who takes the child to school, or do they go alone? Is that safe for their age?",
            "What good does school bring the child: learning, food, friends, a safe adult? What does the school notice?",
        ),
        "afternoon": (
            "What does the child see and hear when they get home: is someone there?",
            "Who does the child tell about their day, and how do they feel coming home?",
            "What does the child do after school: clubs, play, homework, caring for others, being out alone?",
            "Who meets the child after school, and who knows where they are?",
            "How do the afternoons help the child's friendships and learning? What worries the child, or you?",
        ),
        "evening": (
            "What is happening at home in the evening: a meal together, screens, visitors, drink or drugs, arguments?",
            "How does the child feel at bedtime? Does anything they see or hear frighten them?",
            "What does the child eat, is there a wash and a bedtime, and how long are they online or gaming?",
            "Who is at home in the evening, and who is in charge of the child?",
            "Does the evening give the child rest, food and attention? What goes well for them?",
        ),
        "night": (
            "What can the child hear at night? Do they hear adults arguing or leaving the house?",
            "Does the child sleep well, or lie awake worrying about a parent?",
            "Where does the child sleep, and with whom? Do they have a bed, bedding and space of their own?",
            "Is an adult in the home all night, and would the child go to them if scared?",
            "How does the night show at school next day: tired, late, absent? What helps them sleep well?",
        ),
        "weekend": (
            "What is a Saturday or Sunday like for the child, from waking to bedtime?",
            "What does the child enjoy at weekends, and is there anything they dread?",
            "Does the child do activities, see friends, go out with the family?",
            "Who cares for the child at weekends (another parent, relatives, partners), and what is that like?",
            "What good do weekends add to the child's life, and when are they left without care?",
        ),
        "holiday": (
            "What does the child's day look like in the school holidays?",
            "How does the child feel when school is closed: relieved, bored, lonely, worried?",
            "How is the child fed without school meals, and what do they do with their time?",
            "Who looks after the child in the school holidays, and how long are they left alone?",
            "What makes the holidays good for the child, and what do they miss from school?",
        ),
    },
    "adolescent": {
        "early_morning": (
            "What is the home like when the young person wakes: quiet, chaotic, no adult up?",
            "How does the young person feel starting the day? Ask them, and note their words.",
            "Do they get themselves up and ready, and get others ready too?",
            "Does an adult check they are up and about for school or college?",
            "Does the morning help them get to school or college? What do they manage well?",
        ),
        "morning": (
            "What do they see and hear on the way to school or college, and once there?",
            "How do they feel about school or college, friends, and what comes next for them?",
            "Are they going in? If not, where are they and what are they doing?",
            "Who would know if they did not arrive, and who would follow it up?",
            "What good does school or college bring the young person, and what gets in the way of it?",
        ),
        "afternoon": (
            "Who do they spend time with after school, in person and online?",
            "Where do they feel safe, and where do they feel unsafe?",
            "What do they do in the afternoon: sport, a job, caring for others, hanging out, somewhere risky?",
            "Does an adult know where they are and who they are with?",
            "What are their strengths and interests, and who backs them?",
        ),
        "evening": (
            "What goes on at home in the evening, and is the young person there to see it?",
            "How do they feel about being at home in the evening? Do they stay away?",
            "Do they eat a meal? How long are they online? Any drinking or drug use?",
            "Who sets a time to be home, and what happens when they are late?",
            "How does the evening affect their wellbeing, relationships and safety? What is working?",
        ),
        "night": (
            "What do they hear at home at night? Are they woken by adults?",
            "Do they sleep, or lie awake worrying, or stay up online?",
            "Where do they sleep: at home, at a friend's, somewhere no one knows?",
            "Would an adult notice if they were not home overnight, and what would they do?",
            "How does their night affect the next day and their safety? What helps them?",
        ),
        "weekend": (
            "What does a weekend look like for the young person, in their own words?",
            "What do they look forward to, and what do they dread?",
            "Do they work, care for family members, see friends, stay out late?",
            "Which adults are involved with the young person at weekends, at home and elsewhere?",
            "What good activities and relationships do weekends give them, and what risks?",
        ),
        "holiday": (
            "How does the young person spend the school holidays?",
            "How do they feel without the shape of school: free, lonely, anxious?",
            "Do they have food, money and things to do? Any paid work or caring?",
            "Who keeps an eye on them in the holidays?",
            "What helps them stay well and safe in the holidays, and what could help more?",
        ),
    },
    "child_with_disabilities": {
        "early_morning": (
            "How does the child take in their surroundings on waking (sight, hearing, touch), and what is around them?",
            "How does the child show comfort, pain or distress on waking (words, signs, sounds, movement)? Who understands?",
            "What help does the child need to get up, be changed, washed and dressed, and do they get it in good time?",
            "Who gives personal care in the morning, and do they know the child's equipment and medicines?",
            "Is the child's morning arranged around their needs? What goes well for them?",
        ),
        "morning": (
            "Are the child's communication aids, glasses, hearing aids and equipment there and working?",
            "How does the child show they are happy or unhappy with how they are helped?",
            "Are medicines, feeds and therapies given as planned? Does the child get to school with the transport they need?",
            "Who takes the child to school or their setting, and who shares news with the staff there?",
            "Does the child get to join in and learn, or are they left out? What strengths does the child show?",
        ),
        "afternoon": (
            "What does the child see and hear in the afternoon: people talking and playing with them, or long spells alone?",
            "Who does the child seem most relaxed with, and how can you tell?",
            "Does the child get to play, move, and be out of their chair or bed?",
            "Who cares for the child in the afternoon, including short-break carers and personal assistants?",
            "What difference does the afternoon make to the child's health, comfort and development? What helps?",
        ),
        "evening": (
            "What is the home like in the evening, and does the child get time and attention from the family?",
            "How does the child show tiredness, pain or worry in the evening?",
            "How are meals, feeds, medicines and bedtime care managed in the evening?",
            "Who does the evening care, and are they coping? Do they get any help or breaks?",
            "Is the evening routine safe and comfortable for the child? What does the family do well?",
        ),
        "night": (
            "Can the child call for help at night, and would anyone hear?",
            "Does pain, discomfort or worry wake the child? How is it eased?",
            "Are turning, night feeds, continence care and equipment (hoists, monitors, oxygen) managed safely?",
            "Who is in charge overnight, and do they get enough sleep to keep doing it?",
            "How do nights affect the child's health and the next day? What is helping?",
        ),
        "weekend": (
            "What does the child experience at weekends: trips out, visitors, or the same room?",
            "What does the child enjoy most at weekends, and how do they show it?",
            "Does the child get out and do what other children do, with the right support?",
            "Who cares for the child at weekends, including short breaks?",
            "Do weekends include the child in family life, or leave them out? What goes well?",
        ),
        "holiday": (
            "How does the child's world change in the holidays, when school and therapies stop?",
            "How does the child cope with changes to routine, new places and new carers?",
            "Are medicines, equipment and therapies kept going in the holidays?",
            "Who cares for the child in the holidays, and what support does the family have?",
            "What makes holidays good for the child, and what makes them harder for the child and family?",
        ),
    },
}
