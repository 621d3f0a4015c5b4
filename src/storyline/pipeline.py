"""The analysis component registry and the per-article analysis.

A component is a plain function ``fn(doc, *, found, settings)`` that yields
records; it is registered under a name with the field of ``Found`` it fills.
The order comes from ``settings.pipeline``, so a new stage is one function and
one config line. ``analyze`` is pure: one article in, one Analysis out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import StorylineError
from .model import Analysis, Article, Attribution, DateMention, Entity, Event, Quote, TimelineEntry
from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(slots=True)
class Found:
    """What the components found so far in one article; later ones read earlier ones."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


ComponentFn = Callable[..., Iterable[Any]]


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    fills: str
    fn: ComponentFn
    requires: tuple[str, ...] = ()


COMPONENTS: dict[str, Component] = {}


def component(name: str, *, fills: str, requires: tuple[str, ...] = ()) -> Callable[[ComponentFn], ComponentFn]:
    """Register ``fn`` as analysis component ``name`` filling ``Found.<fills>``."""

    def register(fn: ComponentFn) -> ComponentFn:
        COMPONENTS[name] = Component(name, fills, fn, requires)
        return fn

    return register


def _load_components() -> None:
    # Importing the modules runs their @component decorators.
    from .analyze import attributions, dates, entities, events, quotes, timeline  # noqa: F401


def components_for(settings: Settings) -> list[Component]:
    """The components named in ``settings.pipeline``, in order."""
    _load_components()
    chosen = []
    for name in settings.pipeline:
        if name not in COMPONENTS:
            raise StorylineError("E151", name=name, known=", ".join(sorted(COMPONENTS)))
        chosen.append(COMPONENTS[name])
    return chosen


def analyze_doc(article: Article, doc: Doc, settings: Settings) -> Analysis:
    """Run the configured components over an already-parsed article."""
    found = Found(article)
    for comp in components_for(settings):
        getattr(found, comp.fills).extend(comp.fn(doc, found=found, settings=settings))
    return Analysis(
        article=article,
        entities=tuple(found.entities),
        quotes=tuple(found.quotes),
        attributions=tuple(found.attributions),
        dates=tuple(found.dates),
        events=tuple(found.events),
        timeline=tuple(found.timeline),
    )


def analyze(article: Article, settings: Settings | None = None, nlp: Language | None = None) -> Analysis:
    """Analyse one cleaned article: entities, quotes, attributions, dates, events.

    A pure function of the article (and the loaded model): no store, no network.
    """
    settings = settings or Settings()
    if nlp is None:
        from .analyze.nlp import load_nlp

        nlp = load_nlp(settings.model)
    return analyze_doc(article, nlp(article.text), settings)


def analyze_many(
    articles: Iterable[Article], settings: Settings | None = None, nlp: Language | None = None
) -> Iterator[Analysis]:
    """Analyse articles in order, parsing them in batches with ``nlp.pipe``."""
    settings = settings or Settings()
    if nlp is None:
        from .analyze.nlp import load_nlp

        nlp = load_nlp(settings.model)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield analyze_doc(article, doc, settings)
