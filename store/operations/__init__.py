"""Every reviewer action as a typed operation, each verb declared and registered once.

A verb's arguments, checks, row changes and log summary live in its class; `VERBS` maps the
verb the edit log records to that class, so what is logged is what `apply` replays.
"""

from store.operations.arguments import IndicatorRef
from store.operations.base import VERBS, Operation, Summary, operation_from_json
from store.operations.context import Versions
from store.operations.fields import EditIndicatorField, EditProjectField, MoveIndicator
from store.operations.naming import Rename, SwapWithNeighbour
from store.operations.review import BulkVerify, FlagWithNote, Note, Reopen, Verify
from store.operations.structure import MergeWithNext, SplitAtIndicator, SplitTarget

__all__ = [
    "VERBS",
    "BulkVerify",
    "EditIndicatorField",
    "EditProjectField",
    "FlagWithNote",
    "IndicatorRef",
    "MergeWithNext",
    "MoveIndicator",
    "Note",
    "Operation",
    "Rename",
    "Reopen",
    "SplitAtIndicator",
    "SplitTarget",
    "Summary",
    "SwapWithNeighbour",
    "Verify",
    "Versions",
    "operation_from_json",
]
