"""Stories: articles about the same happening, grouped as they arrive.

Single-pass clustering in the manner of Miranda et al. (2018), "Multilingual
clustering of streaming news": each article is a set of TF-IDF sub-vectors
(title words, body words, entity names, dates it mentions, the numbers it
gives), compared with the centroid of each candidate story by a weighted sum
of cosines, damped by the gap between its publication date and the story's;
it joins the most similar story when that passes a threshold, else it opens
a new story.

Incremental by construction: the candidates are only the stories sharing an
index key with the article (an entity name or one of its top terms), looked
up in ``story_index``; the IDF comes from document frequencies kept in
``story_terms`` as articles are linked, so no step reads the whole corpus.
The IDF an article is weighted with is the one known when it arrives, as in
any streaming system; ``relink_stories`` rebuilds everything in publication
order.

Dates: the decay uses only publication dates read from the article
(``published_source`` explicit or estimated). An article or story without one
gets no penalty: a missing date says nothing about the happening, and
penalising it would split undated scrapes that belong together; ingest time
is only the fallback for ``first_seen``/``last_seen``.

The parameters were tuned on the tuning half of the ECB+ story benchmark
(benchmarks/stories.py), which has two similar happenings per topic.
"""

from __future__ import annotations

import hashlib
import logging
import math
import operator
import re
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..model import Analysis
from ..store import Store

log = logging.getLogger(__name__)

# The sub-vectors of an article, by the key of their field in the stored JSON.
FIELDS = ("title", "body", "entities", "dates", "numbers")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_POSSESSIVE_ENDS = ("'s", "’s")  # what _POSSESSIVE matches in a word of _WORD (no line breaks)


@dataclass(frozen=True, slots=True)
class StoryParams:
    """What decides whether an article joins a story; defaults tuned on the ECB+ tuning half.

    ``weights`` weigh the cosine of each field; a field the article lacks
    (no title, no entities) is left out of the weighted mean rather than
    counted as a mismatch. ``decay_days`` is the scale of the Gaussian damping
    on the gap between publication dates. ``index_terms`` top terms and every
    entity name are the keys under which a story is found;
    ``max_candidates`` caps the stories one article is compared with, and
    ``max_postings`` the stories read per index key, most recently grown
    first: a common word indexes a fixed share of all stories, so reading
    every posting would make linking cost grow with the corpus. A recency cap
    rather than dropping long keys as stop words, because the stories an
    article can join are recent ones (the date decay leaves little to old
    ones) and a common key still finds the recent stories it names.
    After each join, ``settle_members`` weakest members of the story and of
    its ``settle_stories`` nearest rival candidates may move to whichever of
    these stories they fit best (0 stories turns this off); see ``_settle``.
    ``threshold`` is the centre of the tuning half's plateau, not its peak:
    the sweep (``python -m benchmarks.stories --sweep``) scores 0.929 / 0.939 /
    0.940 / 0.946 / 0.928 / 0.914 B-cubed F1 at 0.17 ... 0.22, and 0.19 has
    the best mean over itself and its two neighbours (a peak with a cliff
    beside it moves on other topics). Re-swept in round 8 with the short-article
    threshold and the entity keys (0.17 ... 0.21: 0.937 / 0.956 / 0.960 /
    0.956 / 0.951): 0.19 is still the best mean.
    ``vector_terms`` keeps an article's 600 heaviest terms per field: at 300
    a long article lost terms its story shares (the plain TF-IDF baseline
    keeps every term); 600 raised tuning, check and whole a little (0.949 /
    0.910 / 0.898 -> 0.951 / 0.913 / 0.900), 1000 no further.
    ``short_terms``: an article with fewer distinct body terms than this
    must pass a lower threshold, ``threshold * sqrt(terms / short_terms)``,
    counting at least ``short_floor`` terms so that the threshold is never
    below half (see ``join_threshold``; ``short_terms`` 0 turns this off).
    ``apart_days``: two stories never merge, and settling never moves an
    article into a story, when every whole day one side mentions is more than
    this many days from every whole day the other mentions (see
    ``years_apart``; 0 turns this off). A new article's join is not vetoed
    this way: on the tuning half that lost recall (0.960 -> 0.954), one
    article's background dates being enough to send it away from its story.
    Title words and mentioned dates are computed and stored but weighted 0:
    on the tuning half they did not help (0.936 with dates at 0.25, less with
    titles, which text scrapes often misread); see docs/evaluation.md.
    The figures a text gives (``numbers``: tolls, ages, magnitudes, ordinals,
    years) are a channel of their own at weight 0.5, and out of the body's
    words: two happenings of one kind (two floods, two casting announcements)
    are told in the same words and names, and the figures are what differ.
    Measured on the ECB+ tuning half in five link orders (docs/evaluation.md,
    round 14): B-cubed F1 mean 0.949 -> 0.958 (precision and recall both
    up), article-id order 0.960 -> 0.963; 0.4 / 0.6 / 0.75 gave 0.953 /
    0.954 / 0.958, and a channel that left them in the body too at most 0.955.
    """

    threshold: float = 0.19
    weights: tuple[tuple[str, float], ...] = (
        ("title", 0.0),
        ("body", 1.0),
        ("entities", 1.0),
        ("dates", 0.0),
        ("numbers", 0.5),
    )
    decay_days: float = 3.0
    vector_terms: int = 600
    centroid_terms: int = 1000
    index_terms: int = 10
    max_candidates: int = 30
    max_postings: int = 200
    average: bool = True
    merge_threshold: float | None = None
    settle_stories: int = 1
    settle_members: int = 10
    settle_margin: float = 0.0
    short_terms: int = 40
    short_floor: int = 10
    apart_days: int = 365


@dataclass(slots=True)
class LinkStats:
    """What a linking run did; ``examined`` counts the stories whose similarity was computed."""

    articles: int = 0
    examined: int = 0
    opened: int = 0
    joined: int = 0
    merged: int = 0
    moved: int = 0
    touched: list[str] = field(default_factory=list)


Vector = dict[str, float]


def link_stories(
    store: Store,
    article_ids: Iterable[str],
    *,
    params: StoryParams | None = None,
    stats: LinkStats | None = None,
) -> list[str]:
    """Link each article to a story (an existing one or a new one), in the given order.

    Articles already linked are left where they are. Each article is linked in
    its own transaction, so a later one sees the stories the earlier ones made.

    Args:
        store: the knowledge base; the articles must be stored.
        article_ids: the articles to link, in the order they should arrive.
        params: clustering parameters (defaults: ``StoryParams()``).
        stats: filled with counts, e.g. how many candidate stories were examined.

    Returns:
        The ids of the stories touched (opened or joined), first touch first.
    """
    params = params or StoryParams()
    stats = stats if stats is not None else LinkStats()
    touched: dict[str, None] = {}
    for article_id in article_ids:
        if store.story_of(article_id) is not None:
            continue
        with store.transaction():
            story_id = _link_one(store, store.analysis(article_id, only=_READS), params, stats)
        touched[story_id] = None
    stats.touched = list(touched)
    return stats.touched


def relink_stories(store: Store, *, params: StoryParams | None = None, stats: LinkStats | None = None) -> int:
    """Forget every story and link all articles again in publication order; return the number of stories."""
    with store.transaction():
        store.clear_stories()
    link_stories(store, store.articles_by_seen(), params=params, stats=stats)
    return len(store.stories())


# -- one article -------------------------------------------------------------


# The parts of an analysis that story linking reads (article_counts): the article is always read.
_READS = ("entities", "dates")


def _link_one(store: Store, analysis: Analysis, params: StoryParams, stats: LinkStats) -> str:
    """Weigh the article, find its best candidate story, join it or open a new one."""
    article = analysis.article
    counts = article_counts(analysis)
    terms = {key for field_counts in counts.values() for key in field_counts}
    store.story_count_terms(terms)
    total = store.story_linked_count() + 1
    df = store.story_term_frequencies(terms)
    vector = {name: _tfidf(counts[name], df, total, params.vector_terms) for name in FIELDS}
    dated = _published_day(analysis)
    seen = dated or (store.ingested_at(article.id) or "")[:10] or None

    keys = index_keys(vector, params.index_terms)
    candidates = store.story_states(store.story_candidates(keys, params.max_candidates, per_key=params.max_postings))
    stats.articles += 1
    stats.examined += len(candidates)
    best_id, best = None, 0.0
    scores: dict[str, float] = {}
    for story_id, state in sorted(candidates.items()):
        score = similarity(vector, state["centroid"], params, size=state["size"]) * decay(dated, state, params)
        scores[story_id] = score
        if score > best:
            best_id, best = story_id, score
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    if best_id is not None and best >= join_threshold(vector, params):
        stats.joined += 1
        state = candidates[best_id]
    else:
        stats.opened += 1
        best_id, best = story_key(article.id), 1.0
        state = {"id": best_id, "size": 0, "centroid": {}, "title_article": None}
        state.update(dated_first=None, dated_last=None, first_seen=None, last_seen=None)
    story = _grown(store, state, analysis, vector, dated, seen, params)
    store.save_story(story, now)
    store.add_story_article(best_id, article.id, round(best, 4), seen, vector)
    store.add_story_keys(best_id, keys)
    log.debug("article %s -> story %s (%.3f, %d candidates)", article.id, best_id, best, len(candidates))
    others = {story_id: state for story_id, state in candidates.items() if story_id != best_id}
    before = (stats.merged, stats.moved)
    story_id = _merged(store, story, others, params, stats, now)
    settled = [story_id]
    if params.settle_stories:
        nearest = sorted((s for s in scores if s != story_id), key=lambda s: (-scores[s], s))
        settled += nearest[: params.settle_stories]
        _settle(store, settled, params, stats, now)
    if (stats.merged, stats.moved) == before and (not state["first_seen"] or (seen or "") > state["first_seen"]):
        # Opened here, or joined by an article seen on a later day: the earliest article (the id) is unchanged.
        return story_id
    renamed: dict[str, str | None] = {}
    for _ in range(2):  # a second round for a story whose id was held by the other one until it was renamed
        for old in settled:
            if renamed.get(old, old) == old:
                renamed[old] = _stable_id(store, old)
    return renamed.get(story_id) or story_id


def _stable_id(store: Store, story_id: str) -> str | None:
    """Give a story the id of its earliest article (None when the story is gone); return that id.

    Merges keep the larger story's id and settling can move a story's first
    article away, so the id a story ends with would depend on the order the
    articles came in; ``relink`` would then give the same articles new ids
    and break every saved link to a story. The earliest member (by the day
    it was seen, then storage order, as ``Store.story`` lists them) is the
    same whichever order the articles were linked in, and a later article
    joining does not change it. Reads one story's members, never the corpus.
    """
    row = store.conn.execute(
        "SELECT s.article_id FROM story_articles s JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? ORDER BY s.seen, a.rowid LIMIT 1",
        (story_id,),
    ).fetchone()
    if row is None:
        return None
    stable = story_key(str(row[0]))
    if stable != story_id:
        state = store.story_states([story_id])[story_id]
        clash = store.story_states([stable]).get(stable)
        if clash is not None:  # still held by the story this article opened and left; retried once renamed
            return story_id
        store.save_story({**state, "id": stable}, time.strftime("%Y-%m-%dT%H:%M:%S"))
        store.merge_stories(stable, story_id)
    return stable


def _merged(
    store: Store,
    story: dict[str, Any],
    others: Mapping[str, Mapping[str, Any]],
    params: StoryParams,
    stats: LinkStats,
    now: str,
) -> str:
    """Merge into ``story`` the candidate stories it now resembles; return the surviving id.

    An article can bridge two stories that were opened apart because their
    first articles shared too little; like agglomerative clustering, two
    stories join when their average similarity passes the threshold. Only the
    article's candidates are considered, so this stays incremental.
    """
    limit = params.threshold if params.merge_threshold is None else params.merge_threshold
    while others:
        scores = {story_id: _story_similarity(story, state, params) for story_id, state in others.items()}
        other_id = max(sorted(scores), key=lambda story_id: scores[story_id])
        if scores[other_id] < limit:
            break
        other = dict(others[other_id])
        others = {k: v for k, v in others.items() if k != other_id}
        keep, gone = (story, other) if int(story["size"]) >= int(other["size"]) else (other, story)
        story = {
            **keep,
            "size": int(keep["size"]) + int(gone["size"]),
            "centroid": {
                name: _top(_add(keep["centroid"].get(name, {}), gone["centroid"].get(name, {})), params.centroid_terms)
                for name in FIELDS
            },
            **{k: _min(keep.get(k), gone.get(k)) for k in ("dated_first", "first_seen")},
            **{k: _max(keep.get(k), gone.get(k)) for k in ("dated_last", "last_seen")},
        }
        store.save_story(story, now)
        store.merge_stories(story["id"], gone["id"])
        stats.merged += 1
        log.debug("story %s merged into %s (%.3f)", gone["id"], story["id"], scores[other_id])
    return str(story["id"])


def _settle(store: Store, story_ids: list[str], params: StoryParams, stats: LinkStats, now: str) -> None:
    """Move members of the touched story and its nearest rivals to whichever of them they now fit best.

    Single-pass clustering cannot undo a join: an article that came early,
    before its own story existed, stays in the nearest story it found then.
    After each join the weakest members (``settle_members`` per story, by the
    similarity they joined at) of the story and of its ``settle_stories``
    nearest candidates are compared with each of these stories by average
    linkage (with their own story minus themselves); a member that fits a
    rival better, above the threshold, moves there. Bounded by construction:
    a few stories, a few members each, whatever the size of the corpus.
    """
    states = store.story_states(story_ids)
    members = [
        m for story_id in story_ids if story_id in states for m in store.story_members(story_id, params.settle_members)
    ]
    for member in members if len(states) > 1 else []:
        own_id = store.story_of(member["article_id"])
        if own_id not in states:
            continue
        best_id, best, rest = _best_home(member, own_id, states, params)
        if best_id is None:
            continue
        _move(store, member, states[own_id], rest, states[best_id], best, params)
        stats.moved += 1
        for story_id in (own_id, best_id):
            if states[story_id]["size"]:
                store.save_story(states[story_id], now)
            else:
                store.delete_story(story_id)
                del states[story_id]
        if len(states) < 2:
            return


def _best_home(
    member: Mapping[str, Any], own_id: str, states: Mapping[str, Mapping[str, Any]], params: StoryParams
) -> tuple[str | None, float, dict[str, Vector]]:
    """The rival story a member fits better than its own (or None), that score, and its own centroid without it."""
    vector, own = member["vector"], states[own_id]
    dated = member["published"][:10] if member["published"] and member["published_source"] != "unknown" else None
    rest = _minus(own["centroid"], vector)
    size = int(own["size"]) - 1
    mine = similarity(vector, rest, params, size=size) * decay(dated, own, params) if size else 0.0
    best_id, best = None, mine + params.settle_margin
    for other_id, other in states.items():
        if other_id == own_id:
            continue
        if years_apart(vector.get("dates", {}), other["centroid"].get("dates", {}), params):
            continue
        score = similarity(vector, other["centroid"], params, size=int(other["size"])) * decay(dated, other, params)
        if score >= params.threshold and score > best:
            best_id, best = other_id, score
    return best_id, best, rest


def _move(
    store: Store,
    member: Mapping[str, Any],
    own: dict[str, Any],
    rest: dict[str, Vector],
    target: dict[str, Any],
    score: float,
    params: StoryParams,
) -> None:
    """Move one member from ``own`` to ``target``: both states, the link row and the target's index keys.

    The story it leaves keeps its dated span (recomputing it would read every
    member; a span too wide only softens the decay) and gets a new title
    article (its strongest member) if it was this one.
    """
    article_id, vector = member["article_id"], member["vector"]
    dated = member["published"][:10] if member["published"] and member["published_source"] != "unknown" else None
    own["centroid"], own["size"] = rest, int(own["size"]) - 1
    target["centroid"] = {
        name: _top(_add(target["centroid"].get(name, {}), vector.get(name, {})), params.centroid_terms)
        for name in FIELDS
    }
    target["size"] = int(target["size"]) + 1
    target["dated_first"] = _min(target["dated_first"], dated)
    target["dated_last"] = _max(target["dated_last"], dated)
    store.move_story_article(article_id, target["id"], round(score, 4))
    store.add_story_keys(target["id"], index_keys(vector, params.index_terms))
    if own["title_article"] == article_id and own["size"]:
        remaining = store.story_members(own["id"], 1, strongest=True)
        if remaining:
            own["title_article"] = remaining[0]["article_id"]
            own["title"] = _title_of(store, own["title_article"])
    log.debug("article %s moved from story %s to %s (%.3f)", article_id, own["id"], target["id"], score)


def _minus(a: Mapping[str, Vector], b: Mapping[str, Vector]) -> dict[str, Vector]:
    """A centroid without one member's vector (terms that fall to zero are dropped)."""
    rest: dict[str, Vector] = {}
    for name in FIELDS:
        field_rest = dict(a.get(name, {}))
        for term, w in b.get(name, {}).items():
            if term in field_rest:
                left = round(field_rest[term] - w, 5)
                if left > 1e-4:
                    field_rest[term] = left
                else:
                    del field_rest[term]
        rest[name] = field_rest
    return rest


def _title_of(store: Store, article_id: str) -> str:
    article = store.analysis(article_id, only=()).article
    return article.title or _first_words(article.text)


def _story_similarity(story: Mapping[str, Any], other: Mapping[str, Any], params: StoryParams) -> float:
    """Average linkage between two stories (mean over pairs of articles), damped by their date gap."""
    if years_apart(story["centroid"].get("dates", {}), other["centroid"].get("dates", {}), params):
        return 0.0
    score = weight = 0.0
    for name, w in params.weights:
        mine, theirs = story["centroid"].get(name), other["centroid"].get(name)
        if not mine or not theirs:
            continue
        weight += w
        if params.average:
            score += w * _dot(mine, theirs) / (max(1, int(story["size"])) * max(1, int(other["size"])))
        else:
            score += w * _cosine(mine, theirs)
    if not weight:
        return 0.0
    return score / weight * _decay(story.get("dated_first"), story.get("dated_last"), other, params)


def _grown(
    store: Store,
    state: Mapping[str, Any],
    analysis: Analysis,
    vector: Mapping[str, Vector],
    dated: str | None,
    seen: str | None,
    params: StoryParams,
) -> dict[str, Any]:
    """The story row once the article has joined: centroid, dates, size, title."""
    centroid = {
        name: _top(_add(state["centroid"].get(name, {}), vector[name]), params.centroid_terms) for name in FIELDS
    }
    title_article, title = state.get("title_article"), None
    new_central = similarity(vector, centroid, params)
    old_vector = store.story_article_vector(title_article) if title_article else None
    if old_vector is None or new_central > similarity(old_vector, centroid, params):
        title_article = analysis.article.id
    title_analysis = analysis if title_article == analysis.article.id else store.analysis(str(title_article), only=())
    title = title_analysis.article.title or _first_words(title_analysis.article.text)
    return {
        "id": state["id"],
        "title": title,
        "size": int(state["size"]) + 1,
        "title_article": title_article,
        "centroid": centroid,
        "dated_first": _min(state.get("dated_first"), dated),
        "dated_last": _max(state.get("dated_last"), dated),
        "first_seen": _min(state.get("first_seen"), seen),
        "last_seen": _max(state.get("last_seen"), seen),
    }


# -- features ----------------------------------------------------------------


def words(text: str) -> list[str]:
    """Lowercased content words: no stop words, no single characters, possessive 's dropped."""
    found = []
    for word in _WORD.findall(text.lower()):
        if word.endswith(_POSSESSIVE_ENDS):  # as _POSSESSIVE.sub("", word), only where it applies
            word = word[:-2]
        if len(word) > 1 and word not in STOP_WORDS:
            found.append(word)
    return found


def article_counts(analysis: Analysis) -> dict[str, Counter[str]]:
    """Raw counts per field; keys carry a field prefix so one frequency table serves all fields.

    Title and body share the ``w:`` vocabulary (a word is as rare in titles as
    in bodies); entity names are whole keys (``e:``, without a legal suffix
    such as "Inc." or a possessive, see ``_entity_key``), so "Tara Vale" and
    "Vale Street" do not meet on "vale"; dates are kept at year, month and
    day (``d:``) so a story in May 2013 and one in 2008 differ.

    The body counts the headline's words too (see ``_body_text``): reading
    splits the headline off the text, and it names the happening more
    plainly than any other line. Numbers are not body words: they are the
    ``numbers`` field (``n:``, see ``_numbers``), weighed on their own.
    """
    article = analysis.article
    title = Counter("w:" + w for w in words(article.title or ""))
    body = Counter("w:" + w for w in words(_body_text(article.title, article.text)) if not w.isdigit())
    entities: Counter[str] = Counter()
    for entity in analysis.entities:
        entities["e:" + _entity_key(entity.name)] += max(1, len(entity.mentions))
    dates: Counter[str] = Counter()
    for mention in analysis.dates:
        value = (mention.value or "").split("/")[0]
        if re.fullmatch(r"\d{4}(-\d\d){0,2}", value):
            for size in (4, 7, 10):
                if len(value) >= size:
                    dates["d:" + value[:size]] += 1
    numbers = _numbers(_body_text(article.title, article.text))
    return {"title": title, "body": body, "entities": entities, "dates": dates, "numbers": numbers}


_NUMBER = re.compile(r"\d+(?:,\d{3}(?!\d))*(?:\.\d+|[ ]\.[ ]\d+)?")


def _numbers(text: str) -> Counter[str]:
    """The numbers a text gives (``n:`` keys): counts, ages, magnitudes, ordinals, years, times.

    What tells apart two happenings of one kind that are told in the same
    words: the toll, the magnitude, the year, the "12th" holder of a post.

    A figure is written "6.1", "6 . 1" (tokenised text) or "1,200"; each is
    one key ("n:6.1", "n:1200"), and "12th" gives "n:12". Single digits are
    left out, as in ``words``: they are in every text.
    """
    numbers: Counter[str] = Counter()
    for match in _NUMBER.finditer(text):
        number = match.group().replace(" ", "").replace(",", "")
        if len(number) > 1:
            numbers["n:" + number] += 1
    return numbers


_ORG_TAIL = re.compile(r"(?:[\s,]+(?:inc|corp|co|ltd|llc|plc|corporation|company|incorporated)\.?)+$")


def _entity_key(name: str) -> str:
    """An entity's name as a key, without a company's legal suffix or a possessive 's.

    Outlets name a company with or without its legal form ("Orlen Systems Inc."
    in one report, "Orlen Systems" in the next), and the entity channel keys
    whole names, so the two never met. Measured on the ECB+ tuning half
    (docs/evaluation.md, round 8): recall 0.953 -> 0.959, precision unchanged.
    """
    key = name.lower().strip()
    key = _ORG_TAIL.sub("", key)
    key = _POSSESSIVE.sub("", key)
    return key or name.lower().strip()


def _body_text(title: str | None, text: str) -> str:
    """The text the body vector counts: the headline, then the text, unless the text already opens with it.

    Reading stores the headline apart from the text, so a body vector of the
    text alone misses the words that name the happening most plainly; the
    plain TF-IDF baseline, which reads the whole file, has them. Measured on
    the ECB+ story benchmark (docs/evaluation.md, round 6): tuning, check and
    whole all rose a little (0.938 / 0.905 / 0.895 -> 0.949 / 0.910 / 0.898).
    A headline the text repeats near its start (some cleaners keep it) is
    not counted twice.
    """
    if not title or f" {_squashed(title)} " in f" {_squashed(text[: 3 * len(title) + 200])} ":  # whole words
        return text
    return f"{title}\n{text}"


def _squashed(text: str) -> str:
    return " ".join(words(text))


def _tfidf(counts: Mapping[str, int], df: Mapping[str, int], total: int, keep: int) -> Vector:
    """Sublinear TF times smoothed IDF, L2-normalised, the ``keep`` heaviest terms."""
    weights = {
        term: (1.0 + math.log(n)) * (math.log((1 + total) / (1 + df.get(term, 1))) + 1.0) for term, n in counts.items()
    }
    return _normalised(_top(weights, keep))


def index_keys(vector: Mapping[str, Vector], terms: int) -> list[str]:
    """The keys a story is found under: every entity name and the article's top body and title terms."""
    keys = set(vector["entities"])
    keys.update(_top(vector["body"], terms))
    keys.update(_top(vector["title"], terms))
    return sorted(keys)


# -- similarity --------------------------------------------------------------


def similarity(
    vector: Mapping[str, Vector], centroid: Mapping[str, Vector], params: StoryParams, *, size: int = 1
) -> float:
    """Weighted mean of the per-field similarities, over the fields both sides have.

    With ``params.average`` a field's similarity is the mean cosine with the
    story's articles (average linkage: the centroid is their sum), else the
    cosine with the centroid, which flatters loose stories and lets them drift.
    """
    score = weight = 0.0
    for name, w in params.weights:
        if not vector.get(name) or not centroid.get(name):
            continue
        weight += w
        if params.average:
            score += w * _dot(vector[name], centroid[name]) / (_norm(vector[name]) * max(1, size))
        else:
            score += w * _cosine(vector[name], centroid[name])
    return score / weight if weight else 0.0


def years_apart(mine: Mapping[str, float], theirs: Mapping[str, float], params: StoryParams) -> bool:
    """Whether every day one side mentions is more than ``apart_days`` from every day the other mentions.

    Two earthquakes in one region, two trials of one man: the words and names
    are the same and only the dates tell the happenings apart. The decay on
    publication dates cannot, when the texts carry none (scrapes, archives), so
    the days the articles mention (``d:YYYY-MM-DD`` keys, whole dates only: a
    bare year or month is too loose) decide. One shared day or one day within
    ``apart_days`` on any side keeps the two compatible, so a follow-up that
    recalls the first happening's date still merges; a side without whole dates
    says nothing. Measured on the ECB+ benchmark: docs/evaluation.md, "Stories, round 9".
    """
    if params.apart_days <= 0:
        return False
    days_a = sorted(_days(mine))
    days_b = sorted(_days(theirs))
    if not days_a or not days_b:
        return False
    i = j = 0
    while i < len(days_a) and j < len(days_b):  # the smallest gap between two sorted lists
        if abs(days_a[i] - days_b[j]) <= params.apart_days:
            return False
        if days_a[i] < days_b[j]:
            i += 1
        else:
            j += 1
    return True


def _days(dates: Mapping[str, float]) -> list[int]:
    """Whole days among a dates vector's keys (``d:2013-05-04``), as ordinals."""
    days = []
    for key in dates:
        if len(key) == 12:
            try:
                days.append(date.fromisoformat(key[2:]).toordinal())
            except ValueError:
                continue
    return days


def join_threshold(vector: Mapping[str, Vector], params: StoryParams) -> float:
    """The similarity an article must reach to join a story: lower for a short article.

    The score is a mean cosine with the story's articles, and the cosine of a
    short text with a long one is small even when every word of the short one
    is in the long one: with evenly spread weights it is about the square root
    of the ratio of their term counts. Two-line briefs and one-sentence updates
    were left alone beside the story they belong to. So below ``short_terms``
    distinct body terms the threshold shrinks with the square root of the count. Measured on the ECB+ tuning
    half (docs/evaluation.md, round 8): recall 0.940 -> 0.953, precision
    unchanged; 30 to 50 terms gave the same figure, 40 is the centre. The
    floor (never below half the threshold, reached at ``short_floor`` terms)
    keeps a scrap of a few words from joining on one shared word; it changed
    nothing there (4 of 426 tuning articles have fewer than 10 body terms).
    """
    if not params.short_terms:
        return params.threshold
    terms = max(len(vector.get("body", {})), params.short_floor)
    return params.threshold * math.sqrt(min(1.0, terms / params.short_terms))


def decay(dated: str | None, state: Mapping[str, Any], params: StoryParams) -> float:
    """Gaussian damping on the days between the article's date and the story's dated span; 1 when unknown."""
    return _decay(dated, dated, state, params)


def _decay(first: str | None, last: str | None, state: Mapping[str, Any], params: StoryParams) -> float:
    """Damping for the gap between the days ``first``..``last`` and a story's dated span (0 when they overlap)."""
    their_first, their_last = state.get("dated_first"), state.get("dated_last")
    if not first or not last or not their_first or not their_last or params.decay_days <= 0:
        return 1.0
    gap = max(
        0,
        (date.fromisoformat(their_first) - date.fromisoformat(last)).days,
        (date.fromisoformat(first) - date.fromisoformat(their_last)).days,
    )
    return math.exp(-0.5 * (gap / params.decay_days) ** 2)


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    dot = _dot(a, b)
    return dot / (_norm(a) * _norm(b)) if dot else 0.0


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Sparse dot product over the shared terms only (found by a C-level set intersection,
    a few of a centroid's hundreds of terms), summed exactly: ``fsum`` is independent of the
    set's hash order, so the score does not vary from one process to the next."""
    if len(a) > len(b):
        a, b = b, a
    return math.fsum([a[t] * b[t] for t in a.keys() & b.keys()])


def _norm(vector: Mapping[str, float]) -> float:
    weights = vector.values()
    return math.sqrt(sum(map(operator.mul, weights, weights))) or 1.0  # the same sum, in the same order


def _normalised(vector: Vector) -> Vector:
    norm = _norm(vector)
    return {t: round(w / norm, 5) for t, w in vector.items()}


def _top(vector: Mapping[str, float], keep: int) -> Vector:
    return dict(sorted(vector.items(), key=lambda item: (-item[1], item[0]))[:keep])


def _add(a: Mapping[str, float], b: Mapping[str, float]) -> Vector:
    summed = dict(a)
    for term, w in b.items():
        summed[term] = round(summed.get(term, 0.0) + w, 5)
    return summed


# -- small helpers -----------------------------------------------------------


def story_key(article_id: str) -> str:
    """A story's id: short, and stable for the article that opened it."""
    return "s" + hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:10]


def _published_day(analysis: Analysis) -> str | None:
    """The publication day read from the article, or None when unknown or unreadable."""
    article = analysis.article
    if not article.published or article.published_source == "unknown":
        return None
    day = article.published[:10]
    try:
        date.fromisoformat(day)
    except ValueError:
        return None
    return day


def _first_words(text: str, count: int = 12) -> str:
    head = text.split()[:count]
    return " ".join(head) + (" ..." if len(text.split()) > count else "")


def _min(a: str | None, b: str | None) -> str | None:
    return min(x for x in (a, b) if x) if a or b else None


def _max(a: str | None, b: str | None) -> str | None:
    return max(x for x in (a, b) if x) if a or b else None
