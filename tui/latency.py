"""Key latency as a reviewer feels it: from the key event's arrival to the screen settled after it.

The app stamps each key event with the time Textual created it (when the terminal input was read,
or when Pilot pressed it); the screen that acts on the key asks for that stamp and records the
interval once the refresh that paints the key's effect has happened. Time spent queued behind
earlier work counts, as it does for the reviewer.
"""

from __future__ import annotations

from collections import deque

from textual._time import get_time

MAX_SAMPLES = 2000


class KeyLatency:
    """The newest key's arrival time and the latencies recorded so far (milliseconds)."""

    def __init__(self) -> None:
        """Start with no key pending and no sample."""
        self.samples_ms: deque[float] = deque(maxlen=MAX_SAMPLES)
        self._pending_key_at: float | None = None
        self.last_key_at: float | None = None
        """When the newest key arrived, counted or not: the reviewer's last sign of activity."""

    def key_arrived(self, event_time: float) -> None:
        """Remember when a key event was created (Textual's monotonic `Message.time`)."""
        self._pending_key_at = self.last_key_at = event_time

    def take_key_time(self) -> float | None:
        """Return the pending key's arrival time once, so one key is counted once; None if none."""
        key_at, self._pending_key_at = self._pending_key_at, None
        return key_at

    def record_since(self, key_at: float) -> None:
        """Record the time from `key_at` to now, on the clock Textual stamps events with."""
        self.samples_ms.append((get_time() - key_at) * 1000)
