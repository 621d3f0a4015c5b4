"""compare_story: one story's articles in, what they agree and disagree on out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Analysis
from .conflicts import find_conflicts
from .context import StoryContext
from .corroboration import corroborate
from .facts import all_claims
from .parties import Parties
from .positions import find_positions
from .records import Claim, StoryComparison
from .timeline import story_timeline


def compare_story(
    analyses: Sequence[Analysis],
    *,
    origins: Mapping[str, str] | None = None,
    entity_keys: Mapping[tuple[str, str], str] | None = None,
) -> StoryComparison:
    """Corroborated facts, conflicts, positions and the timeline of one story.

    Args:
        analyses: the story's articles.
        origins: article id -> origin id (copies of one wire story share one);
            by default each article is its own origin.
        entity_keys: (article id, local entity id) -> cross-article entity key,
            from link/entities; by default ``context.fallback_entity_key``
            (normalised name and type, conservative).

    Returns:
        A StoryComparison; ``to_dict()`` gives the story keys of docs/json.md.
    """
    ordered = sorted(analyses, key=lambda a: (a.article.published or "9999", a.article.id))
    context = StoryContext.build(ordered, origins, entity_keys)
    parties = Parties(context)
    claims = merge_quote_subjects(all_claims(context, parties))
    corroborated, single = corroborate(
        claims, copied=lambda a, b: context.copied(a.article, a.sentence, b.article, b.sentence)
    )
    timeline, undated = story_timeline(context, parties)
    conflicts = find_conflicts(claims)
    disputed = {(c.subject, c.attribute) for c in conflicts}
    single = [f for f in single if (f.subject, f.attribute) not in disputed]
    return StoryComparison(
        conflicts=tuple(conflicts),
        corroborated=tuple(corroborated),
        positions=tuple(find_positions(context, parties)),
        timeline=tuple(timeline),
        undated=tuple(undated),
        only_one_outlet=tuple(single),
    )


def merge_quote_subjects(claims: list[Claim]) -> list[Claim]:
    """One subject per quote: a quote whose words lie inside a longer quote's takes the longer one's subject."""
    quotes = sorted(
        {c.subject_key: c for c in claims if c.kind == "speaker"}.values(), key=lambda c: -len(c.subject_key)
    )
    home: dict[str, Claim] = {}
    for claim in quotes:
        words = claim.subject_key.removeprefix("quote:")
        home[claim.subject_key] = next((h for h in quotes if words in h.subject_key and h is not claim), claim)
        home[claim.subject_key] = home.get(home[claim.subject_key].subject_key, home[claim.subject_key])
    return [
        replace(c, subject_key=home[c.subject_key].subject_key, subject=home[c.subject_key].subject)
        if c.kind == "speaker"
        else c
        for c in claims
    ]
