"""Sentences kept in English with their template and values, shown in the active language.

Parser flags, document findings and edit-log entries keep an English sentence (for machines and
for readers of old databases) beside the `N_` template it was made from and the template's named
values. The app shows the template translated and filled in; values that are identifiers (a field
such as `period_value`) are shown by their display names. A record without a template, or one whose
template no longer fits its values, is shown as the English it kept.
"""

from __future__ import annotations

from collections.abc import Mapping

from parser.model import Flag
from store.i18n import _
from store.labels import field_label, flag_label, indicator_field_label
from store.views import DocumentFinding, EditEntry

INDICATOR_ACTIONS = frozenset({"edit_indicator_field"})
"""Edit-log actions whose `field` names an indicator's field (its `name` is 三级指标)."""


def filled(template: str, params: Mapping[str, object], kept: str) -> str:
    """Return `template` translated and filled with `params`, or `kept` when that cannot be."""
    if not template:
        return kept
    try:
        return _(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return kept


def flag_message(flag: Flag) -> str:
    """Return what a parser flag says about its project, in the active language."""
    return filled(flag.template, dict(flag.params), flag.message)


def flag_text(flag: Flag) -> str:
    """Return a flag as the fields pane lists it: its name (the identifier in English), then
    what it says."""
    message = flag_message(flag)
    if not message:
        return flag_label(flag.code)
    return _("{flag}: {message}").format(flag=flag_label(flag.code), message=message)


def finding_message(finding: DocumentFinding) -> str:
    """Return what the parser found outside any project, in the active language."""
    return filled(finding.template, dict(finding.params), finding.message)


def entry_summary(action: str, details: Mapping[str, object], kept: str) -> str:
    """Return what a logged action did, from the template and values it was logged with."""
    message = details.get("message")
    if not isinstance(message, Mapping):
        return kept
    params = dict(message.get("params") or {})
    if "field" in params:
        field = str(params["field"])
        label = indicator_field_label if action in INDICATOR_ACTIONS else field_label
        params["field"] = label(field)
    return filled(str(message.get("template") or ""), params, kept)


def history_summary(entry: EditEntry) -> str:
    """Return an edit-log entry's summary in the active language."""
    return entry_summary(entry.action, entry.details, entry.summary)
