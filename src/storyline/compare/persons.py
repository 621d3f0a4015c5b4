"""A participant's age and home town, as news reports give them beside the name.

Reports of a crime, an accident or a court case describe each person the
same way: "Dana Kettle, 36, of Harwick", "the 36-year-old Kettle". Two
outlets that give one person different ages or different home towns
disagree (ages change over a story's days only by a birthday; a reader
should see both values), and outlets that give the same one corroborate it.

Read only right beside a mention of a person the article names:

- age: "Name, 36," / "Name (36)" after the mention, or "36-year-old Name"
  just before it (a number from 1 to 110);
- home town: "Name, 36, of Harwick" / "Name, of Harwick," after the mention:
  "of" and a capitalised place right after the name's comma. "X of the
  council" (lower case) and "X of Harwick" without a comma (a title or a
  body: "Lee of ABC") are not read.

Home towns are compared as places (values.places_compatible): "Harwick" and
"Harwick, Vt." agree; two different towns disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Analysis

_AGE_AFTER = re.compile(r"\s*(?:,\s*|\(\s*)(?P<age>\d{1,3})\s*(?:,|\)|(?=[.;](?!\d)))")
_AGE_BEFORE = re.compile(r"(?<![\d.,])(?P<age>\d{1,3})\s*-\s*years?\s*-\s*old\s+$", re.IGNORECASE)
_PLACE = r"(?P<place>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|del|la|le|upon|on))*?)"
_HOME_AFTER = re.compile(
    rf"\s*,\s*(?:\d{{1,3}}\s*,\s*)?of\s+{_PLACE}(?=\s*[,.;()]|\s+(?:and|was|is|who|has|had|were|said)\b|\s*$)"
)
_MAX_AGE = 110


@dataclass(frozen=True, slots=True)
class PersonFact:
    """An age or a home town read beside a person's mention: entity id, attribute, value, span."""

    entity: str
    attribute: str  # "age" | "home town"
    value: str
    start: int
    end: int


def person_facts(analysis: Analysis) -> Iterator[PersonFact]:
    """Ages and home towns beside the mentions of the article's persons (module docstring)."""
    text = analysis.article.text
    for entity in analysis.entities:
        if entity.type != "PERSON":
            continue
        for start, end in entity.mentions:
            after = _AGE_AFTER.match(text, end)
            if after and 0 < int(after["age"]) <= _MAX_AGE:
                yield PersonFact(entity.id, "age", str(int(after["age"])), after.start("age"), after.end("age"))
            before = _AGE_BEFORE.search(text[max(0, start - 30) : start])
            if before and 0 < int(before["age"]) <= _MAX_AGE:
                offset = max(0, start - 30)
                yield PersonFact(
                    entity.id, "age", str(int(before["age"])), offset + before.start("age"), offset + before.end("age")
                )
            home = _HOME_AFTER.match(text, end)
            if home:
                yield PersonFact(entity.id, "home town", home["place"], home.start("place"), home.end("place"))
