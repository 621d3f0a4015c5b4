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
