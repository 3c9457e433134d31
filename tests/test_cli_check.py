"""How ``argmap check`` reports: each issue once per run, repeated ones grouped, notes hidden."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run, work_in

# Half translated: five statements without their German text, and an argument
# from expert opinion that leaves its six critical questions open.
EXPERT = """\
argmap: 1
title: {en: Expert, de: Expertin}
lang: [en, de]
statements:
  e:
    text: {en: E is an expert., de: E ist Expertin.}
  says:
    text: {en: E says A.}
  a:
    text: {en: A holds.}
  b:
    text: {en: B holds.}
  c:
    text: {en: C holds.}
  d:
    text: {en: D holds.}
arguments:
  expert:
    scheme: expert-opinion
    premises: {expert: e, assertion: says}
    supports: a
  more:
    premises: [b, c, d]
    supports: a
"""

ALL = """\
argmap: 1
title: {en: All, de: Alles}
lang: [en, de]
include: parts/expert.yaml
statements:
  z:
    text: {en: Z holds.}
arguments:
  zz:
    premises: z
    supports: a
"""


def _translation(file: str, line: int, what: str) -> str:
    return (
        f"{file}:{line}:5: warning: missing-translation: 'text' of statement '{what}' has no "
        '\'de\' version; give it by language: {en: "...", de: "..."}'
    )


def _question(question: str, text: str) -> str:
    return (
        f"parts/expert.yaml:19:13: note: open-question: argument 'expert' leaves critical "
        f"question '{question}' of scheme 'expert-opinion' open: \"{text}\"; an argument "
        f"that answers it says 'answers: {question}'"
    )


TRANSLATIONS = [
    _translation("parts/expert.yaml", line, what)
    for line, what in [(8, "says"), (10, "a"), (12, "b"), (14, "c"), (16, "d")]
]
QUESTIONS = [
    _question("expertise", "How credible is E as an expert source?"),
    _question("field", "Is E an expert in the field that A is in?"),
    _question("opinion", "What did E assert that implies A?"),
    _question("trustworthiness", "Is E personally reliable as a source, honest and unbiased?"),
    _question("consistency", "Is A consistent with what other experts assert?"),
    _question("backup-evidence", "Is E's assertion based on evidence?"),
]
ALL_OWN = _translation("all.yaml", 7, "z")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "parts").mkdir()
    return work_in(tmp_path, monkeypatch, {"all.yaml": ALL, "parts/expert.yaml": EXPERT})


def test_more_than_four_of_one_kind_are_grouped_after_the_first_three(folder: Path) -> None:
    status, out, err = run("check", "parts/expert.yaml")
    assert (status, out) == (0, "parts/expert.yaml: 0 errors, 5 warnings, 6 notes\n")
    assert err.splitlines() == [
        *TRANSLATIONS[:3],
        "parts/expert.yaml: … and 2 more missing-translation warnings (--all lists them)",
        *QUESTIONS[:3],
        "parts/expert.yaml: … and 3 more open-question notes (--all lists them)",
    ]


def test_all_lists_every_issue(folder: Path) -> None:
    status, out, err = run("check", "--all", "parts/expert.yaml")
    assert (status, out) == (0, "parts/expert.yaml: 0 errors, 5 warnings, 6 notes\n")
    assert err.splitlines() == [*TRANSLATIONS, *QUESTIONS]


def test_four_of_one_kind_are_all_listed(folder: Path) -> None:
    Path("parts/expert.yaml").write_text(
        EXPERT.replace("{en: D holds.}", "{en: D holds., de: D gilt.}"), encoding="utf-8"
    )
    _, _, err = run("check", "--no-notes", "parts/expert.yaml")
    assert err.splitlines() == TRANSLATIONS[:4]


def test_no_notes_counts_the_notes_without_listing_them(folder: Path) -> None:
    status, out, err = run("check", "--no-notes", "--all", "--strict", "parts/expert.yaml")
    assert (status, out) == (1, "parts/expert.yaml: 0 errors, 5 warnings, 6 notes (not shown)\n")
    assert err.splitlines() == TRANSLATIONS


def test_notes_alone_pass_strict_and_no_notes_prints_only_the_summary(folder: Path) -> None:
    text = EXPERT.replace("lang: [en, de]", "lang: en").replace(", de: E ist Expertin.", "")
    Path("parts/expert.yaml").write_text(text.replace("{en: Expert, de: Expertin}", "Expert"))
    assert run("check", "--strict", "--no-notes", "parts/expert.yaml") == (
        0,
        "parts/expert.yaml: 0 errors, 0 warnings, 6 notes (not shown)\n",
        "",
    )


def test_quiet_prints_only_errors_and_warnings(folder: Path) -> None:
    assert run("check", "-q", "--all", "parts/expert.yaml") == (
        0,
        "",
        "\n".join(TRANSLATIONS) + "\n",
    )
    assert run("check", "--quiet", "all.yaml") == (
        0,
        "",
        "\n".join(
            [
                ALL_OWN,
                *TRANSLATIONS[:3],
                "parts/expert.yaml: … and 2 more missing-translation warnings (--all lists them)",
            ]
        )
        + "\n",
    )


@pytest.mark.parametrize(
    "order", [("all.yaml", "parts/expert.yaml"), ("parts/expert.yaml", "all.yaml")]
)
def test_an_included_files_issues_are_listed_once_under_that_file(
    folder: Path, order: tuple[str, str]
) -> None:
    status, out, err = run("check", "--all", *order)
    assert status == 0
    assert out.splitlines() == [
        {
            "all.yaml": "all.yaml: 0 errors, 6 warnings, 6 notes; 11 of them listed under "
            "parts/expert.yaml",
            "parts/expert.yaml": "parts/expert.yaml: 0 errors, 5 warnings, 6 notes",
        }[name]
        for name in order
    ]
    assert sorted(err.splitlines()) == sorted([ALL_OWN, *TRANSLATIONS, *QUESTIONS])


def test_an_included_file_not_checked_itself_has_its_issues_listed_under_the_map(
    folder: Path,
) -> None:
    status, out, err = run("check", "--all", "all.yaml")
    assert (status, out) == (0, "all.yaml: 0 errors, 6 warnings, 6 notes\n")
    assert err.splitlines() == [ALL_OWN, *TRANSLATIONS, *QUESTIONS]


def test_an_error_in_an_included_file_is_listed_once(folder: Path) -> None:
    Path("parts/expert.yaml").write_text(
        EXPERT.replace("supports: a\n  more", "supports: q\n  more")
    )
    status, out, err = run("check", "--no-notes", "parts/expert.yaml", "all.yaml")
    assert status == 1
    assert out.splitlines() == [
        "parts/expert.yaml: 1 error, 0 warnings",
        "all.yaml: 1 error, 0 warnings; 1 of them listed under parts/expert.yaml",
    ]
    assert err.count("unknown-statement") == 1


def test_errors_are_never_grouped(folder: Path) -> None:
    broken = EXPERT.replace("premises: [b, c, d]", "premises: [b1, c1, d1, e1, f1]")
    Path("parts/expert.yaml").write_text(broken, encoding="utf-8")
    status, out, err = run("check", "parts/expert.yaml")
    assert (status, out) == (1, "parts/expert.yaml: 5 errors, 0 warnings\n")
    assert [line.split(": ")[2] for line in err.splitlines()] == ["unknown-statement"] * 5
