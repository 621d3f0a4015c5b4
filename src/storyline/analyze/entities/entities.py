"""Named entities, merged within one article, with the roles the article gives them.

spaCy's statistical NER is the starting point; rules of ours fix the errors
that matter most in news: a person after a title the small model misses
("Defense Minister Rustem Umerov"), a ministry word taken for an organisation
("Defense"), a possessive taken for an organisation ("Trump's envoy"), and
titles or articles inside a name. Mentions are then merged into one Entity per
person or organisation ("Zelenskyy" = "Volodymyr Zelenskyy" = "Zelensky"), and
the corrected spans are written back to ``doc.ents`` so later components
(quotes, events) see the same people this one found.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ...model import Entity
from ...settings import Settings
from .. import docindex
from ..registry import Found, component
from . import gazetteer, names
from .names import Cluster, cluster_mentions, is_full_name, is_surname_variant, labelled
from .roles import (
    HONORIFICS,
    KINSHIP,
    ORG_SUFFIXES,
    PERSONAL_NOUNS,
    PORTFOLIOS,
    ROLE_NOUNS,
    dedupe_roles,
    is_role_word,
    is_title_word,
    may_be_title_word,
    roles_for,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)

# Entity types kept as Entity records; numbers and dates belong to other components.
KEPT_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")
_POSSESSIVES = {"'s", "’s", "'", "’"}
_SEPARATORS = {"/", "|", "•", "·"}  # photo credits and bylines: "Jane Doe / Reuters"
_MAX_NAME_TOKENS = 4


@component("entities", fills="entities")
def find_entities(doc: Doc, *, found: Found, settings: Settings) -> Iterator[Entity]:
    """Yield one Entity per person, organisation or place, in order of first mention."""
    model_spans = {(e.start, e.end, e.label_) for e in doc.ents}  # before our rules change them
    spans = fix_spans(doc)
    clusters = cluster_mentions(s for s in spans if s.label_ in KEPT_TYPES)
    _add_repeated_names(doc, clusters, spans)
    _write_back(doc, spans, clusters)
    for n, cluster in enumerate(sorted(clusters, key=lambda c: c.first), 1):
        yield _to_entity(cluster, f"e{n}", model_spans)


# --- Fixing spaCy's spans ----------------------------------------------------------


def fix_spans(doc: Doc) -> list[Span]:
    """spaCy's entity spans, corrected by the rules of this module (all labels kept)."""
    spans = [s for s in (_clean_span(e) for e in doc.ents) if s is not None]
    spans = [s for s in (_within_sentence(s) for s in spans) if s is not None and _may_be_name(s)]
    spans = _outside_headlines(doc, spans)
    spans = [_before_inner_possessive(_after_role_of(s)) for s in spans]
    spans = [s for s in spans if not _is_portfolio(s) and not _is_clause(s) and not _is_common_noun_use(s)]
    spans = [_with_group_name(s) for s in spans]
    spans = _recover_titled_persons(doc, spans)
    spans = [_relabel_dateline(_relabel_possessor(_relabel_place(s))) for s in spans]
    spans = _retype(doc, spans)
    spans = _qualify_institutions(doc, spans)
    return _recover_unlabelled(doc, spans)


_QUARTER = re.compile(r"^[QH][1-4]$")
# A lowercase letter followed by a capital inside a word ("McDonald" has one, "YouTube" one).
_CAMEL_HUMP = re.compile(r"[a-z][A-Z]")


def _may_be_name(span: Span) -> bool:
    """Whether a span can be a name at all: some capital letter ("meth" is not), not a
    fiscal quarter ("Q3"), not a unit after a number ("4.5 MW")."""
    text = span.text
    if not any(c.isupper() for c in text) or _QUARTER.match(text):
        return False
    if any(len(_CAMEL_HUMP.findall(t.text)) >= 3 for t in span):
        return False  # "SmithShareLikeReply": words of a page's furniture glued into one token
    doc = span.doc
    after_number = span.start > 0 and doc[span.start - 1].like_num
    unit = len(span) == 1 and len(text) <= 4 and span.label_ not in {"GPE", "NORP", "PERSON"}
    return not (after_number and unit)


def _before_inner_possessive(span: Span) -> Span:
    """ "Arvid Holm's Nordvik Shipping" as one PERSON: the person is the possessor alone."""
    if span.label_ != "PERSON":
        return span
    cut = next((t.i for t in span[1:-1] if t.lower_ in _POSSESSIVES), None)
    return span if cut is None else labelled(span.doc, span.start, cut, "PERSON")


def _after_role_of(span: Span) -> Span:
    """ "Director of Tallis Freight Ltd": the organisation starts after a role word and "of"."""
    if span.label_ != "ORG" or len(span) < 3:
        return span
    i = span.start
    while i < span.end - 1 and is_role_word(span.doc[i]):
        i += 1
    if i == span.start or span.doc[i].lower_ != "of" or i + 1 >= span.end:
        return span
    return labelled(span.doc, i + 1, span.end, "ORG")


def _within_sentence(span: Span) -> Span | None:
    """The part of a span inside one sentence: a name never runs across a sentence end.

    "X. The Taliban" (a boundary the tokenizer hid) keeps its longest part,
    cleaned again ("Taliban"); a part that is one lowercase-tagged common word
    ("Militants" opening a sentence) is no name and is dropped.
    """
    doc = span.doc
    cuts = [i for i in range(span.start + 1, span.end) if doc[i].is_sent_start]
    if not cuts:
        return span
    bounds = [span.start, *cuts, span.end]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if any(t.is_alpha for t in doc[a:b])]
    if not pieces:
        return None
    start, end = max(pieces, key=lambda p: (sum(doc[i].is_alpha for i in range(*p)), p[0]))
    piece = _clean_span(labelled(doc, start, end, span.label_))
    if piece is None or len(piece) == 1 and piece[0].pos_ == "NOUN":
        return None
    return piece


# Capitals and countries that are also common given names stay as the model says.
_NAME_LIKE_PLACES = {"sofia", "santiago", "victoria", "georgia", "jordan", "chad", "israel", "lima"}


def _relabel_place(span: Span) -> Span:
    """A one-word "person" that is a capital or a country is the place ("Kyiv said", "talks with Kyiv").

    People in news are introduced by full name; the small model often tags a
    capital used for its government as PERSON.
    """
    key = span.text.lower()
    one_word_person = span.label_ == "PERSON" and len(span) == 1 and key not in _NAME_LIKE_PLACES
    if one_word_person and (key in gazetteer.CAPITALS or span.text in gazetteer.COUNTRIES):
        return _relabel(span, "GPE")
    return span


# --- Headlines and datelines --------------------------------------------------------

# Dashes a dateline ends with: "OSLOBURG, Del. (NPA) —".
_DASHES = frozenset(["—", "–", "-", "--"])


def _outside_headlines(doc: Doc, spans: list[Span]) -> list[Span]:
    """Names in a Title Case headline only where the article's running text bears them out.

    In "Senator Reveals Budget Deal And Voters Caught Off Guard" every word is
    capitalised, and the model takes runs of common words for names ("Reveals
    Budget" PERSON). A name in such a sentence is kept when each of its words
    appears, capitalised the same way and not opening a sentence, in the rest
    of the article; a real name in a headline is nearly always repeated there.
    """
    headlines = _headline_sentences(doc)
    if not headlines:
        return spans
    in_headline = {i for start, end in headlines for i in range(start, end)}
    words = docindex.words(doc).text
    opens = set(docindex.sentence_starts(doc))
    body = {word for i, word in enumerate(words) if i not in in_headline and i not in opens}
    return [
        s
        for s in spans
        if s.start not in in_headline
        or s.label_ not in KEPT_TYPES
        or all(words[i] in body for i in range(s.start, s.end) if len(words[i]) > 1 and words[i].isalpha())
    ]


def _headline_sentences(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each line or sentence written in Title Case.

    Title Case: at least four words of four letters or more, all capitalised
    but one in eight at most ("... Some Will Want To hear"), three of them in
    title case (an all-caps wire headline is not one), and two of them common
    words (a stop word, or a word the article also writes in lowercase), which a
    row of names in a table has not. Lines count as well as sentences: the parser
    may split a headline at a capitalised "And". Every line and sentence is
    tested on the token strings; Token objects are made only for the few that
    pass the capitalisation test.
    """
    index = docindex.doc_index(doc)
    words = docindex.words(doc)
    lowercase = {w for w in words.text if w.islower()}
    lines = sorted(set(zip(index.line_start, index.line_end, strict=True)))
    found = []
    for start, end in [*lines, *index.sent_bounds]:
        long = [i for i in range(start, end) if len(words.text[i]) > 3 and words.text[i].isalpha()]
        if len(long) < 4 or sum(not words.text[i][0].isupper() for i in long) > len(long) // 8:
            continue
        titled = sum(words.text[i].istitle() for i in long)
        common = sum(doc[i].is_stop or words.lower[i] in lowercase for i in long)
        if titled >= 3 and common >= 2:
            found.append((start, end))
    return found


def _relabel_dateline(span: Span) -> Span:
    """A dateline's place and agency: "OSLOBURG, Del. (NPA) —" opens a line with the
    place in capitals before a comma, a dash or a date; the agency stands in brackets
    before the dash. The model types the place ORG and the agency NORP or PERSON."""
    doc = span.doc
    label = span.label_
    if label not in {"GPE", "LOC", "FAC"} and _opens_line(span) and span.text.isupper() and len(span.text) > 2:
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and (after.text == "," or after.text in _DASHES or after.like_num):
            return _relabel(span, "GPE")
    if label != "ORG" and span.start > 0 and span.end + 1 < len(doc) and span.text.isupper():
        bracketed = doc[span.start - 1].text == "(" and doc[span.end].text == ")"
        if bracketed and doc[span.end + 1].text in _DASHES:
            return _relabel(span, "ORG")
    return span


def _opens_line(span: Span) -> bool:
    """Whether only spaces stand between the span and the start of its line.

    Reads the doc index's text and only the span's own line: ``Doc.text``
    joins the whole article anew on each access, once per candidate name."""
    text = docindex.doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return not text[line_start : span.start_char].strip(" \t")


# --- Types checked against the gazetteer and the article's own evidence ----------

# Prepositions that put a name in a place: "in Novi Brest" is a place, not a person.
_LOCATIVE = frozenset(["in", "near", "outside", "inside", "across", "throughout"])


def _retype(doc: Doc, spans: list[Span]) -> list[Span]:
    """Types the model gets wrong, corrected from the gazetteer and the article itself.

    A person is never a country or a capital (unless the article names a person
    of that name in full), never a named storm ("Cyclone Jude"), never a known
    armed group ("al-Shabab") and never the object of "in" or "near" ("in Novi
    Brest"). A storm's bare name repeated later ("Jude moved north") is the storm.
    """
    person_words = {t.lower_ for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}
    given_words = frozenset(s[0].text for s in spans if s.label_ == "PERSON" and len(s) > 1 and s[0].is_title)
    org_heads = {s[0].lower_ for s in spans if s.label_ == "ORG" and len(s) > 1 and s[0].is_title}
    fixed = [_retype_one(doc, s, person_words, given_words) for s in spans]
    fixed = [_relabel(s, "ORG") if _short_for_org(s, org_heads, person_words) else s for s in fixed]
    storms = {s[-1].lower_ for s in fixed if s.label_ == "EVENT" and len(s) > 1 and _is_storm_name(s)}
    person_words = {t.lower_ for s in fixed if s.label_ == "PERSON" and len(s) > 1 for t in s}
    fixed = [
        _relabel(s, "EVENT") if s.label_ == "PERSON" and len(s) == 1 and s[0].lower_ in storms - person_words else s
        for s in fixed
    ]
    return sorted({(s.start, s.end): s for s in fixed}.values(), key=lambda s: s.start)


def _retype_one(doc: Doc, span: Span, person_words: set[str], given_words: frozenset[str] = frozenset()) -> Span:
    storm = _storm(doc, span)
    if storm is not None:
        return storm
    key = _group_key(span.text)
    if span.label_ in {"PERSON", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"} and key in _ARMED_GROUP_KEYS:
        return _relabel(span, "ORG")
    if _is_demonym(span):
        return _relabel(span, "NORP")
    if span.label_ != "PERSON":
        person = _is_given_name_person(span, given_words) or _is_kin_apposition(span)
        return _relabel(span, "PERSON") if person else span
    if _names_members(span, person_words):
        return _relabel(span, "ORG")
    place = names.clean_name(span.text).casefold().replace("’", "'")
    if place in gazetteer.PLACE_NAMES and not (len(span) == 1 and span[0].lower_ in person_words):
        return _relabel(span, "GPE")
    if _in_a_place(span):
        return _relabel(span, "GPE")
    return span


def _is_demonym(span: Span) -> bool:
    """ "Ukrainian", "Israelis", "Latinos" typed as a place, a person or an organisation:
    a word for a nationality, a people or a faith is NORP."""
    if span.label_ not in {"GPE", "LOC", "PERSON", "ORG"} or len(span) != 1 or span.text in gazetteer.COUNTRIES:
        return False
    key = span.text.casefold()
    if key in {"us", "u.s."} or not span.text[:1].isupper():
        return False
    if key in gazetteer.GROUP_WORDS or key.endswith("s") and key[:-1] in gazetteer.GROUP_WORDS:
        return True
    return key in gazetteer.DEMONYMS or key.endswith("s") and key[:-1] in gazetteer.DEMONYMS


_ARMED_GROUP_KEYS = frozenset(names.fold_doubles(k) for k in gazetteer.ARMED_GROUPS)


def _group_key(text: str) -> str:
    """A name folded as the armed-group list keys it: no hyphens, doubled letters once."""
    return names.fold_doubles(names.name_key(text))


def _storm(doc: Doc, span: Span) -> Span | None:
    """ "Cyclone Jude" (or "Jude" right after "Cyclone"): the storm, an EVENT."""
    start = span.start
    if start > 0 and doc[start - 1].lower_ in gazetteer.STORM_WORDS and doc[start - 1].is_title:
        start -= 1
        if start > 0 and doc[start - 1].lower_ == "tropical" and doc[start - 1].is_title:
            start -= 1
    if start == span.start and not (len(span) > 1 and _is_storm_name(span)):
        return None
    return labelled(doc, start, span.end, "EVENT")


def _is_storm_name(span: Span) -> bool:
    return span[0].lower_ in gazetteer.STORM_WORDS or span[0].lower_ == "tropical" and len(span) > 2


# Labels the recogniser gives a person's name it does not know.
_PERSON_MISTYPED = frozenset(["ORG", "WORK_OF_ART", "PRODUCT", "NORP", "GPE", "FAC", "EVENT", "LAW"])
_NAME_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])


def _short_for_org(span: Span, org_heads: set[str], person_words: set[str]) -> bool:
    """A one-word "person" that opens an organisation's name in the same article and
    no person's name there ("Vexa" beside "Vexa Media") is the organisation's short name."""
    if span.label_ != "PERSON" or len(span) != 1:
        return False
    key = span[0].lower_
    return key in org_heads and key not in person_words and key not in gazetteer.GIVEN_NAMES


def _is_given_name_person(span: Span, given_words: frozenset[str]) -> bool:
    """A person's name typed as something else, by a given name.

    Two or three capitalised words opening with a common given name ("Carla
    Venn", "Meryl Danton" after "Fox News'") with no word of an organisation or
    a place in them; or one word the article uses as the given name of a person
    it names in full ("Marco" in a story about Marco Vell), unless the gazetteer
    knows it as a place.
    """
    if span.label_ not in _PERSON_MISTYPED:
        return False
    words = [t for t in span if not t.is_punct and t.lower_.rstrip(".") not in _NAME_SUFFIXES]
    if len(words) == 1:
        return words[0].text in given_words and span.text.casefold() not in gazetteer.PLACE_NAMES
    if not 2 <= len(words) <= 3 or words[0].lower_ not in gazetteer.GIVEN_NAMES:
        return False
    if not all(t.is_title and t.is_alpha for t in words):
        return False
    return not any(t.lower_ in ORG_SUFFIXES or t.lower_ in gazetteer.PLACE_NAMES or _is_place_word(t) for t in words)


def _is_kin_apposition(span: Span) -> bool:
    """A name set in commas beside a word for a relative ("Lind's wife, Marta,",
    "his son, Tomas,"): only a person is someone's wife or son, whatever type
    the model gave the name, unless the gazetteer knows it as a place."""
    if span.label_ not in _PERSON_MISTYPED or not 1 <= len(span) <= 3:
        return False
    root = span.root
    if root.dep_ != "appos" or root.head.pos_ != "NOUN" or root.head.lemma_.lower() not in KINSHIP:
        return False
    return all(t.is_title for t in span) and names.clean_name(span.text).casefold() not in gazetteer.PLACE_NAMES


def _is_place_word(token: Token) -> bool:
    """A word that marks a place or an institution in a name ("Park", "Street", "Center")."""
    return token.lower_ in _PLACE_WORDS or token.lower_ in gazetteer.DEMONYMS


_PLACE_WORDS = gazetteer.word_set(
    """
    street avenue road square park center centre hall hospital church cathedral airport station bridge
    county city town island islands river lake mountain valley beach bay coast state stadium arena tower
    house building museum library gallery memorial theater theatre prize award awards cup trophy fund
    foundation institute trust project act law amendment doctrine plan show hour
    """
)


def _names_members(span: Span, person_words: set[str]) -> bool:
    """ "Shabab fighters", "Haram militants": a one-word or "al-" name before a word for
    an armed group's members names the group (people are named in full)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in gazetteer.GROUP_MEMBER_NOUNS:
        return False
    one_name = len([t for t in span if t.is_alpha]) == 1 or span[0].lower_ == "al"
    return one_name and not (len(span) == 1 and span[0].lower_ in person_words)


def _in_a_place(span: Span) -> bool:
    """ "in Novi Brest", "near Velka Dolina": the object of a locative preposition (not "in Smith's view")."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in _LOCATIVE:
        return False
    return span.end >= len(doc) or doc[span.end].lower_ not in _POSSESSIVES


def _qualify_institutions(doc: Doc, spans: list[Span]) -> list[Span]:
    """A ministry named with its country keeps the country: "Pakistan's Foreign Ministry",
    "the Ministry of Foreign Affairs of Pakistan". Two countries' ministries are then
    two entities, not one "Foreign Ministry"."""
    by_end = {s.end: s for s in spans if s.label_ in {"GPE", "NORP"}}
    by_start = {s.start: s for s in spans if s.label_ == "GPE"}
    absorbed: set[tuple[int, int]] = set()
    out = []
    for span in spans:
        if span.label_ != "ORG" or not names.is_institution(span.text):
            out.append(span)
            continue
        start, end = span.start, span.end
        owner = by_end.get(start - 1) if start > 0 and doc[start - 1].lower_ in _POSSESSIVES else by_end.get(start)
        if owner is not None:
            start = owner.start
            absorbed.add((owner.start, owner.end))
        after = by_start.get(end + 1) if end < len(doc) and doc[end].lower_ == "of" else None
        if after is not None and owner is None:
            end = after.end
            absorbed.add((after.start, after.end))
        out.append(span if (start, end) == (span.start, span.end) else labelled(doc, start, end, "ORG"))
    return [s for s in out if (s.start, s.end) not in absorbed]


def _clean_span(span: Span) -> Span | None:
    """Cut a span at a line break or separator; drop articles, possessives and titles at its edges."""
    doc, start, end = span.doc, span.start, span.end
    for i in range(start, end):
        if "\n" in doc[i].text or doc[i].text in _SEPARATORS and span.label_ == "PERSON":
            end = i
            break
        if doc[i].text == "(" and i > start and ")" not in doc[i:end].text:
            end = i  # "Ministry of Energy (MOE": an opening bracket never closed inside the name
            break
    while start < end and (_is_loose_article(doc[start], span.label_) or doc[start].is_punct or doc[start].is_space):
        start += 1
    while start < end - 1 and span.label_ != "WORK_OF_ART" and _is_lowercase_word(doc[start]):
        start += 1  # "where Republican Party", "the federal Trade Commission": the name starts at its capital
    while end > start and (doc[end - 1].lower_ in _POSSESSIVES or doc[end - 1].is_punct and doc[end - 1].text != "."):
        end -= 1
    if span.label_ not in {"WORK_OF_ART", "LAW"}:
        end = _before_trailing_words(doc, start, end)
    if span.label_ == "PERSON":
        start = _skip_titles(doc, start, end)
    return labelled(doc, start, end, span.label_) if end > start else None


# Lowercase words that belong to a name: "de Morvane", "al-Shabab", "van Kesteloo", "bin Rashadi".
_NAME_PARTICLES = frozenset(
    ["al", "el", "de", "da", "del", "della", "di", "du", "dos", "das", "van", "von", "der", "den", "ter", "ten",
     "la", "le", "bin", "ibn", "abu", "ben", "y", "e"]
)  # fmt: skip


def _before_trailing_words(doc: Doc, start: int, end: int) -> int:
    """The end of a name without the lowercase words and dashes the model ran on into
    ("Minnesota Rangers - while", "Okafor 47 percent to"), and without a number those
    words followed: a poll figure is no part of a name, though "Apollo 11" keeps its number."""
    cut = end
    while cut > start + 1 and _is_loose_word(doc, cut - 1):
        cut -= 1
    if cut == end:
        return end
    while cut > start + 1 and (doc[cut - 1].like_num or doc[cut - 1].is_punct):
        cut -= 1
    return cut


def _is_loose_word(doc: Doc, i: int) -> bool:
    """A lowercase word or dash standing apart from the word before it: "Rangers - while" runs on,
    but the glued tail of a hyphenated name ("Kim Jong-un", "Abdul-wahid") belongs to it."""
    return bool(doc[i - 1].whitespace_) and (_is_lowercase_word(doc[i]) or doc[i].text in _DASHES)


def _is_lowercase_word(token: Token) -> bool:
    """A word in lowercase that is no name particle ("where", "federal"); "iPhone" is not lowercase."""
    return token.is_alpha and token.is_lower and token.lower_ not in _NAME_PARTICLES


def _is_loose_article(token: Token, label: str) -> bool:
    """ "the" before a name is not part of it, but "The" opens a title ("The Silent Harbour")."""
    if token.dep_ != "det" or label == "WORK_OF_ART":
        return False
    return token.is_lower or token.is_sent_start is True


def _skip_titles(doc: Doc, start: int, end: int) -> int:
    """The first token of a person span after titles ("President", "former Gen.")."""
    i = start
    while i < end - 1 and (is_title_word(doc[i]) or doc[i].lower_ in {"former", "acting", "late", "."}):
        i += 1
    return i if any(is_title_word(doc[j]) for j in range(start, i)) else start


def _is_clause(span: Span) -> bool:
    """A "name" with a pronoun, a lowercase auxiliary or a negation in it is a
    title or a clause ("Her Name Is Not Ada"), not a person ("Will Foster",
    "Theresa May" keep their capitalised auxiliaries); nor is a single letter or
    a title alone."""
    if span.label_ != "PERSON":
        return False
    if len(span.text.strip(".")) < 2:
        return True  # "on X": a one-letter name is a platform or a letter, not a person
    if all(is_title_word(t) or t.is_punct for t in span):
        return True  # "Cpl.": a title without its name
    return any(t.pos_ == "PRON" or t.pos_ == "AUX" and not t.is_title or t.lower_ in {"not", "n't"} for t in span)


def _is_common_noun_use(span: Span) -> bool:
    """ "a super PAC", "an NGO": an acronym under an indefinite article names a kind of
    body, not one body ("an FBI agent" is left alone: there the article is the agent's)."""
    if span.label_ != "ORG" or len(span) != 1 or not span.text.isupper():
        return False
    return any(child.dep_ == "det" and child.lower_ in {"a", "an"} for child in span[0].children)


def _with_group_name(span: Span) -> Span:
    """ "Islamic" (NORP) before "State militants": a nationality or faith word that opens
    the name of an armed group in the gazetteer is that group's name, an ORG."""
    if span.label_ != "NORP" or len(span) != 1:
        return span
    doc = span.doc
    for end in (span.end + 2, span.end + 1):
        titled = end <= len(doc) and all(t.is_title for t in doc[span.end : end])
        if titled and _group_key(doc[span.start : end].text) in _ARMED_GROUP_KEYS:
            return labelled(doc, span.start, end, "ORG")
    return span


def _is_portfolio(span: Span) -> bool:
    """ "Defense" in "Defense Minister": a ministry's portfolio, not an organisation."""
    if span.label_ != "ORG" or len(span) > 2 or not all(t.lower_ in PORTFOLIOS for t in span):
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    if after is not None and is_role_word(after):
        return True
    return before is not None and before[1].lower_ in {"of", "for"} and is_role_word(before[0])


def _recover_titled_persons(doc: Doc, spans: list[Span]) -> list[Span]:
    """Add a PERSON for each capitalised name right after a title the model missed."""
    words = docindex.words(doc)
    maybe = (doc[i] for i, pair in enumerate(zip(words.lower, words.lemma, strict=True)) if may_be_title_word(*pair))
    # The spans covering each token, so a name run meets only the spans it overlaps:
    # scanning every span for every title was quadratic in a long text. ``kept``
    # holds the spans in the order the plain list had (survivors, then added runs).
    kept: list[Span | None] = list(spans)
    covering: dict[int, list[int]] = {}
    for n, span in enumerate(spans):
        _cover(covering, span, n)
    for title in maybe:
        if not is_title_word(title):
            continue
        run = _name_after(title)
        if run is None:
            continue
        near = sorted({n for i in range(run.start, run.end) for n in covering.get(i, ())})
        hits = [n for n in near if (other := kept[n]) is not None and _overlaps(other, run)]
        if _replaceable([s for n in hits if (s := kept[n]) is not None], run):
            for n in hits:
                kept[n] = None
            kept.append(run)
            _cover(covering, run, len(kept) - 1)
            log.debug("person after title: %s %s", title.text, run.text)
    return sorted((s for s in kept if s is not None), key=lambda s: s.start)


def _cover(covering: dict[int, list[int]], span: Span, n: int) -> None:
    """Note span number ``n`` under each token it covers (an empty span under its start)."""
    for i in range(span.start, max(span.end, span.start + 1)):
        covering.setdefault(i, []).append(n)


def _name_after(title: Token) -> Span | None:
    """The run of capitalised proper nouns after a title ("Minister Rustem Umerov").

    Also accepts "minister, Rustem Umerov," when the parse makes the name an
    apposition of the title.
    """
    doc = title.doc
    start = title.i + 1
    appositive = start < len(doc) and doc[start].text == "," and is_role_word(title)
    if appositive:
        start += 1
    end = start
    while end < len(doc) and end - start < _MAX_NAME_TOKENS and _is_name_token(doc[end]):
        end += 1
    if end == start or end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        return None
    run = doc[start:end]
    if run[-1].lower_ in ORG_SUFFIXES or appositive and not _apposed_to(run, title):
        return None
    return labelled(doc, start, end, "PERSON")


def _is_name_token(token: Token) -> bool:
    return (
        token.is_title
        and token.pos_ == "PROPN"
        and token.ent_type_ in {"", "ORG", "PERSON"}
        and not is_title_word(token)
        and token.lower_ not in PORTFOLIOS
    )


def _apposed_to(run: Span, title: Token) -> bool:
    return run.root.dep_ == "appos" and run.root.head.i == title.i


def _replaceable(spans: list[Span], run: Span) -> bool:
    """Only model spans inside the name, and only ORG or PERSON, may be replaced."""
    for span in spans:
        if _overlaps(span, run):
            if span.label_ not in {"ORG", "PERSON"} or span.start < run.start or span.end > run.end:
                return False
            if span.label_ == "PERSON" and (span.start, span.end) == (run.start, run.end):
                return False
    return True


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _relabel_possessor(span: Span) -> Span:
    """ "Trump's son-in-law", "Trump's special envoy": the possessor is a person."""
    if span.label_ != "ORG" or len(span) > _MAX_NAME_TOKENS or not _possesses_personal(span):
        return span
    return labelled(span.doc, span.start, span.end, "PERSON")


def _recover_unlabelled(doc: Doc, spans: list[Span]) -> list[Span]:
    """Capitalised runs the model left unlabelled: a possessor of a personal noun
    ("Trump's son-in-law") is a person; a run ending in an organisation word
    ("Kyiv-Mohyla Academy", "Security Council") is an organisation."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for start, end in _capitalised_runs(doc, covered):
        run = doc[start:end]
        if _possesses_personal(run):
            found.append(labelled(doc, start, end, "PERSON"))
        elif len(run) > 1 and run[-1].lower_ in ORG_SUFFIXES and run[0].pos_ == "PROPN":
            found.append(labelled(doc, start, end, "ORG"))
    return sorted(spans + found, key=lambda s: s.start)


def _capitalised_runs(doc: Doc, covered: set[int]) -> Iterator[tuple[int, int]]:
    """Maximal runs of capitalised words (hyphen-joined parts included) not in any span."""
    text = docindex.words(doc).text
    runs = _run_tokens(doc)
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in covered and runs[j]:
            j += 1
        while j > i and text[j - 1] == "-":
            j -= 1
        if j > i and text[i] != "-":
            yield i, j
        i = max(j, i + 1)


def _run_tokens(doc: Doc) -> list[bool]:
    """:func:`_run_token` for every token, tested only where the word is a hyphen or a
    capitalised noun (``Token.is_title`` is ``str.istitle`` of the text)."""
    words = docindex.words(doc)
    runs = [False] * len(doc)
    for i, (text, pos) in enumerate(zip(words.text, words.pos, strict=True)):
        if text == "-" or pos in {"PROPN", "NOUN"} and text.istitle():
            runs[i] = _run_token(doc, i)
    return runs


def _run_token(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.text == "-":
        return not token.whitespace_ and i > 0 and not doc[i - 1].whitespace_
    return token.is_title and token.pos_ in {"PROPN", "NOUN"} and not is_title_word(token)


def _possesses_personal(span: Span) -> bool:
    """Whether the noun a span possesses is one only people have (son-in-law, envoy)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in _POSSESSIVES:
        return False
    i = span.end + 1
    while i < len(doc) and doc[i].pos_ == "ADJ":
        i += 1
    if i >= len(doc):
        return False
    j = i
    while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_:
        j += 2
    word = doc[i : j + 1].text.casefold().replace(" ", "")
    return word in PERSONAL_NOUNS or i == j and doc[i].lemma_.lower() in PERSONAL_NOUNS


# --- Completing and storing the mentions ------------------------------------------


def _add_repeated_names(doc: Doc, clusters: list[Cluster], spans: list[Span]) -> None:
    """Add later mentions of a known person's name or surname that the model missed."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    where: dict[str, list[int]] = {}
    for i, text in enumerate(docindex.words(doc).text):
        where.setdefault(text, []).append(i)
    for cluster in (c for c in clusters if c.person and any(is_full_name(s) for s in c.spans)):
        for words in _forms_to_find(cluster):
            for start in _find_words(doc, words, where.get(words[0], []), covered):
                span = labelled(doc, start, start + len(words), "PERSON")
                cluster.spans.append(span)
                spans.append(span)
                covered.update(range(span.start, span.end))


def _forms_to_find(cluster: Cluster) -> list[tuple[str, ...]]:
    """Full names and surnames of a person, longest first, as token texts."""
    forms: set[tuple[str, ...]] = set()
    for span in cluster.spans:
        words = tuple(t.text for t in span if t.lower_ not in _POSSESSIVES)
        if words and all(w[:1].isupper() and len(w) > 2 for w in words[-1:]):
            forms.add(words)
            forms.add(words[-1:])
    return sorted(forms, key=len, reverse=True)


def _find_words(doc: Doc, words: tuple[str, ...], starts: list[int], covered: set[int]) -> Iterator[int]:
    """Where ``words`` occur uncovered, trying only ``starts`` (where the first word is).

    A noun tag is allowed: the small model often tags an unknown surname at the
    start of a sentence as a common noun.
    """
    n = len(words)
    for i in starts:
        if i + n > len(doc) or tuple(t.text for t in doc[i : i + n]) != words:
            continue
        if doc[i].pos_ in {"PROPN", "NOUN"} and not covered.intersection(range(i, i + n)):
            yield i


def _write_back(doc: Doc, spans: list[Span], clusters: list[Cluster]) -> None:
    """Store the corrected spans on ``doc.ents`` so later components agree with us."""
    label_at = {(s.start, s.end): c.label for c in clusters for s in c.spans}
    fixed = [_relabel(s, label_at.get((s.start, s.end), s.label_)) for s in spans]
    try:
        from spacy.util import filter_spans

        doc.ents = filter_spans(fixed)
        docindex.forget_entities(doc)
    except ValueError as err:  # overlapping or invalid spans: keep the model's own
        log.warning("could not write corrected entities back: %s", err)


def _relabel(span: Span, label: str) -> Span:
    return span if span.label_ == label else labelled(span.doc, span.start, span.end, label)


def _to_entity(cluster: Cluster, entity_id: str, model_spans: set[tuple[int, int, str]]) -> Entity:
    """The Entity record; roles are read now, from the corrected ``doc.ents``.

    Its span is the mention its name was read from (the first such); its rule
    says whether the model found it as it stands, our rules corrected the
    model's span or label, or only our rules found it.
    """
    name = cluster.name
    spans = sorted(cluster.spans, key=lambda s: s.start)
    roles = dedupe_roles(r for s in spans for r in roles_for(s)) if cluster.person else ()
    named = next((s for s in spans if s.text == name), spans[0])
    rule = _provenance(spans, model_spans)
    confidence = _ENTITY_CONFIDENCE[rule] + (0.05 if len(spans) > 1 else 0.0)
    return Entity(
        id=entity_id,
        name=name,
        type=cluster.label,
        aliases=tuple(f for f in cluster.forms if f != name),
        roles=roles,
        mentions=tuple((s.start_char, s.end_char) for s in spans),
        start=named.start_char,
        end=named.end_char,
        rule=f"entities.{rule}",
        confidence=round(confidence, 2),
    )


# A span the model found and we kept is surest; one we corrected (trimmed, relabelled)
# rests on a rule as well; one only our rules found (a titled name the model missed,
# a repeated surname) rests on the rules alone. A second mention adds a little.
_ENTITY_CONFIDENCE = {"model": 0.85, "corrected": 0.8, "rules": 0.7}


def _provenance(spans: list[Span], model_spans: set[tuple[int, int, str]]) -> str:
    """ "model", "corrected" or "rules": who found this entity's mentions."""
    if any((s.start, s.end, s.label_) in model_spans for s in spans):
        return "model"
    found = [(start, end) for start, end, _ in model_spans]
    if any(start < s.end and s.start < end for s in spans for start, end in found):
        return "corrected"
    return "rules"


# --- Looking entities up -----------------------------------------------------------


def entity_at(entities: Iterable[Entity], start: int, end: int) -> Entity | None:
    """The entity whose mention overlaps ``[start, end)`` most (the first on a tie)."""
    best, best_overlap = None, 0
    for entity in entities:
        for m_start, m_end in entity.mentions:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap or overlap == 0 and best is None and m_start < end and start < m_end:
                best, best_overlap = entity, overlap
    return best


class MentionIndex:
    """``entity_at`` for many lookups over one article's entities.

    The quote and attribution components look up the entity of every subject
    and speaker; scanning every mention of every entity each time grew with the
    square of the article. Mentions are sorted by start once and found by
    bisection; only those overlapping the query are then weighed, in the order
    ``entity_at`` weighs them, so the answer is the same.
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = list(entities)
        self._people_first = _people_first(self.entities)
        self._named: dict[str, Entity | None] = {}
        mentions = [(s, e, n, k) for n, ent in enumerate(self.entities) for k, (s, e) in enumerate(ent.mentions)]
        mentions.sort()
        self._mentions = mentions
        self._starts = [m[0] for m in mentions]
        self._longest = max((e - s for s, e, _, _ in mentions), default=0)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps ``[start, end)`` most (the first on a tie), as ``entity_at``."""
        lo = bisect.bisect_right(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        near = sorted((n, k, s, e) for s, e, n, k in self._mentions[lo:hi] if start < e)
        best, best_overlap = None, 0
        for n, _, m_start, m_end in near:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap or overlap == 0 and best is None and m_start < end and start < m_end:
                best, best_overlap = self.entities[n], overlap
        return best

    def named(self, name: str) -> Entity | None:
        """The entity ``name`` refers to, as ``entity_named``; each name is looked up once."""
        if name not in self._named:
            self._named[name] = _first_named(self._people_first, name)
        return self._named[name]


def entity_named(entities: Iterable[Entity], name: str) -> Entity | None:
    """The entity ``name`` refers to: "Zelenskyy", "Zelenskyy's", "President Volodymyr
    Zelenskyy" and "U.S." all find their entity.

    Tried in order: the name or an alias; a known name at the end of ``name``
    (a title before it); a surname or shorter form of a person's name; a
    spelling variant of a person's surname.
    """
    return _first_named(_people_first(entities), name)


def _people_first(entities: Iterable[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: e.type != "PERSON")  # a speaker is a person first


def _first_named(entities: list[Entity], name: str) -> Entity | None:
    key = names.name_key(name)
    if not key:
        return None
    for test in (_same_key, _ends_with_known, _titled_surname, _short_form_of, _variant_of):
        match = next((e for e in entities if test(e, key)), None)
        if match is not None:
            return match
    return None


def _keys(entity: Entity) -> list[str]:
    return [names.name_key(f) for f in (entity.name, *entity.aliases)]


def _same_key(entity: Entity, key: str) -> bool:
    return key in _keys(entity)


def _ends_with_known(entity: Entity, key: str) -> bool:
    return entity.type == "PERSON" and any(key.endswith(" " + k) for k in _keys(entity) if " " in k)


def _titled_surname(entity: Entity, key: str) -> bool:
    """ "Ukrainian President Zelenskyy": a title word, then the person's surname."""
    words = key.split()
    if entity.type != "PERSON" or len(words) < 2 or words[-1] != names.surname(entity.name):
        return False
    return words[-2] in ROLE_NOUNS or words[-2] in HONORIFICS


def _short_form_of(entity: Entity, key: str) -> bool:
    return entity.type == "PERSON" and names.is_short_form(key, entity.name)


def _variant_of(entity: Entity, key: str) -> bool:
    return entity.type == "PERSON" and is_surname_variant(key, entity.name)
