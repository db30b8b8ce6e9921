"""The written demo stories: 48 fictional households, six per demo municipality, each told consistently
from its problems to the evaluation of its plan (see model.py for the shape, build.py for how they become
rows). `STORIES` interleaves the municipalities (the first of each, then the second of each, ...), so even a
small seed shows every status and several municipalities; the seed writes them first, in this order, and
draws further households at random only beyond them (`doorbraak seed --households N` for benchmarks).
"""

from __future__ import annotations

from itertools import chain, zip_longest

from storage.seed.stories import (
    almelo,
    amsterdam,
    eindhoven,
    groningen,
    heerlen,
    rotterdam,
    sudwest_fryslan,
    utrecht,
)
from storage.seed.stories.model import Story

_GROUPS: tuple[tuple[Story, ...], ...] = (
    amsterdam.STORIES,
    rotterdam.STORIES,
    utrecht.STORIES,
    groningen.STORIES,
    eindhoven.STORIES,
    sudwest_fryslan.STORIES,
    almelo.STORIES,
    heerlen.STORIES,
)

STORIES: tuple[Story, ...] = tuple(story for story in chain.from_iterable(zip_longest(*_GROUPS)) if story is not None)
"""Every written story, interleaved by municipality."""

if len({story.key for story in STORIES}) != len(STORIES):  # pragma: no cover - guards the data
    raise AssertionError("two stories share a key")
