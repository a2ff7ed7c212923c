"""The language: --lang, else GZREVIEW_LANG, else the locale (zh_* is Chinese); bad ones refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.i18n import LanguageError, choose_language, language, locale_language
from tests.unit.i18n.cli_runs import run

ENGLISH_HELP = "Usage: gzreview"
CHINESE_HELP = "用法：gzreview"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh"),
        ({"LANG": "zh"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "zhx_YY"}, "en"),
        ({}, "en"),
        ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_SG.UTF-8"}, "zh"),
    ],
)
def test_first_locale_variable_set_decides(environ: dict[str, str], expected: str) -> None:
    assert locale_language(environ) == expected


def test_environment_overrides_the_locale_and_the_option_overrides_both() -> None:
    chinese_locale = {"LANG": "zh_CN.UTF-8"}
    assert choose_language(chinese_locale | {"GZREVIEW_LANG": "en"}) == "en"
    assert choose_language({"LANG": "C", "GZREVIEW_LANG": "ZH"}) == "zh"
    assert choose_language(chinese_locale | {"GZREVIEW_LANG": "zh"}, requested="en") == "en"
    assert choose_language({"GZREVIEW_LANG": "nonsense"}, requested="zh") == "zh"
    assert choose_language(chinese_locale | {"GZREVIEW_LANG": ""}) == "zh"


@pytest.mark.parametrize(("requested", "source"), [(None, "GZREVIEW_LANG"), ("fr", "--lang")])
def test_a_language_gzreview_does_not_speak_is_refused(requested: str | None, source: str) -> None:
    with pytest.raises(LanguageError) as raised:
        choose_language({"GZREVIEW_LANG": "fr"}, requested)
    assert raised.value.source == source and raised.value.value == "fr"


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--help"], {"LANG": "zh_CN.UTF-8"}, CHINESE_HELP),
        (["--help"], {"LANG": "zh_CN.UTF-8", "GZREVIEW_LANG": "en"}, ENGLISH_HELP),
        (["--help"], {"GZREVIEW_LANG": "zh"}, CHINESE_HELP),
        (["--lang", "en", "--help"], {"GZREVIEW_LANG": "zh"}, ENGLISH_HELP),
        (["--help", "--lang", "zh"], {}, CHINESE_HELP),
        (["--lang=zh", "stats", "--help"], {}, "用法：gzreview stats"),
        (["stats", "--help", "--lang", "zh"], {}, "用法：gzreview stats"),
        (["--lang", "zh", "stats", "--lang", "en", "--help"], {}, "Usage: gzreview stats"),
        (["known", "list", "--lang", "zh", "--help"], {}, "用法：gzreview known list"),
    ],
)
def test_cli_speaks_the_chosen_language(
    args: list[str], env: dict[str, str], expected: str
) -> None:
    result = run(*args, env=dict(env))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(expected)


def test_commands_run_in_the_chosen_language(tmp_path: object) -> None:
    names = f"{tmp_path}/names.txt"
    Path(names).write_text("购置经费\n", encoding="utf-8")
    assert run("known", "import", names, "--db", f"{tmp_path}/empty.db").exit_code == 0
    result = run("--lang", "zh", "stats", "--db", f"{tmp_path}/empty.db")
    assert result.stdout.startswith("数据库：") and "尚未导入任何文档" in result.stdout
    assert language() == "zh"  # what the review app, started by the same process, reads


@pytest.mark.parametrize(
    ("language_of_locale", "args", "env", "sentence"),
    [
        (
            "en",
            ["--lang", "fr", "stats"],
            {},
            "Error: --lang fr is not a language gzreview speaks; "
            "use --lang zh (Chinese) or --lang en (English).",
        ),
        (
            "zh",
            ["stats", "--lang", "fr"],
            {},
            "错误：--lang fr 不是 gzreview 支持的语言；"
            "请使用 --lang zh（中文）或 --lang en（英文）。",
        ),
        (
            "en",
            ["stats"],
            {"GZREVIEW_LANG": "de"},
            "Error: GZREVIEW_LANG=de is not a language gzreview speaks; "
            "set GZREVIEW_LANG to zh (Chinese) or en (English), or unset it.",
        ),
        (
            "zh",
            ["stats"],
            {"GZREVIEW_LANG": "de"},
            "错误：GZREVIEW_LANG=de 不是 gzreview 支持的语言；"
            "请把 GZREVIEW_LANG 设为 zh（中文）或 en（英文），或取消这个设置。",
        ),
    ],
)
def test_bad_language_is_one_sentence_in_the_locale_language(
    language_of_locale: str, args: list[str], env: dict[str, str], sentence: str
) -> None:
    result = run(*args, language=language_of_locale, env=dict(env))
    assert result.exit_code == 2
    assert result.stderr.strip() == sentence and result.stdout == ""
