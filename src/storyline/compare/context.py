"""What every compare rule needs to know about a story's articles: keys, parties, provenance.

``StoryContext`` is built once per story. It answers: which cross-article key
does this local entity have, which party (a state or organisation) does a name
stand for, which sentence holds a span, and who the article attributes a span
to.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..analyze.entities.gazetteer import CAPITALS, COUNTRIES, DEMONYMS, INSTITUTIONS
from ..model import Analysis, Entity

# Type groups for the fallback key: one name is one entity only within a group.
_TYPE_GROUP = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "NORP": "place", "FAC": "place"}
_COUNTRY_BY_LOWER = {c.lower(): c for c in COUNTRIES}
# Short forms of country names common in news text that the gazetteer does not list.
_COUNTRY_ALIASES = {
    "usa": "United States",
    "america": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
}
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")
_WORD = re.compile(r"[\w’'.-]+")
# Copied text: sentences of this many words or more, outside quotation marks, are one writer's wording.
_COPY_WORDS = 8
_SHARED_SENTENCES = 2  # sentences two articles share word for word before they count as one text's versions
_ALIKE = 0.5  # word-set Jaccard of two sentences of such articles that are one sentence, edited
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|``.*?''|''.*?''")
_QUOTE_MARK = re.compile(r"[\"“”]|``|''")


def normalise(text: str) -> str:
    """Lower case, accents and punctuation off, single spaces: the form names are compared in."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"['’]s\b", "", text.lower())
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def fallback_entity_key(entity: Entity) -> str:
    """The cross-article key used when link/ gives none: type group plus normalised name.

    This is the one fallback, and it is conservative: "Vladimir Putin" and
    "Putin" get different keys (only link/entities.py can tell they are one
    person), and a leading "the" is ignored ("the Kremlin" = "Kremlin").
    """
    name = normalise(entity.name)
    name = name[4:] if name.startswith("the ") else name
    return f"{_TYPE_GROUP.get(entity.type, entity.type.lower())}:{name}"


def country_of(name: str | None) -> str | None:
    """The state a name stands for in news usage ("Kyiv", "Ukrainian", "the Kremlin" -> a country), else None."""
    if not name:
        return None
    key = " ".join(name.lower().replace("’", "'").split())
    key = key[4:] if key.startswith("the ") else key
    key = key[:-2] if key.endswith("'s") else key
    if key in _COUNTRY_BY_LOWER:
        return _COUNTRY_BY_LOWER[key]
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    if key in CAPITALS:
        return CAPITALS[key]
    if key in DEMONYMS:
        return DEMONYMS[key]
    if key in INSTITUTIONS:
        return INSTITUTIONS[key][0]
    return None


def country_in(text: str) -> str | None:
    """The first country a phrase names through any word or word pair ("US Secretary of State" -> United States)."""
    words = _WORD.findall(text)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            found = country_of(" ".join(words[i : i + size]))
            if found:
                return found
    return None


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or paragraph piece) around ``start:end``, by punctuation and blank lines."""
    end = max(start + 1, start + len(text[start:end].rstrip()))
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, min(len(text), start + 3)):
        if match.end() <= start:
            left = match.end()
    stop = _SENTENCE_END.search(text, max(end - 1, left))
    right = stop.start() + 1 if stop and text[stop.start()] in ".!?" else (stop.start() if stop else len(text))
    while right < len(text) and text[right] in '"”’)':
        right += 1
    return left, right


def sentence_with_decimals(text: str, start: int, end: int) -> tuple[int, int]:
    """sentence_bounds, where "a 9 . 1 quake" (a decimal split by a tokeniser) is no full stop."""
    left, right = sentence_bounds(text, start, end)
    while re.search(r"\d \.\s+$", text[max(0, left - 4) : left]) and re.match(r"\d", text[left : left + 1]):
        left = sentence_bounds(text, left - 4, left - 3)[0]
    return left, right


@dataclass
class StoryContext:
    """The story's articles with their origins and entity keys, and the lookups rules share."""

    analyses: Sequence[Analysis]
    origins: Mapping[str, str]
    entity_keys: Mapping[tuple[str, str], str]
    names: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    _own_sentences: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        analyses: Sequence[Analysis],
        origins: Mapping[str, str] | None,
        entity_keys: Mapping[tuple[str, str], str] | None,
    ) -> StoryContext:
        keys = dict(entity_keys or {})
        context = cls(analyses, dict(origins or {}), keys)
        for analysis in analyses:
            for entity in analysis.entities:
                key = keys.setdefault((analysis.article.id, entity.id), fallback_entity_key(entity))
                if len(entity.name) > len(context.names.get(key, "")):
                    context.names[key] = entity.name
                context.types[key] = entity.type
        return context

    def origin(self, analysis: Analysis) -> str:
        return self.origins.get(analysis.article.id, analysis.article.id)

    def key(self, analysis: Analysis, entity_id: str | None) -> str | None:
        return None if entity_id is None else self.entity_keys.get((analysis.article.id, entity_id))

    def entity(self, analysis: Analysis, entity_id: str | None) -> Entity | None:
        return next((e for e in analysis.entities if e.id == entity_id), None)

    def key_for_name(self, analysis: Analysis, name: str) -> str | None:
        """The key of the article's entity called ``name`` (or with it as an alias), else None."""
        wanted = normalise(name)
        for entity in analysis.entities:
            if wanted in {normalise(entity.name), *(normalise(a) for a in entity.aliases)}:
                return self.key(analysis, entity.id)
        return None

    def according_to(self, analysis: Analysis, start: int, end: int) -> str | None:
        """Who the article attributes the span to: an attribution's or a reported quote's source."""
        for attribution in analysis.attributions:
            if attribution.start <= start and end <= attribution.end:
                return attribution.source
        for quote in analysis.quotes:
            if quote.speaker and quote.covers(start, end):
                return quote.speaker
        return None

    def sentence(self, analysis: Analysis, start: int, end: int) -> str:
        left, right = sentence_with_decimals(analysis.article.text, start, end)
        return " ".join(analysis.article.text[left:right].split())

    def shares_text(self, a: str, b: str) -> bool:
        """Whether two articles share sentences word for word: versions of one wire story or one release.

        Near-duplicates (link/duplicates) are whole copies; a wire story's
        rewrite keeps many sentences and adds others, so its body may overlap
        too little to be linked. Two or more sentences of eight words or more,
        outside quotation marks, in both articles are one text's (two outlets
        quoting one speaker share the quote, which does not count).
        """
        if a == b:
            return True
        mine, theirs = self._sentences(a), self._sentences(b)
        return len(mine & theirs) >= _SHARED_SENTENCES

    def _sentences(self, article_id: str) -> frozenset[str]:
        if article_id not in self._own_sentences:
            text = next((x.article.text for x in self.analyses if x.article.id == article_id), "")
            found = set()
            for sentence in _SENTENCE_END.split(text):
                words = sentence_words(sentence)
                if len(words) >= _COPY_WORDS and not _QUOTE_MARK.search(sentence):
                    found.add(" ".join(words))
            self._own_sentences[article_id] = frozenset(found)
        return self._own_sentences[article_id]

    def copied(self, a_article: str, a_sentence: str, b_article: str, b_sentence: str) -> bool:
        """Whether two articles' sentences are one writer's: copied word for word, or edited in a text's versions.

        The same sentence with eight words or more outside quotation marks is
        copied; in two articles that share text (:meth:`shares_text`), a
        sentence with half its words the same is that text's sentence, edited.
        """
        if a_article == b_article:
            return False
        wa, wb = sentence_words(a_sentence), sentence_words(b_sentence)
        if wa == wb and len(sentence_words(_QUOTED.sub(" ", a_sentence))) >= _COPY_WORDS:
            return True
        if not self.shares_text(a_article, b_article):
            return False
        sa, sb = set(wa), set(wb)
        return bool(sa and sb) and len(sa & sb) / len(sa | sb) >= _ALIKE


def sentence_words(sentence: str) -> list[str]:
    """A sentence's words, lower case, for comparing wording across articles."""
    return re.findall(r"\w+", sentence.lower())
