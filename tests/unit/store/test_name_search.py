"""The name index must rank exactly like scoring every known name, only faster."""

from __future__ import annotations

import random
import string
from functools import cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from store.name_search import NameIndex, cached_index, name_key, score, upper_bound

# Few distinct characters, so random names share a lot and ties are common (the hard cases).
ALPHABET = "经费项目购置工作市广州信息化运维专题（）-· 2024aB"


def full_scan(names: list[str], query: str, limit: int) -> list[tuple[str, float]]:
    """Score every distinct name with the same scorer; best first, ties in input order."""
    distinct = list(dict.fromkeys(names))
    scored = [(score(query, name), index) for index, name in enumerate(distinct)]
    ranked = sorted((item for item in scored if item[0] > 0), key=lambda item: (-item[0], item[1]))
    return [(distinct[index], value) for value, index in ranked[:limit]]


names_strategy = st.lists(st.text(alphabet=ALPHABET, max_size=24), max_size=120)


tunings = st.fixed_dictionaries(
    {
        "seeds": st.integers(min_value=0, max_value=60),
        "chunk": st.integers(min_value=1, max_value=40),
    }
)


@settings(max_examples=250, deadline=None)
@given(names=names_strategy, query=st.text(alphabet=ALPHABET, max_size=12),
       limit=st.integers(min_value=1, max_value=12), tuning=tunings)
def test_top_equals_a_full_scan_for_any_vocabulary_and_query(
    names: list[str], query: str, limit: int, tuning: dict[str, int]
) -> None:
    assert NameIndex(names, **tuning).top(query, limit) == full_scan(names, query, limit)


@settings(max_examples=150, deadline=None)
@given(names=st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=30), min_size=1,
                      max_size=150),
       data=st.data(), tuning=tunings)
def test_top_equals_a_full_scan_for_pieces_of_known_names(
    names: list[str], data: st.DataObject, tuning: dict[str, int]
) -> None:
    name = data.draw(st.sampled_from(names))
    start = data.draw(st.integers(min_value=0, max_value=len(name)))
    query = name[start : start + data.draw(st.integers(min_value=1, max_value=10))]
    assert NameIndex(names, **tuning).top(query) == full_scan(names, query, 10)


@settings(max_examples=300, deadline=None)
@example(query="经", name="工作市广州信息经")  # lengths exactly 8× apart: still scaled by 0.9
@given(query=st.text(alphabet=ALPHABET, max_size=20), name=st.text(alphabet=ALPHABET, max_size=40))
def test_upper_bound_is_never_below_the_score(query: str, name: str) -> None:
    query_key, key = name_key(query), name_key(name)
    if query_key and key:
        common = int(LCSseq.similarity(query_key, key))
        assert score(query, name) <= upper_bound(common, len(query_key), len(key))


def test_score_is_wratio_on_the_processed_keys() -> None:
    assert score("购置经费", "购置 经费") == round(fuzz.WRatio("购置经费", "购置经费"), 6) == 100.0
    assert name_key("因公出国（境）经费 TFT-LCD") == "因公出国境经费tftlcd"


def test_exact_name_ranks_first_and_short_containers_beat_long_ones() -> None:
    index = NameIndex(
        ["广州市工信局2024-2025年信息化运维项目", "信息化运维", "信息化运维费", "购置经费"]
    )
    ranked = [name for name, _score in index.top("信息化运维")]
    assert ranked[:2] == ["信息化运维", "信息化运维费"]
    assert "购置经费" not in ranked


def test_empty_or_punctuation_query_gives_nothing() -> None:
    index = NameIndex(["购置经费", "其他运行经费"])
    assert index.top("") == []
    assert index.top("（）、。 ") == []
    assert index.top("购置", limit=0) == []


def test_duplicates_are_listed_once_and_unrelated_names_never() -> None:
    index = NameIndex(["购置经费", "购置经费", "其他运行经费", string.ascii_lowercase])
    assert len(index) == 4 - 1
    assert [name for name, _ in index.top("购置经费")] == ["购置经费", "其他运行经费"]


def test_ties_keep_the_input_order() -> None:
    names = [f"{prefix}购置经费" for prefix in "甲乙丙丁戊己庚辛壬癸子丑"]
    top = NameIndex(names).top("购置", limit=10)
    assert [name for name, _ in top] == names[:10]
    assert len({value for _, value in top}) == 1


CITIES = ("广州市", "深圳市", "佛山市", "东莞市", "珠海市", "中山市", "惠州市", "江门市")
TOPICS = ("信息化运维", "无线电监测", "产业链咨询", "纪检监察", "职称评审", "物业管理", "清洁生产",
          "数据管理", "人才培训", "经济运行监测", "技术改造", "招商对接", "展会展览", "课题研究")
FORMS = ("{t}工作经费", "{c}{t}系统建设项目", "{t}专题", "{t}经费（{c}培训中心）", "其他{t}经费",
         "{c}2024-2025年{t}项目", "支持发展{t}项目", "{t}服务采购项目")


@cache
def realistic_index(seeds: int, chunk: int) -> NameIndex:
    """Return an index over ~900 budget-like names in a shuffled, fixed order."""
    names = [form.format(c=c, t=t) for c in CITIES for t in TOPICS for form in FORMS]
    random.Random(6).shuffle(names)
    return NameIndex(names, seeds=seeds, chunk=chunk)


@settings(max_examples=120, deadline=None)
@given(data=st.data(), seeds=st.sampled_from((0, 5, 48)), chunk=st.sampled_from((1, 3, 32)))
def test_top_equals_a_full_scan_on_a_realistic_vocabulary(
    data: st.DataObject, seeds: int, chunk: int
) -> None:
    index = realistic_index(seeds, chunk)
    name = data.draw(st.sampled_from(index.names))
    start = data.draw(st.integers(min_value=0, max_value=len(name) - 1))
    query = name[start : start + data.draw(st.integers(min_value=1, max_value=9))]
    assert index.top(query) == full_scan(index.names, query, 10)


@pytest.mark.parametrize("seeds", [0, 5, 48])
@pytest.mark.parametrize("chunk", [1, 3, 32])
def test_a_tie_at_the_last_place_is_kept_by_the_earlier_name(seeds: int, chunk: int) -> None:
    # Ten names at 81.818182 and better: the index once lost the earlier of two tied last names
    # because rapidfuzz dropped a name scoring exactly its cutoff.
    index = realistic_index(seeds, chunk)
    assert index.top("市无线电监测") == full_scan(index.names, "市无线电监测", 10)


def test_cached_index_is_reused_for_the_same_names_only() -> None:
    first = cached_index(["购置经费", "其他运行经费"])
    assert cached_index(("购置经费", "其他运行经费")) is first
    assert cached_index(["购置经费"]) is not first
    assert first.top("购置") == NameIndex(["购置经费", "其他运行经费"]).top("购置")
