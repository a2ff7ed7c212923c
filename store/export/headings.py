"""How a table export names its sheets and columns and shows statuses: stable keys or a language.

English headings are the stable keys of the record contract (`unit`, `period_value`, `verified`),
the same words as JSON Lines and the data package; Chinese headings are the app's own words
(`store.labels`: 单位, 实施周期指标值, 已核实), so a reviewer reads the sheet as the app shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from store.errors import StoreError
from store.export.tables import Column
from store.i18n import _
from store.labels import field_label, sheet_label, status_label

HEADING_LANGUAGES = ("en", "zh")
TABLE_FORMATS = ("csv", "xlsx")
"""The formats whose headings can be Chinese; JSON Lines and data packages keep the stable keys."""


@dataclass(frozen=True)
class Headings:
    """The language of a table export's headings and status words ("en": the stable keys)."""

    language: str = "en"

    @property
    def stable(self) -> bool:
        """Tell whether the headings are the stable keys, as machines read them."""
        return self.language == "en"

    def header(self, columns: Sequence[Column]) -> list[str]:
        """Return the header row of some columns."""
        if self.stable:
            return [column.name for column in columns]
        return [field_label(column.name, self.language) for column in columns]

    def sheet(self, name: str) -> str:
        """Return the name of the `projects` or `indicators` sheet."""
        return name if self.stable else sheet_label(name, self.language)

    def status(self, status: str) -> str:
        """Return a review status as a cell shows it (未审核 / 已核实 / 已标记 in Chinese)."""
        return status if self.stable else status_label(status, self.language)


STABLE = Headings()


def headers_refused(format: str) -> StoreError:
    """Return the error of headings asked for a format that always keeps the stable keys."""
    return StoreError(
        _(
            "--headers applies to csv and xlsx only; --format {format} always uses the "
            "stable English keys that programs read, so leave --headers out"
        ).format(format=format)
    )


def choose_headings(format: str, asked: str | None, interface_language: str) -> Headings:
    """Return the headings of an export: as asked, else xlsx in the interface language.

    CSV keeps the stable keys unless Chinese is asked for; asking for any with jsonl or a data
    package is refused, since they never change.
    """
    if asked is not None and format not in TABLE_FORMATS:
        raise headers_refused(format)
    if asked is None:
        wanted = format == "xlsx" and interface_language in HEADING_LANGUAGES
        asked = interface_language if wanted else "en"
    return Headings(asked)
