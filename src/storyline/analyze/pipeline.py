"""The per-article analysis: the configured components, checked, run in order.

``analyze`` is pure: one article in, one Analysis out, no store and no
network. The order comes from the ``pipeline`` setting, so a new stage is one
function and one config line; ``components_for`` checks that order against
what each component declares it requires (see registry.py) and refuses a
broken one at start-up instead of quietly giving worse results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import StorylineError
from ..model import Analysis, Article
from ..settings import Settings
from .registry import COMPONENTS, Component, Found

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def _load_components() -> None:
    """Import every family so that its ``@component`` decorators register."""
    from .entities import entities  # noqa: F401
    from .events import events  # noqa: F401
    from .speech import attributions, quotes  # noqa: F401
    from .time import dates, timeline  # noqa: F401


def components_for(settings: Settings) -> list[Component]:
    """The components named in ``settings.pipeline``, in order, with their contracts checked.

    Raises E151 for a name nobody registered and E152 when a component comes
    before one whose records it reads.
    """
    _load_components()
    chosen: list[Component] = []
    filled = {"article"}
    for name in settings.pipeline:
        if name not in COMPONENTS:
            raise StorylineError("E151", name=name, known=", ".join(sorted(COMPONENTS)))
        comp = COMPONENTS[name]
        missing = [need for need in comp.requires if need not in filled]
        if missing:
            providers = sorted(c.name for c in COMPONENTS.values() if c.fills in missing)
            raise StorylineError(
                "E152", name=name, missing=", ".join(missing), providers=", ".join(providers) or "none"
            )
        chosen.append(comp)
        filled.add(comp.fills)
    return chosen


def analyze_doc(article: Article, doc: Doc, settings: Settings) -> Analysis:
    """Run the configured components over an already-parsed article."""
    found = Found(article)
    for comp in components_for(settings):
        getattr(found, comp.fills).extend(comp.fn(doc, found=found, settings=settings))
    return analysis_of(found)


def analysis_of(found: Found) -> Analysis:
    """The Analysis of what the components found; held-back events go apart from the trusted ones."""
    return Analysis(
        article=found.article,
        entities=tuple(found.entities),
        quotes=tuple(found.quotes),
        attributions=tuple(found.attributions),
        dates=tuple(found.dates),
        events=tuple(e for e in found.events if e.held_back is None),
        timeline=tuple(found.timeline),
        held_back=tuple(e for e in found.events if e.held_back is not None),
    )


def analyze(article: Article, settings: Settings | None = None, nlp: Language | None = None) -> Analysis:
    """Analyse one cleaned article: entities, quotes, attributions, dates, events, timeline.

    A pure function of the article (and the loaded model): no store, no network.
    """
    settings = settings or Settings()
    if nlp is None:
        from .nlp import load_nlp

        nlp = load_nlp(settings.model)
    return analyze_doc(article, nlp(article.text), settings)
