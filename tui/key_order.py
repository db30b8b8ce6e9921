"""Keys are handled one after the other, in the order typed, by the widget that has the focus *then*.

Textual reads a key on the app, forwards it to the focused widget's queue and goes on with the next key at
once. So in a fast `/ jansen` the `j` was forwarded to the case table before `/` had moved the focus to the
search field, and `n` (Nieuw) opened a form; `n Familie` lost the name because the form was not mounted
yet. And a key nobody handled comes back to the app for the screen's bindings *behind* the keys typed after
it. Here the app waits, per key, until the focused widget and its ancestors up to the screen have handled
it, checks the bindings of a key nobody took right then (the key that comes back is caught in
`post_message`), and when the key opened another screen waits until that screen has mounted and set its
focus. A handler that needs longer than `KEY_WAIT` no longer holds the
keys after it (the order is then Textual's own again; nothing is ever dropped).

An action that first asks the database and only then creates its screen (a worker: `x` on a household looks
for an open escalation or prepares a new one) takes longer than that. It calls `hold_keys()`: the keys typed
from then on are kept, in order, until the action calls `release()` after creating its screen (or `HOLD_LIMIT`
passed); then they are handed out one by one, as if typed just then, to whatever has the focus — the new
screen's first field. Keys typed while they are handed out queue behind them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from textual import events
from textual.app import App, ScreenStackError
from textual.dom import DOMNode
from textual.message import Message
from textual.message_pump import MessagePump

KEY_WAIT = 0.5
"""Seconds at most that the keys typed after one key wait for it (all of its handlers together)."""
FIRST_KEY_WAIT = 3.0
"""Seconds at most that the first kept key waits for the created screen to be mounted."""
REPLAYED_KEY_WAIT = 2.0
"""Seconds at most that a kept key handed out after a hold waits for the one before it: the screen the action
created is still settling (its layout, its first focus) and on a busy machine that took longer than KEY_WAIT,
so a `tab` came back for its binding only after the next letter had gone to the field it was leaving (CI:
'Dringend' became 'ringend' in a new escalation)."""
HOLD_LIMIT = 8.0
"""Seconds at most that `hold_keys` keeps the keys (a worker that fails or hangs never swallows them)."""


class ReleaseHeldKeys(events.Event):
    """Posted to the app when the last hold is released: hand the kept keys out, in order."""


async def _drained(node: MessagePump, deadline: float) -> None:
    """Until `node` has handled what is in its queue now (or the deadline passed, or it closed)."""
    left = deadline - asyncio.get_running_loop().time()
    done = asyncio.Event()
    if left <= 0 or not node.call_later(done.set):
        return
    with suppress(asyncio.TimeoutError):
        await asyncio.wait_for(done.wait(), left)


def _is_focus_change(message: events.Callback) -> bool:
    # Textual 8: Widget.focus posts its inner `set_focus` to the app (tests/tui/test_fast_typing.py fails
    # if that changes: the search then loses the letters typed right after `/`).
    callback = getattr(message.callback, "func", message.callback)  # call_later wraps it in a partial
    return getattr(callback, "__qualname__", "") == "Widget.focus.<locals>.set_focus"


class KeysInOrder(App[Any]):
    """Mixed into the app (before `App` in the bases)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._key_in_hand: events.Key | None = None
        self._came_back = False
        self._held: list[events.Key] | None = None
        """Keys kept while an action holds them (None: nothing held); handed out one by one after release."""
        self._holds = 0
        self._replaying: set[int] = set()

    def hold_keys(self, limit: float | None = HOLD_LIMIT) -> Callable[[], None]:
        """Keep the keys typed from now on until the returned `release` is called (once; later calls do
        nothing) or `limit` seconds passed (None: no limit, for a caller that always releases, also when
        it fails). Call it in the action, before starting the worker."""
        if self._held is None:
            self._held = []
        self._holds += 1
        released = False

        def release() -> None:
            nonlocal released
            if released:
                return
            released = True
            self._holds -= 1
            if self._holds == 0:
                self.post_message(ReleaseHeldKeys())

        if limit is not None:
            self.set_timer(limit, release)
        return release

    @property
    def holding_keys(self) -> bool:
        return self._held is not None

    async def _hand_out_next(self, *, first: bool) -> None:
        """Post the next kept key as if typed now; when none are left, keys go their normal way again."""
        if self._holds or self._held is None:
            return
        if not self._held:
            self._held = None
            return
        if first:
            with suppress(ScreenStackError):
                # The screen the action created: mounted, and its focus set, before the first key. The user has
                # waited for the worker already; a busy machine may need more than KEY_WAIT to mount a form.
                await _drained(self.screen, asyncio.get_running_loop().time() + FIRST_KEY_WAIT)
        kept = self._held.pop(0)
        again = events.Key(kept.key, kept.character)
        self._replaying.add(id(again))
        super().post_message(again)

    def post_message(self, message: Message) -> bool:
        if self._key_in_hand is not None:
            if message is self._key_in_hand:
                self._came_back = True  # nobody took the key: its bindings are checked in `on_event`, in order
                return True
            if isinstance(message, events.Callback) and _is_focus_change(message):
                # `widget.focus()`, which Textual defers through the app's queue: run it right after this
                # key, before the next one is read (the next `j` must find the search field focused). Other
                # callbacks keep their place (some expect what is queued before them to have happened).
                self.call_next(message.callback)
                return True
        return super().post_message(message)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, ReleaseHeldKeys):
            await self._hand_out_next(first=True)
            return
        if not isinstance(event, events.Key) or event.is_forwarded or self._key_in_hand is not None:
            await super().on_event(event)
            return
        if id(event) in self._replaying:
            self._replaying.discard(id(event))
            try:
                await self._in_order(event, wait=REPLAYED_KEY_WAIT)
            finally:
                await self._hand_out_next(first=False)
            return
        if self._held is not None:
            self._held.append(event)  # an action holds the keys until its screen exists
            return
        await self._in_order(event)

    async def _in_order(self, event: events.Key, *, wait: float = 0.0) -> None:
        try:
            screen_before = self.screen
        except ScreenStackError:
            await super().on_event(event)
            return
        target: DOMNode = self.focused or screen_before
        deadline = asyncio.get_running_loop().time() + max(KEY_WAIT, wait)
        self._key_in_hand, self._came_back = event, False
        try:
            await super().on_event(event)  # the app's priority keys, else forwarded to `target`
            if event.is_forwarded:
                chain = [node for node in target.ancestors_with_self
                         if isinstance(node, MessagePump) and node is not self]
                for node in chain:
                    await _drained(node, deadline)
            if self._came_back:
                with suppress(ScreenStackError):  # the last screen went meanwhile (quitting): no bindings left
                    await super()._on_key(event)  # the screen's and the app's bindings, before the next key
            try:
                screen_after = self.screen
            except ScreenStackError:
                return
            if screen_after is not screen_before:
                await _drained(screen_after, deadline)  # mounted, and its focus set, before the next key
        finally:
            self._key_in_hand = None
