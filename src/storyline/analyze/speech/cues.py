"""The one place for the words that signal speech, reports, channels and sources.

Quotes and attributions both hinge on small closed vocabularies: the verbs
reporters use to introduce speech ("said", "warned", "told"), the phrases that
relay a claim through an outlet ("according to", "reported"), the media a
statement came through ("in a post on X", "told reporters") and the nouns that
say what kind of source spoke ("officials", "the report", "news agency").
Keeping them here means a new cue word is one edit, and the quote and
attribution components cannot disagree about what counts as speech. The speech
verbs themselves are in :mod:`storyline.lexicon`, because the events component
reads them too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal

from ...lexicon import SPEECH_VERBS, words
from .. import docindex
from ..phrases import according_to

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SourceType = Literal["outlet", "person", "organization", "document", "anonymous"]


# Verbs whose object is a name for something ("termed them 'difficult'"):
# a quoted fragment in their complement is the speaker's own wording.
NAMING_VERBS = words(
    "term call describe dub label brand characterize characterise deem hail "
    "dismiss denounce condemn decry blast slam lambaste praise tout mock deride "
    "accuse refer reject assail ridicule"  # "accused X of “...”", "referring to X as “...”"
)

# Verbs an outlet uses when it is the source of a claim ("Reuters reported").
REPORT_VERBS = words("report write say reveal learn cite quote publish")
# The ones that credit a claim to its source whoever that is ("X revealed that"),
# and make an organisation that uses them an outlet.
CREDIT_VERBS = words("report reveal learn publish")

# Nouns naming the medium of a statement, lower-cased ("in a post on X").
CHANNEL_NOUNS = words(
    "post tweet statement interview briefing conference release email e-mail letter speech video message "
    "broadcast podcast op-ed column blog memo address remarks appearance telegram twitter x facebook "
    "instagram tiktok youtube linkedin threads bluesky weibo media television radio livestream stream"
)
CHANNEL_PREPS = words("in on at during via through")

# Who a statement can be "told" to without that being its content.
LISTENER_NOUNS = words("reporters journalists press media audience crowd supporters lawmakers parliament viewers")

# Words that mark a name or description as a news organisation.
MEDIA_WORDS = words(
    "news agency newspaper paper broadcaster broadcasting daily weekly magazine journal times post "
    "gazette tribune herald telegraph chronicle press wire television tv radio network outlet tabloid "
    "observer guardian inquirer reporter correspondent newsroom media"
)

# A prior, not a requirement: wire services and papers seen in most coverage.
KNOWN_OUTLETS = words(
    "reuters ap afp tass interfax xinhua bloomberg bbc cnn politico axios nbc cbs abc dpa yonhap kyodo "
    "ria novosti ukrinform al jazeera associated press agence france-presse"
)

# Words that make an ORG a body that acts rather than an outlet that reports.
ORG_WORDS = words(
    "ministry department government police office council committee commission court army military "
    "forces party company corporation inc ltd university institute bank union association authority "
    "administration parliament senate congress kremlin house pentagon nato un embassy service services "
    "board foundation group"
)

# Heads of noun phrases that hide who spoke ("officials said", "a source").
ANONYMOUS_HEADS = words(
    "official source person people diplomat insider aide someone spokesperson spokesman spokeswoman"
)

# Heads of noun phrases that name a text rather than a speaker ("the report said").
DOCUMENT_HEADS = words(
    "report statement study document filing lawsuit suit complaint letter memo paper survey poll ruling "
    "decision indictment affidavit analysis data figures records release website order bill agreement "
    "note transcript document documents research audit review bulletin notice advisory guidance forecast "
    "assessment findings census minutes average datum estimate tally statistic statistics projection polling "
    "calculation computation"
)

PRONOUNS = words("he she they it we i you")

_DETERMINERS = words("the a an this that these those his her its their our my your")
_WORD = re.compile(r"[\w'’-]+")


def sentence(token: Token) -> Span:
    """The sentence holding ``token``.

    Read from the per-Doc index instead of ``Token.sent``, which
    re-segments the whole document on every call.
    """
    return docindex.sentence(token)


def line_bounds(token: Token) -> tuple[int, int]:
    """Token indices [start, end) of the line (paragraph) holding ``token``.

    The parser's sentences sometimes run across a headline or a caption
    into the body; a quote, its cue and its channel sit on one line.
    """
    return docindex.line_bounds(token)


def is_speech_verb(token: Token) -> bool:
    """True for a verb that introduces speech ("said", "warned", "told").

    Also "“...,” Okafor states.", where the tagger reads "states" as a
    plural noun with "Okafor" as its compound.
    """
    if token.lemma_.lower() not in SPEECH_VERBS or token.dep_ in {"amod", "compound", "nmod"}:
        return False
    if token.lemma_.lower() == "point":
        return any(c.lower_ == "out" for c in token.children)
    return token.pos_ in {"VERB", "AUX"} or _noun_read_verb(token) is not None


def _noun_read_verb(token: Token) -> Token | None:
    """The name before a speech verb mis-tagged as a noun, if that is the case."""
    if token.pos_ != "NOUN" or token.dep_ != "ROOT" or not token.lower_.endswith("s") or token.i == 0:
        return None
    before = token.nbor(-1)
    return before if before.dep_ == "compound" and (before.pos_ == "PROPN" or before.is_title) else None


def is_naming_verb(token: Token) -> bool:
    """True for a verb that gives something a name ("termed", "called")."""
    return token.lemma_.lower() in NAMING_VERBS and token.pos_ == "VERB"


def channel_of(verb: Token, skip: Iterable[tuple[int, int]] = ()) -> str | None:
    """The medium the statement of ``verb`` came through, or None.

    Looks at the verb's own prepositional phrases first ("said in a
    statement", "stated in his post on social media X"), then "told
    reporters"; falls back to any channel phrase in the sentence, because the
    parser often attaches a trailing "in a post on X" to the wrong word.
    """
    if verb.lemma_.lower() == "tell":
        listener = _listener(verb)
        if listener is not None:
            return f"{verb.text} {listener}"
    candidates = [c for c in verb.children if c.dep_ == "prep"] + list(sentence(verb))
    line = line_bounds(verb)
    for prep in candidates:
        if not line[0] <= prep.i < line[1]:
            continue  # another paragraph the sentence splitter ran into
        text = _channel_phrase(prep, skip)
        if text:
            return text
    return None


def _listener(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "iobj"} and child.pos_ in {"NOUN", "PROPN"}:
            words = child.doc[child.left_edge.i : child.i + 1].text
            if child.lower_ in LISTENER_NOUNS or child.ent_type_ == "ORG" or is_outlet_name(words):
                return words
    return None


def _channel_phrase(prep: Token, skip: Iterable[tuple[int, int]]) -> str | None:
    if prep.dep_ != "prep" or prep.lower_ not in CHANNEL_PREPS:
        return None
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return None
    subtree = _phrase(prep)
    words = {t.lower_.rstrip(".") for t in subtree}
    if not words & CHANNEL_NOUNS:
        return None
    last = _platform_after(subtree[-1])
    start, end = subtree[0].idx, last.idx + len(last.text)
    if any(s < end and start < e for s, e in skip):
        return None
    return prep.doc[subtree[0].i : last.i + 1].text.rstrip(".,;")


def _platform_after(last: Token) -> Token:
    """Extend "in his post on social media" by a platform name the parser
    attached elsewhere ("... social media X.")."""
    doc = last.doc
    if last.i + 1 >= len(doc) or last.text.endswith("."):
        return last
    nxt = doc[last.i + 1]
    return nxt if nxt.pos_ in {"PROPN", "NOUN"} and nxt.lower_.rstrip(".") in CHANNEL_NOUNS else last


def _phrase(head: Token) -> list[Token]:
    """The subtree of ``head`` without whitespace tokens, cut after a
    sentence-final word the parser swallowed ("on X. Medinsky ...")."""
    tokens = []
    for token in head.subtree:
        if token.is_space:
            continue
        tokens.append(token)
        ends = token.text.endswith(".") and token.whitespace_ and token.i + 1 < len(token.doc)
        if ends and (token.nbor(1).is_title or token.nbor(1).is_space):
            break
    return tokens


def relay_sources(sent: Span) -> Iterator[tuple[Token, Token]]:
    """(source head, cue token) for every relaying phrase in a sentence.

    Covers "according to X" and "X reported/reports"; the caller decides with
    :func:`source_type` whether X is an outlet (then it is a relay) or a
    speaker in its own right.
    """
    for token in sent:
        source = according_to(token)
        if source is not None:
            yield source, token
        elif token.lemma_.lower() in REPORT_VERBS and token.pos_ == "VERB":
            subject = logical_subject(token)
            if subject is not None:
                yield subject, token


def logical_subject(verb: Token) -> Token | None:
    """Who does what ``verb`` says: its active subject (nsubj), the name before a
    verb mis-read as a noun, or the agent of a passive ("was told by X": X).

    Not :func:`storyline.analyze.events.participants.active_subject`, which
    never takes a passive's agent and reads a stative participle's subject.
    """
    for child in verb.children:
        if child.dep_ == "nsubj" and not child.is_punct:
            return child
    if verb.pos_ == "NOUN":
        return _noun_read_verb(verb)
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def is_outlet_name(name: str) -> bool:
    """True when a name reads as a news organisation by its words alone."""
    words = [w.lower() for w in _WORD.findall(name)]
    if not words:
        return False
    if " ".join(w for w in words if w not in _DETERMINERS) in KNOWN_OUTLETS or words[-1] in KNOWN_OUTLETS:
        return True
    if any(w in ORG_WORDS for w in words) and not {"news", "newspaper", "agency"} & set(words):
        return False
    return any(w in MEDIA_WORDS for w in words[1:] + words[:1]) and len(words) <= 6


def source_type(head: Token, cue_lemma: str = "", label: str | None = None) -> SourceType:
    """Classify the source whose head token is ``head``.

    Generic evidence decides: a name whose words are a news organisation's
    ("The Daily Planet", "state news agency"), or an organisation that
    "reported" something, is an outlet; bare or quantified "officials" and
    "sources" are anonymous; "the report" is a document; other names go by
    their entity type ``label`` (the entities component's, when given).
    """
    phrase = head.doc[head.left_edge.i : head.i + 1].text
    label = label or head.ent_type_
    named_thing = _the_name(head)
    if label == "PERSON" and not named_thing:
        return "person"
    if is_outlet_name(phrase):
        return "outlet"
    if cue_lemma in CREDIT_VERBS and (label == "ORG" or named_thing) and not _org_words(phrase):
        return "outlet"
    if head.pos_ == "PROPN":
        return "organization" if label in {"ORG", "GPE", "NORP", "FAC"} or named_thing else "person"
    return _common_noun_type(head)


def _the_name(head: Token) -> bool:
    """True for "The Morning Ledger": a capitalised "The" before a proper
    name marks an institution or a title, never a person."""
    first = head.left_edge
    return head.pos_ == "PROPN" and first.text == "The" and first.i < head.i


def has_org_words(head: Token) -> bool:
    """Whether the name ``head`` ends has a word of an organisation's name ("Acme Holdings")."""
    return _org_words(head.doc[head.left_edge.i : head.i + 1].text)


def _org_words(phrase: str) -> bool:
    return any(w.lower() in ORG_WORDS for w in _WORD.findall(phrase))


def _common_noun_type(head: Token) -> SourceType:
    lemma = head.lemma_.lower()
    if lemma in ANONYMOUS_HEADS:
        return "anonymous"
    if lemma in DOCUMENT_HEADS:
        return "document"
    if head.lower_ in PRONOUNS:
        return "person"
    return "organization" if lemma in ORG_WORDS else "person"
