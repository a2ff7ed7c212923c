"""A ScrollView base computing each component style once: `rich_style` is slow per line."""

from __future__ import annotations

from rich.style import Style
from textual.scroll_view import ScrollView


class StyledScrollView(ScrollView):
    """Line-API panes share one style cache, dropped (with their rendered rows) on a CSS change."""

    def __init__(self, *, id: str | None = None) -> None:
        """Start with no styles computed."""
        super().__init__(id=id)
        self._styles: dict[str, Style] = {}

    def notify_style_update(self) -> None:
        """Forget computed styles and rendered rows when the CSS or theme changes."""
        super().notify_style_update()
        self._styles = {}
        self.forget_rendered_rows()

    def forget_rendered_rows(self) -> None:
        """Drop rows rendered with old styles; panes that cache rows override this."""

    def _style(self, name: str) -> Style:
        """The widget's base style (`base`) or base plus a component class's, computed once."""
        style = self._styles.get(name)
        if style is None:
            base = self.rich_style
            style = base if name == "base" else base + self.get_component_rich_style(name)
            self._styles[name] = style
        return style
