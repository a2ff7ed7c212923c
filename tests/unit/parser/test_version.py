"""PARSER_VERSION moves with the parser's output, so stored documents can be parsed again."""

from __future__ import annotations

import hashlib
from pathlib import Path

from parser import PARSER_VERSION, decode, parse

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "000_a843d2df25de4824.txt"
# The sample's parse, digested, under each version since the marker exists. When a change
# alters this output, raise PARSER_VERSION and add the new digest; never edit an old one.
SAMPLE_DIGESTS = {
    "2": "1d5066e9b243942a330886a8316df829de68aa0b1d0c7941aa5da2ea19b0cc88",
}


def test_the_samples_output_is_the_one_recorded_for_this_parser_version() -> None:
    text = decode(SAMPLE.read_bytes()).text
    printed = repr(parse(text, source=SAMPLE.name))
    assert hashlib.sha256(printed.encode("utf-8")).hexdigest() == SAMPLE_DIGESTS[PARSER_VERSION]


def test_the_version_is_a_whole_number_that_only_grows() -> None:
    assert PARSER_VERSION.isdigit()
    assert int(PARSER_VERSION) == max(map(int, SAMPLE_DIGESTS))
