"""Shared by the corrections tests: the sample in a throwaway database, its reviewed truth, and a
reviewer session that reaches that truth with the correction verbs alone."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.errors import DuplicateNameError
from store.operations import (
    IndicatorRef,
    MergeWithNext,
    MoveIndicator,
    Rename,
    SplitAtIndicator,
    SplitTarget,
    Verify,
)
from store.repository import Repository
from store.views import IndicatorView, ProjectDetail
from tests.databases import import_sample
from tests.helpers.acting import act

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "000_a843d2df25de4824.txt"

# The lead's reviewed reading of the sample: unit, words of the block's target, the right name.
# Blocks 12 and 13 of the last unit cannot be told apart from the text; one reading is pinned.
TRUTH: list[tuple[str, tuple[str, ...], str]] = [
    ("广州市工业和信息化局", ("第8.5代有机发光二极管", "OLED"),
     "支持发展第8.5代OLED显示器件生产项目"),
    ("广州市工业和信息化局", ("第8.6代氧化物半导体",),
     "支持发展第8.6代TFT-LCD氧化物半导体显示器件生产项目"),
    ("广州市工业和信息化局", ("第10.5代TFT-LCD",), "支持发展第10.5代TFT-LCD显示器件生产项目"),
    ("广州市工业和信息化局", ("“链长制”", "内部控制评价"), "综合工作经费"),
    ("广州市工业和信息化局", ("工业产业链", "展览"), "工业工作经费"),
    ("广州市工业和信息化局", ("派驻纪检监察组工作",), "派驻纪检监察组工作经费"),
    ("广州市工业和信息化局", ("更新购置车辆、办公设备",), "购置经费"),
    ("广州市工业和信息化局", ("政策业务宣传、招商对接等差旅调研",), "其他工业和信息化事业发展经费"),
    ("广州市工业和信息化局", ("国（境）外参加",), "因公出国（境）工作经费"),
    ("广州市工业和信息化局", ("协助保障后勤工作",), "其他运行经费"),
    ("广州市工业和信息化局", ("中小（民营）企业", "培训"), "工业和信息化培训经费"),
    ("广州市工业和信息化局", ("信息化工作方面咨询研究",), "信息化工作经费"),
    ("广州市工业和信息化产业发展中心", ("构建行业“四化”发展生态",),
     "“四化”平台赋能新型工业化建设专题"),
    ("广州市工业和信息化产业发展中心", ("出国（境）业务学习活动",),
     "因公出国（境）经费（广州市工业和信息化产业发展中心）"),
    ("广州市工业和信息化产业发展中心", ("专精特新企业",), "中小企业发展专题"),
    ("广州市工业和信息化产业发展中心", ("项目评审和流程管理",),
     "资金项目流程管理及工业和信息化项目资金评审工作经费"),
    ("广州市工业和信息化产业发展中心", ("产业数据进行清洗",), "工信产业数据管理工作经费"),
    ("广州市工业和信息化产业发展中心", ("安全等保测评备案", "人才招聘"),
     "其他工业和信息化产业发展经费"),
    ("广州市工业和信息化产业发展中心", ("（正）高级经济师职称评审",),
     "广州市高级经济师（含正高级、高级）职称评审工作经费"),
    ("广州市工业和信息化产业发展中心", ("经济运行监测信息采集",), "经济运行分析工作经费"),
    ("广州市无线电监测站", ("质保中心清算",), "质保中心清算工作经费"),
    ("广州市无线电监测站", ("智能网联汽车（自动驾驶）示范运营数据处理",),
     "自动驾驶混行试点示范运营服务"),
    ("广州市无线电监测站", ("纳米产业",), "高质量发展研究经费"),
    ("广州市无线电监测站", ("业务信息系统的外包服务",), "广州市工信局2024-2025年信息化运维项目"),
    ("广州市无线电监测站", ("建成广州市工信运行监测和分析系统",),
     "广州市工信经济运行监测和分析系统建设项目"),
    ("广州市无线电监测站", ("办公信息化软硬件的外包服务",),
     "广州市工信局2023-2024年信息化运维项目"),
    ("广州市无线电监测站", ("应用示范运营监控平台",),
     "广州市工业和信息化局2023年广州市智能网联汽车(自动驾驶)应用示范运营监控平台建设项目"),
    ("广州市无线电监测站", ("会议室话筒", "会议设备"), "购置经费"),
    ("广州市无线电监测站", ("固定站的维护管理", "业务用房"), "业务用房物业管理费"),
    ("广州市无线电监测站", ("预备役日常训练",), "预备役年度维持性工作经费"),
    ("广州市无线电监测站", ("无线电管理工作者的业务知识",), "专项工作培训费"),
    ("广州市无线电监测站", ("全站的应用类系统、通信维护",),
     "广州市无线电监测站2024-2025年度信息化运维服务项目"),
    ("广州市无线电监测站", ("全站所有的系统软件", "桌面设备"),
     "市工信局无线电监测站2023-2024年信息化运行维护项目"),
    ("广州市无线电监测站", ("监测指挥车", "购置其他小型客车"), "购置经费"),
]


def sqlite_sample(folder: Path) -> Path:
    """Return a SQLite file holding a fresh import of the sample, for SQLite-only tests (the
    others take the `sample_url` fixture, on each back end)."""
    path = folder / "sample.db"
    import_sample(str(path))
    return path


def export_all(repository: Repository) -> str:
    """Return the whole dataset as the jsonl export writes it."""
    stream = io.StringIO()
    repository.export("jsonl", None, include_all=True, stream=stream)
    return stream.getvalue()


def without_verifier(exported: str) -> list[dict[str, Any]]:
    """Return exported records without who verified them when: a replay verifies again, as the
    reviewer replaying it and at its own time."""
    records = [json.loads(line) for line in exported.splitlines()]
    for record in records:
        record.pop("verified_by")
        record.pop("verified_at")
    return records


@dataclass(frozen=True)
class Block:
    """What one project of the reviewed dataset holds: its target and its indicators."""

    target: str
    indicators: frozenset[int]


def _starts(detail: ProjectDetail) -> list[int]:
    """Return where each indicator of a project starts in the source (all have spans here)."""
    starts = [item.span[0] for item in detail.indicators if item.span is not None]
    assert len(starts) == len(detail.indicators)
    return starts


def _block(detail: ProjectDetail) -> Block:
    """Return what a project holds now."""
    return Block(detail.target, frozenset(_starts(detail)))


def blocks(repository: Repository) -> list[Block]:
    """Return every project's target and indicator source offsets, in list order."""
    return [_block(repository.project(project_id)) for project_id in repository.project_ids()]


def _ref(indicator: IndicatorView) -> IndicatorRef:
    """Return how an operation names an indicator: where it starts in the source."""
    return IndicatorRef(span_start=indicator.span[0])


def scramble(repository: Repository) -> None:
    """Make the kinds of mistakes a parser makes: merged, split and mis-named projects."""
    ids = repository.project_ids()
    detail = repository.project(ids[2])
    act(repository, MergeWithNext(detail.key))
    detail = repository.project(ids[10])
    act(repository, SplitAtIndicator(detail.key, _ref(detail.indicators[1]), ""))
    detail = repository.project(ids[14])
    act(repository, MoveIndicator(detail.key, _ref(detail.indicators[-1]), 1))
    for index, other in ((20, 23), (12, 13), (5, 0)):
        detail = repository.project(ids[index])
        act(repository, Rename(detail.key, repository.project(ids[other]).name))
    act(repository, Rename(repository.project(ids[30]).key, "打错的名称"))


def fix_structure(repository: Repository, expected: list[Block]) -> None:
    """Split, merge and move until every project holds the target and indicators expected."""
    for index in range(len(expected)):
        for _ in range(50):
            ids = repository.project_ids()
            detail = repository.project(ids[index])
            current = _block(detail)
            want = expected[index]
            if current == want:
                break
            _fix_one(repository, ids, index, detail, current, want)
        else:
            raise AssertionError(f"project {index} could not be fixed")


def _fix_one(repository: Repository, ids: list[int], index: int, detail: ProjectDetail,
             current: Block, want: Block) -> None:
    """Apply one correction that brings project `index` closer to what is expected."""
    if current.target != want.target and current.target.startswith(want.target) and want.target:
        act(repository, SplitTarget(detail.key, len(want.target), ""))
    elif current.indicators - want.indicators:
        extra = [item for item, start in zip(detail.indicators, _starts(detail), strict=True)
                 if start not in want.indicators]
        act(repository, MoveIndicator(detail.key, _ref(extra[-1]), 1))
    else:
        following = repository.project(ids[index + 1])
        if not following.target and following.indicators and all(
            start in want.indicators for start in _starts(following)
        ):
            act(repository, MergeWithNext(detail.key))
        else:
            act(repository, MoveIndicator(following.key, _ref(following.indicators[0]), -1))


def fix_names(repository: Repository) -> None:
    """Give every project its reviewed name (swapping with the holder) and verify it.

    A name a verified project of the unit holds already (the sample's second 购置经费) is given
    as the reviewer would after the confirmation: allowing the duplicate.
    """
    for project_id, (_unit, _hints, name) in zip(repository.project_ids(), TRUTH, strict=True):
        key = repository.project(project_id).key
        if repository.project(project_id).name != name:
            try:
                act(repository, Rename(key, name))
            except DuplicateNameError:
                act(repository, Rename(key, name, allow_duplicate=True))
        act(repository, Verify(key))
