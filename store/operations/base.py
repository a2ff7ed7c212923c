"""What every reviewer action is: a typed, replayable operation registered once by its verb.

An operation names projects by their stable key and indicators by their place in the source, so
the same JSON applies to any import of the same text (`gzreview history --json` / `apply`). Its
fields are checked when it is built, from Python or from JSON alike, so a malformed line of a
replay file is refused with a reason instead of reaching the database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeVar, get_args, get_origin, get_type_hints

from store.errors import RefusedError
from store.i18n import _
from store.operations.arguments import (
    MAX_NUMBER,
    IndicatorRef,
    bounded_text,
    malformed,
    shown,
    whole_number,
)

if TYPE_CHECKING:
    from store.operations.context import EditContext

@dataclass(frozen=True)
class Summary:
    """An action's one-line description: an `N_`-marked template and its named values."""

    template: str
    params: Mapping[str, str]

    def english(self) -> str:
        """Return the description in English, as the edit log's summary column keeps it."""
        return self.template.format(**self.params)


class Operation:
    """A reviewer action as data: subclasses are frozen dataclasses registered by their verb."""

    verb: ClassVar[str]
    project: str

    def changes_content(self) -> bool:
        """Whether this action changes what a verification vouches for (name, unit, target,
        indicators): a verified project refuses such corrections; review actions change only the
        review state and are logged with only those columns."""
        return True

    def run(self, edit: EditContext) -> Summary:
        """Change the projects through `edit` (which checks and logs them); describe the action."""
        raise NotImplementedError

    def to_json(self) -> dict[str, Any]:
        """Return the operation as `history --json` writes it: the verb, then the arguments."""
        values: dict[str, Any] = {"verb": self.verb}
        for field in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, field.name)
            if value == field.default and field.default is not dataclasses.MISSING:
                continue
            if isinstance(value, IndicatorRef):
                value = value.to_json()
            values[field.name] = list(value) if isinstance(value, tuple) else value
        return values

    @classmethod
    def from_arguments(cls, data: Mapping[str, Any]) -> Self:
        """Build the operation from its JSON arguments, checking each one's type."""
        hints = _hints(cls)
        values: dict[str, Any] = {}
        for field in dataclasses.fields(cls):  # type: ignore[arg-type]
            if field.name not in data:
                if field.default is dataclasses.MISSING:
                    raise malformed(_("it lacks “{name}”").format(name=field.name))
                continue
            values[field.name] = _typed(data[field.name], hints[field.name], field.name)
        return cls(**values)


def _typed(value: object, hint: object, name: str) -> object:
    """Return a JSON value checked against its field's type (bool is not a number)."""
    if hint is IndicatorRef:
        return IndicatorRef.from_json(value)
    if get_origin(hint) is tuple:
        if not isinstance(value, list) or len(value) > MAX_NUMBER:
            raise malformed(_("{name} must be a list").format(name=name))
        return tuple(bounded_text(item, name) for item in value)
    if set(get_args(hint)) == {str, int}:
        return value if isinstance(value, str) else whole_number(value, name, minimum=0)
    if hint is int:
        return whole_number(value, name, minimum=-MAX_NUMBER)
    if hint is bool:
        if not isinstance(value, bool):
            raise malformed(_("{name} must be true or false").format(name=name))
        return value
    return bounded_text(value, name)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """Return the resolved field types of an operation class (resolved once per class)."""
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def refuse_nul(operation: Operation) -> None:
    """Refuse an operation whose text holds NUL (\\x00): PostgreSQL cannot store it, so no back
    end does. Documents never hold it (decoding refuses such a file): only a pasted or replayed
    value can."""
    for field in dataclasses.fields(operation):  # type: ignore[arg-type]
        value = getattr(operation, field.name)
        texts = value if isinstance(value, tuple) else (value,)
        if any(isinstance(text, str) and "\x00" in text for text in texts):
            raise RefusedError(
                _(
                    "the text given holds a NUL character (\\x00), which gzreview does not "
                    "store; nothing was applied — remove it and try again"
                )
            )


OperationT = TypeVar("OperationT", bound=type[Operation])

VERBS: dict[str, type[Operation]] = {}
"""Every operation class by its verb: what the edit log records and `apply` replays."""


def registered(cls: OperationT) -> OperationT:
    """Register an operation class under its verb (each verb once)."""
    if cls.verb in VERBS:
        raise ValueError(f"the verb {cls.verb!r} is registered twice")
    VERBS[cls.verb] = cls
    return cls


def operation_from_json(data: object) -> Operation:
    """Return the operation a JSON object describes, or refuse saying what is wrong with it."""
    if not isinstance(data, Mapping):
        raise malformed(_("it is not a JSON object"))
    verb = data.get("verb")
    cls = VERBS.get(verb) if isinstance(verb, str) else None
    if cls is None:
        raise RefusedError(
            _("unknown operation “{verb}”; gzreview cannot replay it").format(
                verb=verb[:40] if isinstance(verb, str) else shown(verb)
            )
        )
    return cls.from_arguments(data)

