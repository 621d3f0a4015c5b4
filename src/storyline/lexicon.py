"""Words that more than one part of storyline relies on, each defined once.

Cleaning and analysis make the same small decisions in several places: which
verbs introduce speech, which auxiliaries mark the future, how months are
named. When each place kept its own list, the lists drifted apart and the
same sentence was read one way by one component and another way by the next.
This module holds the one definition; the users derive the form they need
from it (a regular expression, a lookup table, a set with one word added or
removed, said so in a comment where it happens).

What belongs here: a word list used by more than one module. A list used by
one module stays in that module, next to the rule that reads it. This module
imports nothing from storyline, so that read, clean and analyze can all
import it (checked by lint-imports).
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A lexicon written as one space-separated string, easy to read and extend."""
    return frozenset(text.split())


# Verbs that introduce what someone said, by lemma. Deliberately speech acts
# only: belief verbs ("think", "believe") describe a state of mind, not a
# statement a reader could check against the speaker's words.
#
# STATEMENT_VERBS report a statement whatever follows them ("said",
# "announced", "denied"): the events component reads the lemma alone to make
# a verb's subject the source of the events under it, and ends a hedge or a
# plan at it. The others introduce speech only with a quote or a content
# clause, which the quotes component checks; read alone they are often no
# report at all ("pleaded guilty", "pointed to", "maintaining positions",
# "vowed to fight", "urged X to": whoever urges is not the source of what
# X does). Both components use one list each, built from these two.
STATEMENT_VERBS = words(
    "say tell state add note claim argue explain insist announce write tweet post suggest admit acknowledge "
    "confirm deny stress comment predict report reiterate declare conclude indicate reveal disclose assert"
)
SPEECH_VERBS = STATEMENT_VERBS | words(
    "warn describe urge reply respond ask testify joke quip concede emphasize emphasise recall remind "
    "promise vow pledge assure allege maintain contend complain lament caution observe mention estimate "
    "propose recommend advise boast shout chant blurt whisper scream yell exclaim muse wonder counter "
    "retort rule demand agree brief inform answer hint signal cite repeat affirm echo scold crow sniff "
    "snap chide gush rave marvel mutter murmur sigh plead beg swear concur interject recount elaborate "
    "clarify specify underline underscore highlight tout brag confess opine speculate point cry"
)

# Verbs that credit a claim to a mind or to evidence rather than to speech,
# by lemma: "officials believe the fire was set", "the survey found that
# most voters ...". Kept out of SPEECH_VERBS on purpose (no one said the
# words, so they make no quote); the attributions component reads them,
# with a finite clause after them, as a claim credited to their subject.
BELIEF_VERBS = words("believe think expect suspect fear doubt assume reckon suppose feel know worry")
EVIDENCE_VERBS = words("show find demonstrate prove determine establish")

# Auxiliaries that put a verb in the future ("will meet", "they'll meet",
# "won't" = "wo" + "n't"), lower-cased token text, with the typographic
# apostrophe news text mostly uses ("they’ll") and none ("theyll"). "would"
# is here because it is the future of a reported plan ("said they would meet").
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "’ll", "ll", "wo"})

# English month names in calendar order, with the abbreviations news text
# writes ("Sept." before "Sep." so the longer one is tried first). Users
# derive their form: a regular expression, a name-to-number table.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS: tuple[tuple[str, ...], ...] = (
    ("Jan",),
    ("Feb",),
    ("Mar",),
    ("Apr",),
    (),  # "May" is its own abbreviation
    ("Jun",),
    ("Jul",),
    ("Aug",),
    ("Sept", "Sep"),
    ("Oct",),
    ("Nov",),
    ("Dec",),
)
# Lower-cased full name or abbreviation -> month number (1-12).
MONTH_NUMBERS: dict[str, int] = {
    name.lower(): number
    for number, (full, short) in enumerate(zip(MONTH_NAMES, MONTH_ABBREVIATIONS, strict=True), start=1)
    for name in (full, *short)
}

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# Given names that English-language news uses for one sex only (read by the speaker and the
# event rules to tell whom "he" or "she" can stand for). A name used
# for both (Alex, Kim, Lee, Jamie, Robin, Sam, Pat, Dana, Jesse, ...) is in neither.
MALE_GIVEN = words(
    "aaron abdul adam adrian ahmed alan albert alexander andrew andy anthony antonio arthur barack ben benjamin "
    "bernard bernie bill billy bob bobby brad bradley brandon brian bruce bryan carl carlos charles chuck colin "
    "craig dan daniel danny darrell dave david dean dennis derek donald doug douglas ed eddie edward elijah eric "
    "ethan evan frank fred gabriel gary george gerald glenn greg gregory harold harry henry howard ian isaac ivan "
    "jack jacob james jason jeb jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan jose joseph "
    "joshua juan justin keith kenneth kevin kirk kyle larry lawrence leon louis lucas luis luke marco marcus mario "
    "mark martin marvin matt matthew michael mike mitch mitt mohammed muhammad nathan neil nicholas nick noah "
    "norman omar oscar patrick paul peter phil philip rahm ralph randy raymond reince rex richard rick rob robert "
    "roberto roger ron ronald roy russell ryan samuel scott sean sergei shawn stephen steve steven ted thomas tim "
    "timothy todd tom tommy tony travis vincent vladimir walter wayne william zachary "
    "austin brett caleb cody connor dmitry dylan gavin hassan hussein ibrahim igor jared kurt lance malcolm "
    "mustafa owen rafael raul rodney seth simon spencer stuart trevor tyler victor viktor volodymyr warren"
)
FEMALE_GIVEN = words(
    "abigail aisha alexandra alice alicia allison amanda amber amy ana andrea angela anita ann anna anne barbara "
    "beth betty bonnie brenda carla carly carol caroline carolyn catherine cathy cheryl christina christine cindy "
    "claire claudia connie cynthia danielle debbie deborah debra denise diana diane dianne donna doris dorothy "
    "elaine eleanor elena elizabeth ellen emily emma erica erin evelyn frances gail gina gloria grace hannah "
    "heather heidi helen hillary irene ivanka jane janet janice jennifer jessica jill joan joanne joyce judith "
    "judy julia julie karen kate katherine kathleen kathy katie kimberly kristen laura lauren leah linda lisa "
    "lori louise lucy margaret maria marie marilyn martha mary megan megyn melania melanie melissa michelle "
    "monica nancy natalie nicole nikki olivia pamela patricia paula peggy rachel rebecca rita rosa ruth sally "
    "samantha sandra sara sarah sharon sheila shirley sophia stephanie susan tammy teresa tina valerie vanessa "
    "yvonne amelia brittany chelsea chloe courtney fatima gwen ingrid irina isabella kelsey kristin lindsey "
    "madison marissa meredith molly natasha nora olga paige sabrina svetlana sylvia tara tiffany wendy "
    "whitney yolanda"
)


# Written titles that give a person's sex, as the pronoun that stands for them ("Mrs. Alder": "she").
TITLE_SEX = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}
