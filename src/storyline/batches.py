"""Batches: one way to cut a stream into lists, for every stage that works in batches.

Ingest hands chunks to workers, the store keeps SQL ``IN (...)`` lists under
SQLite's parameter limit, linking commits every few hundred articles: all of
them pull lists lazily from an iterable with :func:`chunked`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter), pulled lazily from ``items``."""
    iterator = iter(items)
    while chunk := list(islice(iterator, max(1, size))):
        yield chunk
