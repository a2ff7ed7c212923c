"""Command palette provider: every action of the review screen, found by its description."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from store.i18n import _
from tui.binding_words import binding_help, binding_label


class ReviewCommands(Provider):
    """Offers each binding of the active screen: the palette lists the same actions as the keys."""

    def _commands(self) -> list[tuple[str, str, str]]:
        """(title, help, action) for every binding of the screen under the palette, in the active
        language."""
        screen = self.screen
        commands = []
        for binding in getattr(screen, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.description:
                keys = binding.key_display or binding.key
                explained = _("{help} · key {keys}").format(help=binding_help(binding), keys=keys)
                commands.append((binding_label(binding), escape(explained), binding.action))
        return commands

    async def discover(self) -> Hits:
        """Every action, when nothing is typed yet."""
        for title, help_text, action in self._commands():
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        """Actions whose description or help matches what was typed."""
        matcher = self.matcher(query)
        for title, help_text, action in self._commands():
            score = max(matcher.match(title), matcher.match(help_text) * 0.8)
            if score > 0:
                command = partial(self.screen.run_action, action)
                yield Hit(score, matcher.highlight(title), command, text=title, help=help_text)
