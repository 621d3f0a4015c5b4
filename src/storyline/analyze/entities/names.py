"""Names: when two mentions in one article name the same person or organisation.

News names one entity in several ways ("Volodymyr Zelenskyy", "Zelenskyy",
"Zelensky", "the U.S.", "US"). The first half of this module compares name
strings (keys, surnames, acronyms, transliteration variants) without looking
at the text around them; the second merges an article's entity mentions into
clusters, one per entity, using those comparisons and a few facts of news
writing (people are introduced by full name, then called by surname).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from .. import docindex
from . import gazetteer
from .roles import ORG_SUFFIXES, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Possessive endings and surrounding noise that are never part of a name.
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_EDGE_PUNCT = " \t\n\"“”‘’'(),;:.-–—"
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_ACRONYM_SKIP = {"of", "and", "the", "for", "on", "in", "de", "la", "du", "&"}
# Letters that transliterations of one name swap or add at its end
# (Zelensky / Zelenskyy / Zelenskiy); a difference outside them is a different name.
_TRANSLIT_TAIL = set("yijeh")


@functools.lru_cache(maxsize=8192)
def clean_name(text: str) -> str:
    """The name without a leading "the", a possessive ending or edge punctuation.

    Keeps inner dots (``U.S.``) but drops a sentence-final one left by the tokenizer.
    """
    text = " ".join(text.split())
    text = _LEADING_ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    stripped = text.strip(_EDGE_PUNCT)
    if text.endswith(".") and "." in stripped:
        stripped += "."  # an abbreviation like "U.S." keeps its last dot
    return stripped


@functools.lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """A comparison key: case, dots, hyphens, spacing, accents and the style of an
    apostrophe (’ ' ‘ `) do not distinguish names ("O’Brien" = "O'Brien",
    "Ana d’Ornelas" = "Ana d'Ornelas")."""
    text = unicodedata.normalize("NFKD", clean_name(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace(".", "")
    text = _APOSTROPHES.sub("", text)
    return " ".join(re.split(r"[\s\-‐]+", text)).strip()


_APOSTROPHES = re.compile(r"['’‘`ʼ]")


def fold_doubles(key: str) -> str:
    """A key with doubled letters read once: transliterations double or not ("Shabaab")."""
    return re.sub(r"(\w)\1+", r"\1", key)


def is_institution(text: str) -> bool:
    """Whether a name is a government body's generic name, with or without its country
    ("Foreign Ministry", "Pakistan's Ministry of Defence")."""
    return institution_key(text) is not None


@functools.lru_cache(maxsize=4096)
def institution_key(text: str) -> tuple[str, str] | None:
    """(country, body) of a generic government body's name, country "" when none is named.

    "Pakistan's Foreign Ministry", "the Pakistani Foreign Ministry" and "the
    Ministry of Foreign Affairs of Pakistan" are ("Pakistan", "foreign ministry").
    """
    words = clean_name(text).casefold().replace("’", "'").split()
    country = ""
    rest = []
    for word in words:
        found = gazetteer.country_of(word)
        if found and not country:
            country = found
        elif word not in {"'s", "the"}:
            rest.append(word)
    while rest and rest[-1] in {"of", "and"}:
        rest.pop()
    while rest and rest[0] in {"of", "and"}:
        rest.pop(0)
    if not rest or not all(w in gazetteer.INSTITUTION_WORDS for w in rest) or not any(w not in _GLUE for w in rest):
        return None
    body = " ".join(rest)
    return country, gazetteer.INSTITUTION_SYNONYMS.get(body, body)


_GLUE = frozenset(["of", "and", "the", "state", "national", "general", "foreign", "home", "air", "armed"])


@functools.lru_cache(maxsize=8192)
def name_tokens(text: str) -> tuple[str, ...]:
    """The words of a name's key, with generational suffixes (Jr., III) dropped."""
    words = name_key(text).split()
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return tuple(words)


@functools.lru_cache(maxsize=8192)
def surname(text: str) -> str:
    """The last word of a person's name, the form news uses on second mention."""
    words = name_tokens(text)
    return words[-1] if words else ""


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` is the surname, or a shorter trailing run, of ``full``.

    First names alone are not short forms: news repeats surnames, and a bare
    first name is as often someone else ("Maria" in a story about "Maria Lindqvist").
    """
    part, whole = name_tokens(short), name_tokens(full)
    if not part or len(part) >= len(whole):
        return False
    return whole[-len(part) :] == part


def initials(text: str) -> str:
    """Capital initials of a multi-word name ("United States" -> "US")."""
    words = [w for w in re.split(r"[\s\-]+", clean_name(text)) if w and w.casefold() not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) > 1 else ""


def is_acronym_of(short: str, full: str) -> bool:
    """Whether ``short`` ("NATO", "U.S.") spells the initials of ``full``."""
    letters = clean_name(short).replace(".", "")
    return len(letters) > 1 and letters.isupper() and letters == initials(full)


def is_spelling_variant(a: str, b: str) -> bool:
    """Whether two surnames are transliteration variants of one name.

    Deliberately narrow: both long, a shared stem all but the last two letters,
    a rapidfuzz ratio of at least 85, and the differing tails made only of
    letters transliterations swap (Zelensky/Zelenskyy/Zelenskiy, not
    Johnson/Johnston or Medvedev/Medvedeva).
    """
    a, b = a.casefold(), b.casefold()
    if a == b or min(len(a), len(b)) < 6 or fuzz.ratio(a, b) < 85:
        return False
    stem = _common_prefix(a, b)
    if stem < max(len(a), len(b)) - 2:
        return False
    return set(a[stem:]) | set(b[stem:]) <= _TRANSLIT_TAIL


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def same_person_name(a: str, b: str) -> bool:
    """Whether two full forms name one person: equal keys, or variant surnames with
    compatible given names (equal, or one an initial of the other)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if ta[-1] != tb[-1] and not is_spelling_variant(ta[-1], tb[-1]):
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    return ta[0] == tb[0] or ta[0][0] == tb[0][0] and min(len(ta[0]), len(tb[0])) == 1


# --- Merging an article's mentions -------------------------------------------------

_PLACE_OR_ORG = {"ORG", "GPE", "NORP", "LOC", "FAC"}
# Labels the model gives a lone surname by mistake; such a mention may join a known person.
_MAYBE_PERSON = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT"}


def labelled(doc: Doc, start: int, end: int, label: str) -> Span:
    """A new span of ``doc`` with ``label`` (spaCy spans are immutable)."""
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


@dataclass(slots=True)
class Cluster:
    """The mentions of one entity, gathered before it becomes an Entity record."""

    spans: list[Span] = field(default_factory=list)
    person: bool = False
    # The identities of the spans the forms were last read from, those spans (kept so
    # that no other object takes their ids), the forms and the name: clustering asks
    # for them once per mention and candidate person, and Span.text joins tokens anew.
    _read: tuple[tuple[int, ...], list[Span], list[str], str] = field(
        default_factory=lambda: ((), [], [], ""), init=False, repr=False, compare=False
    )
    # Each span's cleaned text, read once: the forms are read again whenever a span joins,
    # and each read joined every span's tokens anew. Keyed by identity, the span kept with it.
    _texts: dict[int, tuple[Span, str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def first(self) -> int:
        return min(s.start_char for s in self.spans)

    @property
    def forms(self) -> list[str]:
        """Distinct cleaned surface forms, in order of first mention."""
        return list(self._forms())

    def _forms(self) -> list[str]:
        """The forms, read again only when the spans changed (the list is not to be modified)."""
        return self._current()[2]

    @property
    def name(self) -> str:
        """The longest full form: most words, then most characters, then first seen."""
        return self._current()[3]

    def _current(self) -> tuple[tuple[int, ...], list[Span], list[str], str]:
        ids = tuple(map(id, self.spans))
        if ids != self._read[0]:
            ordered = sorted(self.spans, key=lambda s: s.start)
            forms = list(dict.fromkeys(self._form(s) for s in ordered))
            self._read = (ids, list(self.spans), forms, _longest(forms) if forms else "")
        return self._read

    def _form(self, span: Span) -> str:
        """``clean_name(span.text)``, computed once per span."""
        known = self._texts.get(id(span))
        if known is None or known[0] is not span:
            known = (span, clean_name(span.text))
            self._texts[id(span)] = known
        return known[1]

    @property
    def label(self) -> str:
        if self.person:
            return "PERSON"
        labels = [s.label_ for s in sorted(self.spans, key=lambda s: s.start)]
        labels = [lab for lab in labels if lab != "PERSON"] or labels  # not a person: see _places_back
        # the most frequent label, the first seen on a tie; counted once each (count() per label was quadratic)
        counts: dict[str, int] = {}  # in first-seen order, so max() keeps the first on a tie
        for lab in labels:
            counts[lab] = counts.get(lab, 0) + 1
        return max(counts, key=counts.__getitem__)


def _longest(forms: list[str]) -> str:
    """The longest full form: most words, then most characters, then first seen."""
    return max(forms, key=lambda f: (len(f.split()), len(f), -forms.index(f)))


def cluster_mentions(spans: Iterable[Span]) -> list[Cluster]:
    """Group mentions that name the same entity within one article.

    People first, by full name (spelling variants allowed), then their short
    forms ("Zelenskyy", also where the model tagged it ORG); everything else by
    its normalised name, with acronyms joined to their expansion ("US" =
    "United States").
    """
    mentions = list(spans)
    mentions = _drop_stray_initials(mentions)
    surnames = {surname(m.text) for m in mentions if m.label_ == "PERSON"} | _lone_subjects(mentions)
    mentions = [_as_person(m) if _looks_like_person(m, surnames) else m for m in mentions]
    people = _cluster_full_names(m for m in mentions if m.label_ == "PERSON")
    rest = [m for m in mentions if not _join_person(people, m)]
    return _places_back(people, _cluster_others(rest))


def _places_back(people: list[Cluster], others: list[Cluster]) -> list[Cluster]:
    """A "person" that the article also names as a place is that place ("Kyiv" tagged
    PERSON once and GPE once, "Novi Brest" PERSON and FAC), unless a title stands
    before one of its mentions ("Mayor Sofia ...")."""
    places = {name_key(c.name): c for c in others if c.label in {"GPE", "LOC", "FAC"}}
    kept = []
    for cluster in people:
        place = places.get(name_key(cluster.name))
        if place is not None and not any(_titled(s) for s in cluster.spans):
            place.spans.extend(cluster.spans)
        else:
            kept.append(cluster)
    return kept + others


def _titled(span: Span) -> bool:
    return span.start > 0 and is_title_word(span.doc[span.start - 1])


def _drop_stray_initials(mentions: list[Span]) -> list[Span]:
    """ "on X. Medinsky said": an initial that contradicts the known Vladimir Medinsky
    belongs to the sentence before (the parser missed the sentence break)."""
    given: dict[str, set[str]] = {}
    for m in mentions:
        words = name_tokens(m.text)
        if m.label_ == "PERSON" and len(words) > 1 and len(words[0]) > 1:
            given.setdefault(words[-1], set()).add(words[0][0])
    return [_without_initial(m) if _stray_initial(m, given) else m for m in mentions]


def _stray_initial(span: Span, given: dict[str, set[str]]) -> bool:
    words = name_tokens(span.text)
    if span.label_ != "PERSON" or len(words) != 2 or len(words[0]) != 1:
        return False
    return words[1] in given and words[0] not in given[words[1]]


def _without_initial(span: Span) -> Span:
    start = span.start + 1
    while start < span.end - 1 and span.doc[start].text == ".":
        start += 1
    return labelled(span.doc, start, span.end, "PERSON")


def _lone_subjects(mentions: list[Span]) -> set[str]:
    """Capitalised words standing alone as the subject of a verb, not tagged as a place
    or organisation: "Zelenskyy has not announced ...". News introduces a person by
    full name and then uses the surname so; that tells "Volodymyr Zelenskyy" tagged
    ORG from an organisation."""
    if not mentions:
        return set()
    doc = mentions[0].doc
    in_names = {i for m in mentions if len(m) > 1 for i in range(m.start, m.end)}
    subjects = (doc[i] for i, dep in enumerate(docindex.words(doc).dep) if dep in {"nsubj", "nsubjpass"})
    return {t.lower_ for t in subjects if t.is_title and t.i not in in_names and t.ent_type_ not in _PLACE_OR_ORG}


def _looks_like_person(span: Span, surnames: set[str]) -> bool:
    """An ORG like "Volodymyr Zelenskyy" whose last word is a known person's surname."""
    if span.label_ != "ORG" or not 1 < len(span) <= 3 or span[-1].lower_ in ORG_SUFFIXES:
        return False
    return all(t.is_title for t in span) and surname(span.text) in surnames


def _as_person(span: Span) -> Span:
    return labelled(span.doc, span.start, span.end, "PERSON")


def is_full_name(span: Span) -> bool:
    """A name of two words or more (generational suffixes not counted)."""
    return len(name_tokens(span.text)) > 1


def _cluster_full_names(spans: Iterable[Span]) -> list[Cluster]:
    people: list[Cluster] = []
    for span in spans:
        if not is_full_name(span):
            continue
        text = span.text
        match = next((c for c in people if same_person_name(c.name, text)), None)
        if match is None:
            match = Cluster(person=True)
            people.append(match)
        match.spans.append(span)
    return people


def _join_person(people: list[Cluster], span: Span) -> bool:
    """Attach a short or mis-typed mention to a known person; True if it was used."""
    if span.label_ == "PERSON" and is_full_name(span):
        return True  # already clustered
    if span.label_ not in _MAYBE_PERSON and not _unknown_place_word(span):
        return False
    cluster = _person_for(people, span)
    if cluster is None:
        if span.label_ != "PERSON":
            return False
        cluster = next((c for c in people if name_key(c.name) == name_key(span.text)), None)
        if cluster is None:
            cluster = Cluster(person=True)
            people.append(cluster)
    cluster.spans.append(span)
    return True


def _unknown_place_word(span: Span) -> bool:
    """A one-word "place" the gazetteer does not know: it may be a person's surname
    ("Velkrin" typed GPE in a story about Gordon Velkrin)."""
    return span.label_ in {"GPE", "LOC", "FAC"} and len(span) == 1 and name_key(span.text) not in gazetteer.PLACE_NAMES


def _person_for(people: list[Cluster], span: Span) -> Cluster | None:
    """The person a short form names; the most recently mentioned one if several do."""
    text, strict = span.text, span.label_ != "PERSON"
    found = [c for c in people if _names_person(c, text, strict)]
    if not found:
        return None
    before = [c for c in found if c.first < span.start_char]
    if not before:
        return found[0]
    return max(before, key=lambda c: max(s.start_char for s in c.spans if s.start_char < span.start_char))


def _names_person(cluster: Cluster, text: str, strict: bool) -> bool:
    """Whether ``text`` is a short form of one of the cluster's full

    ``strict`` (for mentions the model did not call a person): surname or full
    name of a two-word name only, no first names, no spelling variants; a
    one-word "person" may itself be the model's mistake.
    """
    key = name_key(text)
    for form in cluster._forms():
        if strict and len(name_tokens(form)) < 2:
            continue
        if name_key(form) == key or surname(form) == key:
            return True
        if not strict and (is_short_form(text, form) or is_surname_variant(text, form)):
            return True
    return False


def is_surname_variant(text: str, form: str) -> bool:
    """Whether a one-word ``text`` is a spelling variant of the surname of ``form``."""
    words = name_tokens(text)
    return len(words) == 1 and is_spelling_variant(words[0], surname(form))


def _cluster_others(spans: Iterable[Span]) -> list[Cluster]:
    """Group non-person mentions by normalised name, then join acronyms to expansions.

    A government body is grouped by its country and its body ("Pakistan's Foreign
    Ministry" = "the Ministry of Foreign Affairs of Pakistan", but not "the Afghan
    Foreign Ministry"); one named without its country joins the only body of that
    kind the article ties to a country. A storm's bare name joins the storm, and an
    organisation's first word the one organisation named in full with it.
    """
    by_key: dict[str, Cluster] = {}
    for span in spans:
        by_key.setdefault(_other_key(span.text), Cluster()).spans.append(span)
    _join_bare_institutions(by_key)
    _join_storm_names(by_key)
    _join_org_short_names(by_key)
    clusters = list(by_key.values())
    for short in [c for c in clusters if _is_acronym(c.name)]:
        full = next((c for c in clusters if c is not short and is_acronym_of(short.name, c.name)), None)
        if full is not None:
            full.spans.extend(short.spans)
            clusters.remove(short)
    return clusters


def _other_key(text: str) -> str:
    """The clustering key of a place, organisation or other non-person name."""
    institution = institution_key(text)
    if institution is not None:
        return "|".join(institution)
    words = name_key(text).split()
    if len(words) > 2 and words[-1] in _COMPANY_SUFFIXES:
        words.pop()  # "Tallis Freight Ltd" = "Tallis Freight"
    return fold_doubles(" ".join(words))


_COMPANY_SUFFIXES = frozenset(["inc", "corp", "corporation", "ltd", "llc", "plc", "co", "ag", "sa", "gmbh"])


def _join_bare_institutions(by_key: dict[str, Cluster]) -> None:
    for key in [k for k in by_key if k.startswith("|")]:
        owned = [k for k in by_key if "|" in k and not k.startswith("|") and k.split("|", 1)[1] == key[1:]]
        if len(owned) == 1:
            by_key[owned[0]].spans.extend(by_key.pop(key).spans)


def _join_org_short_names(by_key: dict[str, Cluster]) -> None:
    """An organisation named by its first word ("Vexa") joins the one organisation of the
    article whose name opens with that word ("Vexa Media"); with two candidates
    ("Vexa Media", "Vexa Bank") it stays apart, and so does an acronym, which names
    the parent of the longer name more often than the same body."""
    heads: dict[str, list[str]] = {}
    for key, cluster in by_key.items():
        if " " in key and cluster.label == "ORG":
            heads.setdefault(key.split()[0], []).append(key)
    for key in [k for k, c in by_key.items() if " " not in k and c.label == "ORG" and len(heads.get(k, ())) == 1]:
        if not _is_acronym(by_key[key].name):  # "NBC" is the network, not "NBC Evening Report"
            by_key[heads[key][0]].spans.extend(by_key.pop(key).spans)


def _join_storm_names(by_key: dict[str, Cluster]) -> None:
    storms = {k.split()[-1]: k for k, c in by_key.items() if " " in k and c.label == "EVENT"}
    for key in [k for k, c in by_key.items() if " " not in k and c.label == "EVENT" and k in storms]:
        by_key[storms[key]].spans.extend(by_key.pop(key).spans)


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()
