"""Print a digest of the parser's output per document, to prove a change leaves it identical.

Usage: python benchmarks/output_digest.py FILE_OR_DIR ... [--out DIGESTS.json] [--against OLD.json]
                                          [--flags-as-before]

Each document is decoded and parsed; its digest is the SHA-256 of `repr(Document)`, which holds
every record, span, flag and confidence. `--against` compares with digests written before and
lists the documents whose output changed. `--flags-as-before` digests each flag as its code,
message and span only, so a change that adds fields to `Flag` can still be compared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from parser.decode import decode  # noqa: E402
from parser.errors import ParseError  # noqa: E402
from parser.model import Flag  # noqa: E402
from parser.parse import parse  # noqa: E402


def _plain_flag_repr(flag: Flag) -> str:
    """Return a flag's repr as it was when a Flag held only code, message and span."""
    return f"Flag(code={flag.code!r}, message={flag.message!r}, span={flag.span!r})"


def digest(path: Path, flags_as_before: bool) -> str:
    """Return the digest of one document's parse (or of its ParseError)."""
    text = decode(path.read_bytes()).text
    try:
        document: Any = parse(text, source=path.name)
    except ParseError as error:
        document = ("ParseError", error.message)
    if flags_as_before:
        original = Flag.__repr__
        setattr(Flag, "__repr__", _plain_flag_repr)  # noqa: B010 (a class attribute, on purpose)
        try:
            printed = repr(document)
        finally:
            setattr(Flag, "__repr__", original)  # noqa: B010
    else:
        printed = repr(document)
    return hashlib.sha256(printed.encode("utf-8")).hexdigest()


def documents(paths: list[Path]) -> list[Path]:
    """Return the text files named or held in the named folders, sorted."""
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return found


def main(argv: list[str] | None = None) -> int:
    """Digest every document; write or compare the digests."""
    arguments = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    arguments.add_argument("paths", nargs="+", type=Path)
    arguments.add_argument("--out", type=Path, help="write the digests to this JSON file")
    arguments.add_argument("--against", type=Path, help="compare with digests written before")
    arguments.add_argument("--flags-as-before", action="store_true")
    options = arguments.parse_args(argv)
    digests = {str(path): digest(path, options.flags_as_before)
               for path in documents(options.paths)}
    if options.out:
        options.out.write_text(json.dumps(digests, indent=0))
    print(f"{len(digests)} documents digested")
    if options.against:
        before = json.loads(options.against.read_text())
        changed = sorted(path for path, value in digests.items() if before.get(path) != value)
        missing = sorted(set(before) - set(digests))
        for path in changed:
            print(f"changed: {path}")
        print(f"{len(changed)} changed, {len(missing)} missing of {len(before)}")
        return 1 if changed or missing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
