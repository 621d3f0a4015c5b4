"""The parts of a reported-speech clause: who speaks, what is reported, where.

A quote and an attribution are read off the same clause shapes: the speaker
of a speech verb ("X said", "..., argued X", "X said ..., adding"), the clause
it reports ("said the talks would expand", "..., he said, ..."), the sentence
around an "according to X" phrase, and the written extent of a speaker or a
token run. The quotes and attributions components both build on these.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ...lexicon import SPEECH_VERBS, words
from .. import docindex
from ..phrases import according_to
from . import cues

if TYPE_CHECKING:
    from spacy.tokens import Token

_CLOSING_MARKS = frozenset({"”", '"', "’", "’’", "''", "»"})  # '' closes in newspaper archives
_HONORIFICS = words("mr mrs ms")  # part of a name as reporters write it
_REQUEST_VERBS = words("urge ask tell advise remind warn call")
# Verbs that report or charge: joined to a reported clause with no subject
# of their own, they are the speaker's next act, not the reported one's.
_REPORTING = SPEECH_VERBS | words("accuse blame criticize criticise call")


# Prepositions a speech verb's gerund hangs from ("responded by saying", "after
# adding", "in explaining why"), so its speaker is the subject of the verb they
# attach to ("without saying" says nothing).
_GERUND_PREPS = frozenset({"by", "after", "before", "while", "in"})
# Passive verbs of reporting whose subject is the speaker of "as saying" ("was quoted as saying").
_QUOTING = frozenset({"quote", "cite"})


def _acting(verb: Token) -> bool:
    """Whether a verb tells what its subject did, not what someone reported
    ("X said the delay has cost them before claiming ...": the delay claims nothing)."""
    return verb.pos_ == "VERB" and verb.dep_ != "ccomp"


def speaker_token(verb: Token) -> Token | None:
    """The subject of a speech verb, climbing through "..., adding:" and
    "termed ... and stated" to the clause that has one."""
    if verb.lower_ == "according":
        return according_to(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head  # "Iran's mission, saying that ...": the noun the participle describes speaks
    misread = _misread_finite_verb(verb)
    if misread is not None:
        return misread
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    named = [c for c in verb.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == verb.i - 1]
    if not subjects and named and verb.pos_ == "VERB" and verb.tag_ == "VBZ":
        return named[0]  # “...,” Kim notes: the parser read "Kim notes" as a noun phrase
    after = [c for c in subjects if c.i > verb.i]
    if len(subjects) > 1 and after and verb.i > 0 and verb.nbor(-1).text in _CLOSING_MARKS:
        return after[0]  # “..., the foundation, ...,” said a person close to them: not a noun in the quote
    reporter = reporter_of(verb)  # "X said the plan was late and warned that ...": X warns
    if reporter is not None:
        verb = reporter
    participle = verb.tag_ == "VBG"  # "..., warning that" goes with the sentence's speaker
    if participle:
        verb = _past_noun_clause(verb)
    if participle and verb.dep_ == "pcomp" and verb.head.lower_ in _GERUND_PREPS and _acting(verb.head.head):
        verb = verb.head.head  # "she opened by saying, “...”": who opened says it
    elif participle and verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ in _QUOTING:
        quoted = [c for c in verb.head.head.children if c.dep_ == "nsubjpass"]
        if quoted:
            return quoted[0]  # "Vale was quoted as saying that ...": the one quoted says it
    for _ in range(4):
        subject = cues.logical_subject(verb)
        if subject is not None:
            if subject.lower_ in {"who", "that", "which"} and verb.dep_ == "relcl":
                return verb.head
            if _cut_at_hyphen(subject):
                named = [c for c in verb.children if c.dep_ in {"dobj", "attr"} and c.i > subject.i + 1]
                named = [c for c in named if c.pos_ == "PROPN"]
                return named[-1] if named else subject
            return subject
        if verb.dep_ not in {"conj", "advcl", "xcomp"} or verb.head.i == verb.i:
            return None
        verb = verb.head
        own = cues.logical_subject(verb)
        if verb.dep_ == "ccomp" and cues.is_speech_verb(verb.head) and (participle or own is None):
            # "X said the country lacks ..., warning that": X warns; but in "X added
            # that farmers called her to say ...", the farmers say it
            verb = verb.head
    return None


_SETTING_OFF = frozenset({",", "—", "–", "-", "--"})


def _past_noun_clause(participle: Token) -> Token:
    """For "X dismissed the charge that Y broke the law — saying ...", the verb
    the participle goes with: the parser hangs "saying" on the clause of the
    noun ("broke"), whose subject is what X dismissed, not who speaks. A
    participle set off by a dash or comma after a noun's "that" clause goes
    with the verb that governs the noun."""
    head = participle.head
    if participle.dep_ != "advcl" or participle.i == 0 or participle.nbor(-1).text not in _SETTING_OFF:
        return participle
    if head.dep_ != "acl" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
        return participle
    governing = head.head
    while governing.pos_ not in {"VERB", "AUX"} and governing.head.i != governing.i:
        governing = governing.head
    return governing if governing.pos_ in {"VERB", "AUX"} else participle


def _misread_finite_verb(verb: Token) -> Token | None:
    """The subject of a past-tense verb that the parser hangs on the noun
    before it ("Kim, speaking in her weekly radio slot, called Lee a “windbag”":
    "called" as a clause of "slot"). A verb with a tense after a comma
    describes no noun, nor does a participle with both an object and what
    the object is called ("a show, called “Mornings”," names the show: one
    complement); the sentence's subject, up the phrase it hangs from, does it."""
    if verb.dep_ != "acl" or verb.i == 0 or verb.nbor(-1).text != ",":
        return None
    complements = [c for c in verb.children if c.dep_ in {"dobj", "oprd", "attr"}]
    # "called Lee a “windbag”" with "windbag" hung on "Lee": still two complements
    complements += [g for c in complements for g in c.children if g.dep_ in {"dobj", "oprd", "attr"}]
    if verb.tag_ != "VBD" and not (verb.tag_ == "VBN" and (len(complements) >= 2 or _opens_quotation(verb))):
        return None
    token = verb.head
    for _ in range(6):
        if token.dep_ == "nsubj":
            return token
        if token.dep_ not in {"pobj", "prep", "acl", "appos", "compound"} or token.head.i == token.i:
            return _after_relative_clause(verb)
        token = token.head
    return _after_relative_clause(verb)


def _after_relative_clause(verb: Token) -> Token | None:
    """The name a relative clause set in commas describes, when the verb comes
    right after the clause's closing comma ("Lind, who had lost the vote to
    Kim, called for a recount"): the parser hangs the verb inside the clause,
    but the name is its subject."""
    token = verb.head
    while token.dep_ != "relcl" and token.head.i != token.i:
        token = token.head
    if token.dep_ != "relcl" or token.head.pos_ not in {"PROPN", "NOUN"}:
        return None
    name = token.head
    opened = name.i + 1 < len(verb.doc) and verb.doc[name.i + 1].text == ","
    return name if opened and token.left_edge.i == name.i + 2 else None


def _opens_quotation(verb: Token) -> bool:
    """Whether a speech verb ends its phrase with a colon that a quote mark
    follows ("Kim, the party's candidate, posted in reply: “...”"): it says
    the words, it does not describe a noun the way "Kim, asked about it, ..." does."""
    doc = verb.doc
    after = verb.right_edge.i + 1
    return (
        cues.is_speech_verb(verb)
        and after + 1 < len(doc)
        and doc[after].text == ":"
        and doc[after + 1].text in {"“", '"', "''", "‘", "'"}
    )


def _inverted_speaker(verb: Token) -> Token | None:
    """The speaker of "..., argued Mendelsohn" or "“...,” points out the
    owner", which the parser reads as the verb's object."""
    if cues.logical_subject(verb) is not None or verb.i == 0 or verb.nbor(-1).text not in {",", *_CLOSING_MARKS}:
        return None
    if verb.tag_ == "VBG" or verb.lemma_.lower() == "tell":
        return None  # "..., telling CNBC: ...": the object is who listened
    objects = [c for c in verb.children if c.dep_ in {"dobj", "attr"} and verb.i < c.left_edge.i <= verb.i + 2]
    # “...,” said Kim, explaining ...: the parser may read the name as an adverb of the verb
    objects += [c for c in verb.children if c.dep_ in {"advmod", "npadvmod"} and c.i == verb.i + 1 and _a_name(c)]
    if not objects:
        return _split_quote_speaker(verb)
    if _cut_at_hyphen(objects[0]):
        # "mused Harbor co-host Tim Vollmer": the parser breaks the phrase at
        # the hyphen ("Harbor co" an object of its own); the name is further on.
        later = [c for c in verb.children if c.dep_ in {"dobj", "attr"} and c.i > objects[0].i + 1]
        named = [c for c in later if c.pos_ == "PROPN"]
        objects = named[-1:] or objects
    after_quote = verb.nbor(-1).text in _CLOSING_MARKS
    return objects[0] if _a_name(objects[0]) or (after_quote and objects[0].pos_ == "NOUN") else None


def _a_name(token: Token) -> bool:
    """A proper noun, or a capitalised word the tagger read as another part of
    speech that the text uses elsewhere as a name ("said Skelly" with
    "Skelly" an adverb, after "Joe Skelly" earlier)."""
    if token.pos_ == "PROPN":
        return True
    if not token.text[:1].isupper() or token.i == cues.sentence(token).start:
        return False
    return any(t.text == token.text and t.pos_ == "PROPN" for t in token.doc if t.i != token.i)


def _cut_at_hyphen(token: Token) -> bool:
    """Whether ``token`` is the first half of a hyphenated word ("co" in "co-host")."""
    doc = token.doc
    return not token.whitespace_ and token.i + 2 < len(doc) and doc[token.i + 1].text in {"-", "‐"}


def _split_quote_speaker(verb: Token) -> Token | None:
    """The speaker of “The risk,” said Kim, “is that ...”, which the parser
    reads as the subject of the quote's own verb: the name right after "said";
    and of “...,” said the driver, who ..., which it reads as the subject of a
    clause under "said": the noun phrase right after it."""
    if verb.i + 1 >= len(verb.doc):
        return None
    name = verb.nbor(1)
    while name.dep_ in {"compound", "det", "amod", "nummod", "poss"} and name.head.i > name.i:
        name = name.head
    if name.dep_ != "nsubj" or name.left_edge.i != verb.i + 1:
        return None
    if verb.dep_ == "parataxis" and name.pos_ == "PROPN" and name.head.i == verb.head.i:
        return name
    below = name.head.i != verb.i and verb.is_ancestor(name.head)
    if below and name.pos_ in {"NOUN", "PROPN"} and verb.nbor(-1).text in _CLOSING_MARKS:
        return name
    return None


def content_span(verb: Token, requests: bool = False) -> tuple[int, int] | None:
    """Character span of what a speech verb reports: its clausal complement
    ("said the talks would expand"), a gerund clause ("said having him back
    was a boost"), or the clause a parenthetical "..., he said, ..."
    interrupts. "urged Kim to move faster" reports a request, an event
    between two parties, not a quote of either; with ``requests`` (for an
    attribution, which credits the request to its source) its span is the
    object plus the infinitive."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    clauses += [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
    if clauses:
        clause = clauses[0]
        later = [c for c in clause.children if c.dep_ == "conj" and _reported_by(c, verb)]
        cut = min((c.left_edge.i for c in later), default=len(verb.doc))
        for c in later:  # the "and" before the speaker's next act goes too
            cut = min([cut, *(t.i for t in clause.children if t.dep_ == "cc" and t.i < c.i and t.i > clause.i)])
        tokens = [t for t in clause.subtree if t.i < cut]
        return tokens_span(on_line(verb, _object_as_subject(verb, clause) + tokens))
    hung = _clause_on_phrase(verb)
    if hung is not None:
        return tokens_span(on_line(verb, hung.subtree))
    if requests and verb.lemma_.lower() in _REQUEST_VERBS:
        request = request_span(verb)
        if request is not None:
            return request
    if _as_remark(verb):
        # "As the minister noted, the tunnel will not open": the clause the "as" phrase comments on
        rest = [t for t in on_line(verb, verb.head.subtree) if not verb.left_edge.i <= t.i <= verb.right_edge.i]
        return tokens_span(rest)
    inserted = verb.dep_ == "parataxis" or (verb.dep_ in {"conj", "ccomp"} and verb.head.i < verb.i)
    if inserted and _set_off(verb) and _short_speech_clause(verb):
        return _interrupted(verb)
    return None


# Verbs whose object is the listener, not a misread subject ("told the crews ...").
_LISTENING = words("tell ask inform brief remind assure warn")


def _object_as_subject(verb: Token, clause: Token) -> list[Token]:
    """The subject of a reported clause that the parser made the verb's
    object: in "added the ferry's owner was unknown", "the ferry's owner"
    comes out as the object of "added" and "was unknown" as a clause
    with no subject. The object right before such a clause is its subject;
    a listener ("told the crews ...") is not."""
    if _has_subject(clause) or verb.lemma_.lower() in _LISTENING:
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i]
    return list(objects[0].subtree) if objects and objects[0].i > verb.i else []


def _clause_on_phrase(verb: Token) -> Token | None:
    """The "that" clause the parser hung on the noun of a phrase after the
    verb instead of on the verb: in "said in a statement that the bridge
    would reopen" or "told reporters on the flight that ...", "that the
    bridge would reopen" comes out as a modifier of "statement". A clause
    with "that" as its conjunction and a subject of its own is no relative
    clause ("a statement that was released": "that" is the subject there),
    so it is what the verb reports. Only a phrase right after the verb is
    read: "said the plan in the report that ..." has a clause of its own."""
    for child in verb.children:
        if child.dep_ not in {"prep", "dobj", "dative", "npadvmod"} or child.i < verb.i:
            continue
        for token in child.subtree:
            if token.dep_ not in {"acl", "relcl", "ccomp"} or token.i < child.i or not _in_setting(token.head, child):
                continue
            marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ == "that"]
            if marks and marks[0].i == token.left_edge.i and _has_subject(token):
                return token
    return None


# Occasions of speaking, lower-cased: "said at a rally that", "wrote for the second time that".
_OCCASIONS = words(
    "time piece article editorial call event rally fundraiser hearing meeting session dinner debate forum visit "
    "trip stop ceremony summit"
)


def _in_setting(noun: Token, phrase: Token) -> bool:
    """Whether the phrase after the verb that a clause hangs on (from
    ``phrase`` down to ``noun``) says where, when or to whom something was
    said: a channel, a listener, an occasion or a date ("in a statement",
    "told the crowd at a harbour dinner", "on Sunday"). Only there is a
    "that" clause after it the verb's; after other nouns it is their own
    ("answered the charge that ...", "backs the view that ...", "noted
    the cost that a new quay would bring": a relative clause with "that"
    as its object reads the same)."""
    token: Token | None = noun
    while token is not None:
        lower = token.lower_
        if lower in cues.CHANNEL_NOUNS or lower in cues.LISTENER_NOUNS or lower in _OCCASIONS:
            return True
        if token.ent_type_ in {"DATE", "TIME"}:
            return True
        token = token.head if token.i != phrase.i and token.head.i != token.i else None
    return False


def _reported_by(verb: Token, speech: Token) -> bool:
    reporter = reporter_of(verb)
    return reporter is not None and reporter.i == speech.i


def reporter_of(verb: Token) -> Token | None:
    """The speech verb whose speaker does ``verb``, when the parser hung a
    report or a charge on the clause that speaker reports: in "X said the
    talks lasted six hours and accused Y of stalling", "accused" has no
    subject and is joined to "lasted", but X accuses, not the talks."""
    if verb.dep_ != "conj" or verb.lemma_.lower() not in _REPORTING or cues.logical_subject(verb) is not None:
        return None
    head = verb.head
    if head.dep_ == "ccomp" and head.head.i < head.i and cues.is_speech_verb(head.head):
        return head.head
    return None


def request_span(verb: Token) -> tuple[int, int] | None:
    """What a request verb asks for, as the one asked plus the act: "urged
    Kim to move faster", "called on the council to reverse it" (the one
    asked after "on"), or a "for" clause with its own subject ("asked for
    the state to cut its budget", the "for" left out)."""
    asked = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    asked += [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
        for o in c.children
        if o.dep_ == "pobj"
    ]
    infinitives = [c for c in verb.children if c.dep_ == "xcomp"]
    if asked and infinitives and min(a.i for a in asked) < infinitives[0].i:
        first = min(asked, key=lambda t: t.i)
        return tokens_span(on_line(verb, [*first.subtree, *infinitives[0].subtree]))
    for clause in verb.children:
        marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"]
        if clause.dep_ in {"advcl", "ccomp"} and clause.i > verb.i and marks and _has_subject(clause):
            return tokens_span(on_line(verb, [t for t in clause.subtree if t.i != marks[0].i]))
    return None


def _has_subject(clause: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)


def _as_remark(verb: Token) -> bool:
    """ "As X noted, <clause>": an "as" clause set off before the clause it
    credits. After its clause "as" is more often time or comparison ("rose
    as the two sides agreed to talk", "as others might argue for ...")."""
    if verb.dep_ != "advcl" or verb.i > verb.head.i or verb.right_edge.i + 1 >= len(verb.doc):
        return False
    return verb.doc[verb.right_edge.i + 1].text == "," and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )


def _short_speech_clause(verb: Token) -> bool:
    """ "he said", "argued Mendelsohn": a speech clause with its own speaker and
    little else, not a predicate sharing the sentence's subject."""
    own = cues.logical_subject(verb) is not None or _inverted_speaker(verb) is not None
    return own and verb.right_edge.i - verb.left_edge.i <= 8


def _set_off(verb: Token) -> bool:
    """True for a speech clause set off by a comma: "..., he said"."""
    first = verb.left_edge
    while first.is_punct and first.i < verb.i:
        first = first.nbor(1)
    return first.i > 0 and first.nbor(-1).text in {",", "”", '"', "’", "''"}


def _interrupted(verb: Token) -> tuple[int, int] | None:
    """The clause around "..., he said": what comes before the speech clause,
    or the whole clause when it carries on after it ("Every cent, they
    insist, will be paid back")."""
    head_tokens = on_line(verb, verb.head.subtree)
    before = [t for t in head_tokens if t.i < verb.left_edge.i]
    after = [t for t in head_tokens if t.i > verb.right_edge.i and not t.is_punct]
    return tokens_span(head_tokens if len(after) >= 2 else before)


def on_line(anchor: Token, tokens: Iterable[Token]) -> list[Token]:
    """The tokens on the same line (paragraph) as ``anchor``: the parser's
    sentences sometimes run across a headline or a caption into the body."""
    start, end = cues.line_bounds(anchor)
    return [t for t in tokens if start <= t.i < end]


def tokens_span(tokens: list[Token]) -> tuple[int, int] | None:
    """Offsets of a token run without its edge punctuation; None if too short."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if len(words) < 3:
        return None
    words.sort(key=lambda t: t.i)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def claim_around(according: Token) -> tuple[int, int] | None:
    """The sentence around an "according to X" phrase, the phrase cut out."""
    phrase = list(according.subtree)
    sent = on_line(according, cues.sentence(according))
    before = [t for t in sent if t.i < phrase[0].i]
    after = [t for t in sent if t.i > phrase[-1].i]
    side = before if len(before) >= len(after) else after
    return tokens_span(side)


def surface_span(subject: Token) -> tuple[int, int]:
    """The speaker as written: the whole name, or the noun phrase up to a comma."""
    doc = subject.doc
    ent = docindex.entity_of(subject)
    if ent is not None and ent.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
        start = ent.start
        if start > 0 and doc[start - 1].lower_.rstrip(".") in _HONORIFICS:
            start -= 1
        return doc[start].idx, ent.end_char
    if subject.pos_ == "PRON":
        return subject.idx, subject.idx + len(subject.text)
    tokens = list(subject.subtree)
    cut = next((_phrase_end(t, subject) for t in tokens if t.i > subject.i and _ends_phrase(t, subject)), None)
    dash = max((t.i for t in tokens if t.i < subject.i and _dash(t)), default=None)
    tokens = [t for t in tokens if (cut is None or t.i < cut) and (dash is None or t.i > dash)]
    last = subject.i
    while last + 1 <= tokens[-1].i and any(t.i == last + 1 for t in tokens):
        last += 1  # the phrase as written is one run: "The union answered ... - one of them" stops at "union"
    if last > subject.i and doc[last].dep_ == "case":
        last -= 1  # "the mayor's (claim)": the owner, without the possessive
    return tokens[0].idx, subject.doc[last].idx + len(subject.doc[last].text)


def _dash(token: Token) -> bool:
    """A dash between words: "—", "–", "--", or a hyphen with spaces on both
    sides ("a veteran - others say a rookie -"); a hyphen inside a name
    ("Smith-Ode") is no break."""
    if token.text in {"—", "–", "--"}:
        return True
    spaced_before = token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text == "-" and spaced_before and bool(token.whitespace_)


def _phrase_end(token: Token, head: Token) -> int:
    """The first token left out: a time phrase goes whole ("this week"), a
    clause from its verb (the attribution spans keep the "who" before it)."""
    return token.left_edge.i if _time_phrase(token, head) else token.i


def _time_phrase(token: Token, head: Token) -> bool:
    """A time the parser hung on a speaker's name: "Ms Ode this week", "tenants on Monday" (not a
    date deeper in the phrase: "veterans of the 2003 war")."""
    if token.head.i != head.i:
        return False
    if token.ent_type_ in {"DATE", "TIME"} and token.ent_iob_ == "B":
        return True
    if token.dep_ == "prep":
        return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in token.children)
    return token.dep_ == "npadvmod"


def _ends_phrase(token: Token, head: Token) -> bool:
    """Where a speaker's noun phrase stops: an appositive comma or dash, a
    clause ("senior councillors who argue ...", "staff not allowed to comment
    ..."), or a time the parser hung on the name ("Ms Ode this week said").
    An en dash or a spaced hyphen after the head stays: the GGT speakers as
    written keep what follows it, and cutting there lowered their score."""
    if token.text in {",", "(", "—"} or _time_phrase(token, head):
        return True
    return token.head.i == head.i and token.dep_ in {"relcl", "acl"}


# Head nouns of a share of a polled population ("62 percent say", "a majority of voters said").
_SHARE_HEADS = words("percent % percentage majority minority plurality respondent half third quarter fifth share")


# Modals that make a saying possible rather than reported ("critics might argue").
_HYPOTHETICAL_MODALS = words("might could may would")
# Subjects that name no one in particular.
_ANYONE = words("one some others critics sceptics skeptics observers people someone anyone many few")


def hypothetical_saying(verb: Token, subject: Token) -> bool:
    """Whether a speech verb imagines what someone in general could say
    ("critics might argue that ...", "one could say ..."): the writer's own
    argument, not anyone's statement, so no quote."""
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in _HYPOTHETICAL_MODALS for c in verb.children)
    return modal and not subject.ent_type_ and subject.lower_ in _ANYONE


def no_ones_statement(verb: Token, subject: Token) -> bool:
    """Whether a speech verb reports what no one in particular said: a poll's
    finding ("Six in 10 voters say", "52 percent who say"). That is no quote;
    the attributions component still credits the claim to its source."""
    noun = subject
    if noun.lower_ in {"who", "that", "which"} and noun.head.dep_ == "relcl":
        noun = noun.head.head
    if noun.lemma_.lower() in _SHARE_HEADS or noun.lower_ in _SHARE_HEADS:
        return True
    if verb.dep_ == "relcl" and noun.dep_ == "pobj" and noun.head.lower_ == "among":
        return True  # "a lead among voters who say they will vote": a polled group, defined by its answer
    # "three in four (voters)", "six out of 10": a ratio of numbers
    phrase = list(noun.subtree)
    ratio = [t for t in phrase if t.lower_ in {"in", "out"} and (t.head.pos_ == "NUM" or t.dep_ == "quantmod")]
    return bool(ratio) and any(t.pos_ == "NUM" for t in phrase)


# Verbs whose infinitive is left undone ("declined to say that ...", "hesitated to
# say"), unless the verb is negated ("did not hesitate to say", "never failed to say").
_REFUSING = words("refuse decline fail neglect hesitate")
_NEGATIONS = words("not n't never no")


def negated(verb: Token) -> bool:
    """Whether ``verb`` is negated ("did not refuse", "never hesitated")."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEGATIONS) for c in verb.children)


def unrealised_saying(verb: Token) -> bool:
    """Whether a speech verb tells of something nobody has said: an
    infinitive with a subject of its own ("dared him to say that ...", "wants
    them to admit that ..."), what someone is pressed or wished to say; or a
    verb in an open question ("unclear whether the court would rule that
    ...", "asked if she would say ..."); or one refused ("declined to say
    that ...", but not "did not hesitate to say that ..."). An infinitive
    sharing its clause's subject ("called her to say", "went on to say") is
    said by that subject."""
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSING and not negated(verb.head):
        return True  # "refused to say that ...": what someone would not say; "did not hesitate to say" said it
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return verb.tag_ == "VB" and to and any(c.dep_ == "nsubj" for c in verb.children)
