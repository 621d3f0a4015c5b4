"""The colour of a vehicle: "a grey 2011 Selm Corsa", "a silver Valmora Arrow", "a dark blue van".

In hit-and-run, robbery and chase stories the vehicle is how witnesses and
police describe it, and outlets disagree on its colour (one writes grey,
another silver). A colour is read when a lower-case colour word stands before
a vehicle: a known make ("Toyota"), a vehicle noun ("sedan", "pickup"), or
capitalised words after a model year ("2013 gray Corsa", "gray 2013 Corsa").

Which vehicle: the model, the last capitalised word of the phrase ("Corsa"),
so two outlets naming the same model compare its colour; a vehicle named only
by its noun ("a silver car") may be any of the story's cars (the victim's,
the suspect's, a police car), so such a colour only corroborates (weak).

Compatible colours: "grey" and "gray" are one; a shade ("dark", "light",
"metallic") is dropped, except that "dark" is near black and "light" near
white; a compound ("silver-gray", "grey/silver") is both of its colours.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Colour words -> the colour compared ("grey" and "gray" are one).
COLOURS: dict[str, str] = {
    "black": "black", "white": "white", "red": "red", "blue": "blue", "green": "green", "yellow": "yellow",
    "gray": "gray", "grey": "gray", "silver": "silver", "gold": "gold", "brown": "brown", "orange": "orange",
    "purple": "purple", "maroon": "maroon", "beige": "beige", "tan": "tan", "burgundy": "burgundy",
}  # fmt: skip
MAKES = frozenset(
    """toyota honda ford chevrolet chevy nissan hyundai kia mazda subaru volkswagen vw audi bmw mercedes
    mercedes-benz lexus acura infiniti dodge chrysler jeep cadillac buick gmc lincoln volvo saab peugeot renault
    citroen fiat opel skoda seat mitsubishi suzuki tesla porsche jaguar land range mini pontiac oldsmobile
    saturn mercury""".split()  # noqa: SIM905
)
VEHICLES = frozenset(
    """car cars sedan sedans suv suvs truck trucks pickup pickups van vans minivan minivans jeep hatchback
    coupe wagon convertible motorcycle motorbike scooter limousine limo taxi cab vehicle vehicles lorry""".split()  # noqa: SIM905
)
_COLOUR = "|".join(sorted(COLOURS, key=len, reverse=True))
_SHADE = r"(?:(?P<shade>dark|light|pale|bright|metallic)[\s-]+)?"
_YEAR = r"(?:19|20)\d\d"
_PHRASE = re.compile(
    rf"\b(?P<year1>{_YEAR}\s+)?{_SHADE}(?P<colour>{_COLOUR})(?:\s*[-/]\s*(?P<colour2>{_COLOUR}))?"
    rf"(?:\s+(?P<year2>{_YEAR}))?(?P<words>(?:\s+[A-Z][\w-]*){{0,3}})(?:\s+(?P<noun>[a-z]+))?\b"
)


@dataclass(frozen=True, slots=True)
class VehicleColour:
    """A vehicle's colour as written: the vehicle compared, its colours, and whether it may be another car."""

    vehicle: str
    colours: frozenset[str]
    shade: str
    text: str
    start: int
    end: int
    weak: bool


def vehicle_colours(text: str) -> Iterator[VehicleColour]:
    """Every colour given to a vehicle in ``text`` (module docstring)."""
    for match in _PHRASE.finditer(text):
        words = match["words"].split()
        noun = (match["noun"] or "").lower()
        noun = noun if noun in VEHICLES else ""
        make = any(w.lower() in MAKES for w in words)
        dated = bool(match["year1"] or match["year2"])
        model = words[-1] if words and (make or dated) and words[-1].lower() not in MAKES else ""
        if model:
            vehicle, weak = model, False
        elif make or (noun and not words):
            vehicle, weak = noun or words[-1], True
        else:
            continue
        end = match.end() if noun else match.end("words")
        colours = frozenset(COLOURS[c.lower()] for c in (match["colour"], match["colour2"]) if c)
        yield VehicleColour(vehicle, colours, (match["shade"] or "").lower(), text[match.start() : end],
                            match.start(), end, weak)  # fmt: skip


def colours_compatible(a: tuple[frozenset[str], str], b: tuple[frozenset[str], str]) -> bool:
    """Whether two (colours, shade) descriptions can be of one vehicle."""
    near = {"dark": "black", "light": "white", "pale": "white"}

    def shades(value: tuple[frozenset[str], str]) -> set[str]:
        return set(value[0]) | ({near[value[1]]} if value[1] in near else set())

    return bool(shades(a) & shades(b))
