"""The `gzreview` console script, which loads the command line without garbage collection.

Loading Textual, SQLAlchemy and pydantic makes several hundred thousand objects, none of them
garbage; collecting while they are made cost a tenth of the start-up (see docs/performance.md).
"""

from __future__ import annotations

import gc


def main() -> None:
    """Import the command line with the collector paused, then run it with the collector back on.

    What is loaded by then is frozen, so later full collections do not scan it again.
    """
    gc.disable()
    try:
        from tui.cli import main as command_line
    finally:
        gc.freeze()
        gc.enable()
    command_line()
