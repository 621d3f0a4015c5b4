"""Near-duplicates: syndicated and lightly edited copies of one article are one origin.

Each article gets two MinHash signatures (datasketch): one of the word
shingles of its whole body, one of its opening words (the lead). Reprints
often share less text than one expects (a changed headline, a dropped
paragraph, a local line added, a different cleaner's idea of where the body
starts), but they keep the opening; so a pair is a copy when its bodies
overlap enough ("body"), or when its leads match and the bodies overlap a
little ("lead"). Body overlap is judged by containment as well as Jaccard,
so a shortened reprint still counts as a copy of the full story.

Lookup is incremental: signatures are cut into LSH bands, each band hashed to
a bucket stored in SQLite and indexed on (band, bucket); a new article is
compared only with the articles sharing one of its buckets. Every copy links
to the earliest article of its group (by published date, then ingest order),
never to another copy; when a new article is earlier than a group's original,
the whole group moves to it. Because a pair's test is symmetric, the groups
are the connected components of the pairs that pass, whatever the order of
arrival: ``relink_duplicates`` gives the same links as linking one by one.

Thresholds were chosen on the tuning half of benchmarks/duplicates.py.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from ..batches import chunked
from ..model import Duplicate, Fingerprint
from ..store import Store

__all__ = ["DEFAULT_SCHEME", "LinkStats", "Scheme", "compare", "fingerprint", "link_duplicates", "relink_duplicates"]

_WORD = re.compile(r"\w+")
_SEED = 1
# Articles read from the store per round trip when linking many at once.
_BATCH = 200


@dataclass(frozen=True, slots=True)
class Scheme:
    """How articles are fingerprinted (stored) and which pairs count as copies (not stored).

    ``rows`` values per LSH band: with 128 permutations in bands of 2, a pair
    with body Jaccard 0.25 shares a bucket with probability 0.98, one with
    0.05 with probability 0.15, so candidates stay few while reprints that
    share a third of their shingles are still met. The lead bands add the
    pairs whose bodies diverge but whose openings match.

    Measured on the tuning half of benchmarks/duplicates.py: 4-word shingles
    kept one group of site boilerplate apart that 2-, 3- and 5-word shingles
    joined (P 1.000 vs 0.978, same recall), with 0.55 candidates per article;
    128 permutations estimate Jaccard within about 0.04.
    """

    shingle: int = 4
    num_perm: int = 128
    rows: int = 2
    lead_words: int = 60
    lead_perm: int = 64
    lead_rows: int = 2
    min_jaccard: float = 0.15
    min_containment: float = 0.6
    lead_jaccard: float = 0.5
    lead_body_jaccard: float = 0.08

    @property
    def name(self) -> str:
        """What a stored signature depends on; signatures of different names never compare."""
        return (
            f"w{self.shingle}-p{self.num_perm}r{self.rows}-lead{self.lead_words}"
            f"p{self.lead_perm}r{self.lead_rows}-{_permutation_scheme()}"
        )


DEFAULT_SCHEME = Scheme()


@dataclass(slots=True)
class LinkStats:
    """What a linking run did, so callers (and tests) can see it met only bucket candidates."""

    articles: int = 0
    candidates: int = 0
    links: int = 0


def shingles(text: str, size: int) -> set[bytes]:
    """Distinct lowercased word ``size``-grams; a text shorter than ``size`` words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def lead(text: str, words: int) -> str:
    """The opening ``words`` words: reprints keep it even when they cut or add paragraphs."""
    return " ".join(_WORD.findall(text.lower())[:words])


def fingerprint(article_id: str, text: str, scheme: Scheme = DEFAULT_SCHEME) -> Fingerprint | None:
    """MinHash signatures of an article's body and lead; None when the body has no words."""
    body = shingles(text, scheme.shingle)
    if not body:
        return None
    opening = shingles(lead(text, scheme.lead_words), scheme.shingle)
    normalized = " ".join(_WORD.findall(text.lower()))
    return Fingerprint(
        article_id=article_id,
        scheme=scheme.name,
        body_hash=hashlib.sha1(normalized.encode()).hexdigest(),
        size=len(body),
        lead_size=len(opening),
        body=_signature(body, scheme.num_perm),
        lead=_signature(opening, scheme.lead_perm),
    )


def buckets(fp: Fingerprint, scheme: Scheme = DEFAULT_SCHEME) -> list[tuple[int, int]]:
    """(band, bucket) pairs: body bands first, then lead bands numbered after them."""
    body_bands = list(_bands(fp.body, scheme.rows, scheme.name))
    lead_bands = list(_bands(fp.lead, scheme.lead_rows, scheme.name + "/lead"))
    return [(band, bucket) for band, bucket in enumerate(body_bands + lead_bands)]


def compare(a: Fingerprint, b: Fingerprint, scheme: Scheme = DEFAULT_SCHEME) -> tuple[float, str | None]:
    """(similarity, method) of two fingerprints; method None means they are not copies.

    The similarity is the estimated share of the shorter body found in the
    longer one (1.0 for the same words). Symmetric in ``a`` and ``b``, which
    is what makes the groups independent of the order articles arrive in.
    """
    if a.scheme != b.scheme:
        return 0.0, None
    if a.body_hash == b.body_hash:
        return 1.0, "exact"
    jaccard = _jaccard(a.body, b.body)
    containment = _containment(jaccard, a.size, b.size)
    if jaccard >= scheme.min_jaccard and containment >= scheme.min_containment:
        return containment, "body"
    if jaccard >= scheme.lead_body_jaccard and _jaccard(a.lead, b.lead) >= scheme.lead_jaccard:
        return containment, "lead"
    return containment, None


def link_duplicates(
    store: Store, article_ids: Iterable[str], *, scheme: Scheme = DEFAULT_SCHEME, stats: LinkStats | None = None
) -> list[tuple[str, str]]:
    """Fingerprint these stored articles and link each to the earliest copy it has.

    Returns the links made or moved, as (copy, original); ``stats`` (if
    given) counts the articles looked up and the bucket candidates examined.
    An id that is not stored, or whose body has no words, is skipped.
    """
    stats = stats if stats is not None else LinkStats()
    made: list[tuple[str, str]] = []
    for chunk in chunked(dict.fromkeys(article_ids), _BATCH):
        texts = store.article_texts(chunk)
        with store.link_transaction():
            for article_id in chunk:
                if article_id in texts:
                    made.extend(_link_one(store, article_id, texts[article_id], scheme, stats))
    stats.links += len(made)
    return made


def relink_duplicates(store: Store, *, scheme: Scheme = DEFAULT_SCHEME, stats: LinkStats | None = None) -> int:
    """Forget every fingerprint and link, link all articles again; return how many are copies.

    Use it after changing the scheme, or after articles were re-cleaned
    (their text changed, so their stored signatures no longer describe them).
    """
    store.clear_duplicates()
    link_duplicates(store, store.article_ids(), scheme=scheme, stats=stats)
    return len(store.duplicates())


def _link_one(store: Store, article_id: str, text: str, scheme: Scheme, stats: LinkStats) -> list[tuple[str, str]]:
    fp = fingerprint(article_id, text, scheme)
    if fp is None:
        return []
    bands = buckets(fp, scheme)
    neighbours = store.bucket_neighbours(bands, exclude=article_id)
    stats.articles += 1
    stats.candidates += len(neighbours)
    known = store.fingerprints(neighbours)
    matched = [n for n in neighbours if n in known and compare(fp, known[n], scheme)[1] is not None]
    if not matched:
        store.save_duplicates(fp, bands, [])
        return []
    links = _group_links(store, fp, matched, scheme)
    store.save_duplicates(fp, bands, links)
    return [(d.article_id, d.original_id) for d in links]


def _group_links(store: Store, fp: Fingerprint, matched: Sequence[str], scheme: Scheme) -> list[Duplicate]:
    """The links that change when ``fp``'s article joins (and maybe merges) its matches' groups.

    Every member links to the earliest member; a member whose original does
    not change keeps its row. Each row is a function of (member, original)
    only, so the rows do not depend on the order articles were linked in.
    """
    originals = set(store.origins(matched).values())
    members = originals | set(store.copies_of(originals)) | {fp.article_id}
    order = store.chronology(members)
    original = min(members, key=lambda m: order[m])
    current = store.origins(members)
    prints = store.fingerprints(members - {fp.article_id})
    prints[fp.article_id] = fp
    links = []
    for member in sorted(members - {original}, key=lambda m: order[m]):
        if current[member] == original:
            continue
        similarity, method = 0.0, None
        if member in prints and original in prints:
            similarity, method = compare(prints[member], prints[original], scheme)
        links.append(Duplicate(member, original, round(similarity, 4), method or "group"))
    return links


def _signature(items: set[bytes], num_perm: int) -> bytes:
    minhash = _empty(num_perm).copy()
    minhash.update_batch(list(items))
    return np.asarray(minhash.hashvalues).astype("<u4").tobytes()


@lru_cache(maxsize=8)
def _empty(num_perm: int) -> MinHash:
    """An empty MinHash to copy: datasketch draws the permutations anew for each new one (15x slower)."""
    return MinHash(num_perm=num_perm, seed=_SEED)


@lru_cache(maxsize=1)
def _permutation_scheme() -> str:
    """datasketch's hashing scheme (2.0 changed it): signatures of different schemes differ."""
    return str(getattr(MinHash(num_perm=1), "scheme", "legacy"))


def _bands(signature: bytes, rows: int, salt: str) -> Iterator[int]:
    """One signed 64-bit bucket per band of ``rows`` values (an INTEGER column, indexed)."""
    width = 4 * rows
    for start in range(0, len(signature) - width + 1, width):
        digest = hashlib.blake2b(
            signature[start : start + width], digest_size=8, person=b"storyline-lsh", salt=_salt(salt)
        )
        yield int.from_bytes(digest.digest(), "little", signed=True)


@lru_cache(maxsize=8)
def _salt(name: str) -> bytes:
    return hashlib.blake2b(name.encode(), digest_size=16).digest()


def _jaccard(a: bytes, b: bytes) -> float:
    left, right = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    if len(left) != len(right) or not len(left):
        return 0.0
    return float(np.count_nonzero(left == right)) / len(left)


def _containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller shingle set inside the larger: |A & B| = J (|A| + |B|) / (1 + J)."""
    smaller = min(size_a, size_b)
    if not smaller:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / (1.0 + jaccard) / smaller)
