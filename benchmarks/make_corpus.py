"""Write N synthetic budget-table documents and a ground-truth sidecar each, same for a seed.

Usage: python benchmarks/make_corpus.py N OUT_DIR [--seed S]

Documents go to OUT_DIR/<name>.txt in varying encodings (UTF-8, UTF-8 with BOM, GB18030, some
CRLF) and layout families (column widths, docgen/families.py); the records the parser should
find go to OUT_DIR/truth/<name>.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docgen.document import build_document
from docgen.families import apply_family, draw_family
from docgen.layout import Layout
from docgen.pages import render

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")
_ENCODING_WEIGHTS = (55, 15, 30)


def document_name(seed: int, index: int) -> str:
    """Return a file name in the sample's style: a running number and a short hash."""
    digest = hashlib.sha256(f"{seed}:{index}".encode()).hexdigest()[:16]
    return f"{index:04d}_{digest}.txt"


def generate(seed: int, index: int) -> tuple[str, bytes, dict[str, object]]:
    """Return one document's file name, its bytes and its ground-truth record."""
    rng = random.Random(f"{seed}:{index}")
    colon = "：" if rng.random() < 0.15 else ":"
    odd_rate = rng.choice((0.0, 0.005, 0.02))
    truth = build_document(rng, colon, odd_rate)
    family, family_rng = draw_family(seed, index, truth)
    layout = apply_family(family, Layout.draw(rng), truth, family_rng)
    text = render(rng, layout, truth)
    encoding = rng.choices(ENCODINGS, weights=_ENCODING_WEIGHTS)[0]
    crlf = rng.random() < 0.15
    if crlf:
        text = text.replace("\n", "\r\n")
    name = document_name(seed, index)
    record = {"source": name, "encoding": encoding, "crlf": crlf, "colon": colon,
              "layout": asdict(layout), "layout_family": family, **truth.record()}
    return name, text.encode(encoding), record


def write_corpus(count: int, out_dir: Path, seed: int) -> int:
    """Write `count` documents and their truth files; return the number of bytes written."""
    truth_dir = out_dir / "truth"
    truth_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(count):
        name, data, record = generate(seed, index)
        (out_dir / name).write_bytes(data)
        truth_path = truth_dir / (Path(name).stem + ".json")
        truth_path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of documents to write")
    parser.add_argument("out_dir", type=Path, help="folder for the documents (created if missing)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")
    try:
        total = write_corpus(args.count, args.out_dir, args.seed)
    except OSError as error:
        print(f"error: cannot write to {args.out_dir} ({error.strerror}); choose a writable folder",
              file=sys.stderr)
        return 2
    print(f"wrote {args.count} documents ({total / 1e6:.1f} MB) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
