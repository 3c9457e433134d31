"""The map format, version 1: plain data (as parsed from YAML) to model and back.

Independent of YAML itself, so any syntax that yields the same nested
mappings and lists (JSON, for one) can share it. Every problem found is
collected as an :class:`Issue` with its document path; the caller attaches
file positions and raises once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from ._helpers import gc_paused, kind_name, suggest
from ._styled import CutByComment, FlowList, FlowMapping
from .errors import DocPath, Issue, Severity
from .model import (
    ID_PATTERN,
    LANG_PATTERN,
    MODES,
    STANDARDS,
    STATUSES,
    WEIGHINGS,
    Agent,
    Argument,
    ArgumentMap,
    Citation,
    CriticalQuestion,
    Dispute,
    Group,
    Mode,
    Origin,
    Relation,
    Scheme,
    SchemeRole,
    Source,
    Statement,
    Status,
    Translation,
    plain,
    unchecked,
)

#: The format versions this release reads and writes.
FORMAT_VERSION = 1

TOP_KEYS = (
    "argmap",
    "include",
    "title",
    "description",
    "lang",
    "theses",
    "sources",
    "agents",
    "statements",
    "arguments",
    "schemes",
    "groups",
    "issues",
    "data",
)
SOURCE_KEYS = ("title", "author", "publisher", "date", "url", "lang", "file")
#: The keys of a source that hold prose, where a comment cutting the text is reported.
_PROSE_SOURCE_KEYS = ("author", "publisher")
AGENT_KEYS = ("name", "description", "url", "data")
STATEMENT_KEYS = (
    "text",
    "title",
    "implicit",
    "mode",
    "hedge",
    "by",
    "via",
    "quote",
    "quotes",
    "tags",
    "note",
    "status",
    "data",
)
TARGET_KEYS: dict[str, Relation] = {
    "supports": "support",
    "attacks": "attack",
    "undercuts": "undercut",
}
ARGUMENT_KEYS = (
    "title",
    "scheme",
    "premises",
    *TARGET_KEYS,
    "answers",
    "weight",
    "weighing",
    "implicit",
    "by",
    "via",
    "quote",
    "quotes",
    "tags",
    "note",
    "data",
)
ISSUE_KEYS = ("question", "statement", "positions", "standard", "data")
GROUP_KEYS = ("title", "members", "data")
SCHEME_KEYS = ("name", "premises", "conclusion", "questions", "reference")
CITATION_KEYS = ("source", "text")

_T = TypeVar("_T")


class _DocumentReader:
    """Walks the parsed document, collecting issues while building the model."""

    def __init__(self, *, plain: bool = False) -> None:
        #: The document holds JSON's values only, as the JSON reader gives them.
        self.plain = plain
        self.issues: list[Issue] = []
        self.includes: list[tuple[str, DocPath]] = []
        self.langs: tuple[str, ...] = ()
        #: Ids of entries written but not valid, by section: defined, for references.
        self.invalid: dict[str, set[str]] = {}

    def error(self, code: str, message: str, path: DocPath) -> None:
        self.issues.append(Issue(code, message, path=path))

    def warning(self, code: str, message: str, path: DocPath) -> None:
        self.issues.append(Issue(code, message, Severity.WARNING, path=path))

    # -- typed accessors ---------------------------------------------------

    def mapping(
        self, value: Any, path: DocPath, what: str, keys: tuple[str, ...] | None = None
    ) -> dict[str, Any] | None:
        """``value`` when it is a mapping (reported else), its keys checked against ``keys``."""
        if isinstance(value, dict):
            if keys is not None:
                self.keys(value, keys, path, what)
            return value
        self.error(
            "wrong-type",
            f"{what} must be a mapping of keys to values, got {kind_name(value)}",
            path,
        )
        return None

    def keys(
        self, data: Mapping[str, Any], allowed: tuple[str, ...], path: DocPath, what: str
    ) -> None:
        for key in data:
            if key not in allowed:
                self.error(
                    "unknown-key",
                    f"{what} has no key {key!r}{suggest(key, allowed)}; "
                    f"allowed keys: {', '.join(allowed)}",
                    (*path, key, "<key>"),
                )

    def text(
        self,
        data: Mapping[str, Any],
        key: str,
        path: DocPath,
        what: str,
        *,
        required: bool = False,
        prose: bool = True,
    ) -> str | None:
        """The text under ``key``; ``prose`` (not an id, a keyword or an address) is
        checked for a comment that cut it short."""
        if key not in data or _is_null(data[key]):
            if required:
                self.error(
                    "missing-key",
                    f"{what} needs a {key!r}",
                    path if key not in data else (*path, key),
                )
            return None
        value = data[key]
        if isinstance(value, (dict, list)):
            self.error(
                "wrong-type",
                f"'{key}' of {what} must be text, got {kind_name(value)}",
                (*path, key),
            )
            return None
        text = str(value)
        if required and not text.strip():
            self.error("missing-key", f"{what} needs a non-empty {key!r}", (*path, key))
            return None
        if prose and type(value) is CutByComment:
            self.warning(
                "text-cut-by-comment",
                f"'{key}' of {what} ends at ' #', where YAML starts a comment: the text is "
                f"{text!r} without {_shortened(value.comment)!r}; if the '#' belongs to the "
                'text, put the whole text in quotes ("..."), else move the comment to a '
                "line of its own",
                (*path, key),
            )
        return text

    def localized(
        self, data: Mapping[str, Any], key: str, path: DocPath, what: str, *, required: bool = False
    ) -> tuple[str | None, dict[str, str]]:
        """Text in the map's language, and by other language: ``{en: ..., de: ...}``."""
        value = data.get(key)
        if not isinstance(value, dict):
            return self.text(data, key, path, what, required=required), {}
        if not self.langs:
            self.error(
                "missing-lang",
                f"'{key}' of {what} is given by language, but the map declares no "
                "languages: add 'lang: [en, de]' (its own language first)",
                (*path, key),
            )
            return None, {}
        by_lang: dict[str, str] = {}
        if isinstance(value, FlowMapping):
            value = self.comma_cuts(value, (*path, key), f"'{key}' of {what}")
        for lang in value:
            lang_path = (*path, key, lang)
            if lang not in self.langs:
                self.error(
                    "undeclared-lang",
                    f"'{key}' of {what} is given in {lang!r}, which the map does not declare "
                    f"in 'lang' ({', '.join(self.langs)}){suggest(lang, self.langs)}; "
                    "add it there or fix the language",
                    (*lang_path, "<key>"),
                )
                continue
            text = self.text(value, lang, (*path, key), f"'{key}' of {what}", required=True)
            if text is not None:
                by_lang[lang] = text
        primary = by_lang.pop(self.langs[0], None)
        if primary is None and (required or by_lang) and self.langs[0] not in value:
            self.error(
                "missing-key",
                f"'{key}' of {what} needs its text in {self.langs[0]!r}, the map's own language",
                (*path, key),
            )
        return primary, by_lang

    def comma_cuts(self, value: FlowMapping, path: DocPath, what: str) -> dict[str, Any]:
        """``{en: Four days, same pay}`` without the keys a comma cut off a text, reported.

        On one line, a comma ends a text: YAML reads ``same pay`` as a key of
        its own, with no value. Such keys (not a declared language, and no
        language tag or no value) are reported once per text they belong to.
        """
        kept: dict[str, Any] = {}
        lang: str | None = None
        strays: list[str] = []

        def report() -> None:
            if not strays:
                return
            at = (*path, strays[0], "<key>")
            if lang is None or _is_null(value[lang]) or any(not _is_null(value[k]) for k in strays):
                self.error(
                    "unquoted-comma",
                    f"{what} has {strays[0]!r} where a language belongs: in {{...}} on one "
                    'line a comma ends a text; put each text in quotes: {en: "...", de: "..."}',
                    at,
                )
            else:
                whole = ", ".join([str(value[lang]), *strays])
                self.error(
                    "unquoted-comma",
                    f"{what} is cut at a comma: in {{...}} on one line a comma ends a text, so "
                    f"YAML read {str(value[lang])!r} in {lang!r} and "
                    f"{' and '.join(map(repr, strays))} as "
                    f"{'a language of its own' if len(strays) == 1 else 'languages of their own'}"
                    f'; put the text in quotes: {lang}: "{whole}"',
                    at,
                )
            strays.clear()

        for key, item in value.items():
            if key not in self.langs and (not LANG_PATTERN.match(key) or _is_null(item)):
                strays.append(key)
                continue
            report()
            lang = key
            kept[key] = item
        report()
        return kept

    def translations(self, **fields: dict[str, str]) -> tuple[Translation, ...]:
        """Translations from ``text={de: ...}, title={de: ...}``, in the map's language order."""
        langs = [lang for lang in self.langs if any(lang in f for f in fields.values())]
        return tuple(
            Translation(lang, **{name: f.get(lang) for name, f in fields.items()}) for lang in langs
        )

    def lang(self, data: Mapping[str, Any]) -> tuple[str, ...]:
        """``lang: en`` or ``lang: [en, de]``: the map's languages, its own first."""
        result = []
        for value, path in self.strings(data, "lang", (), "the map", "a language tag"):
            if not LANG_PATTERN.match(value):
                self.error(
                    "invalid-value",
                    f"'lang' must name languages by tags such as 'en', 'de' or 'pt-BR' "
                    f"(got {value!r})",
                    path,
                )
            elif value in result:
                self.error("invalid-value", f"'lang' names {value!r} twice", path)
            else:
                result.append(value)
        return tuple(result)

    def strings(
        self, data: Mapping[str, Any], key: str, path: DocPath, what: str, noun: str
    ) -> list[tuple[str, DocPath]]:
        """One string or a list of them (``by: analysts`` or ``by: [a, b]``), with paths."""
        if key not in data or _is_null(data[key]):
            return []
        value = data[key]
        listed = isinstance(value, list)
        result = []
        for index, item in enumerate(value if listed else [value]):
            item_path = (*path, key, index) if listed else (*path, key)
            if isinstance(item, (dict, list)) or _is_null(item):
                self.error(
                    "wrong-type",
                    f"'{key}' of {what} must be {noun} or a list of them; "
                    f"found {kind_name(item)} in place of one",
                    item_path,
                )
            else:
                result.append((str(item), item_path))
        return result

    def id_list(
        self, data: Mapping[str, Any], key: str, path: DocPath, what: str
    ) -> tuple[str, ...]:
        items = self.strings(data, key, path, what, "an id")
        return tuple(value for value, item_path in items if self.check_id(value, item_path))

    def text_list(
        self, data: Mapping[str, Any], key: str, path: DocPath, what: str
    ) -> tuple[str, ...]:
        return tuple(value for value, _ in self.strings(data, key, path, what, "a text"))

    def check_id(self, value: str, path: DocPath) -> bool:
        if ID_PATTERN.match(value):
            return True
        self.error(
            "invalid-id",
            f"{value!r} is not a valid id: use letters, digits, '-', '_' and '.', "
            "starting with a letter or digit (e.g. 'sanctions-motive')",
            path,
        )
        return False

    def citations(self, data: Mapping[str, Any], path: DocPath, what: str) -> tuple[Citation, ...]:
        if "quote" in data and "quotes" in data:
            self.error(
                "conflicting-keys",
                f"{what} has both 'quote' and 'quotes'; put all citations under 'quotes'",
                (*path, "quotes", "<key>"),
            )
            return ()
        if "quote" in data:
            items: list[tuple[Any, DocPath]] = [(data["quote"], (*path, "quote"))]
        elif "quotes" in data:
            value = data["quotes"]
            if not isinstance(value, list):
                self.error(
                    "wrong-type",
                    f"'quotes' of {what} must be a list of {{source, text}} mappings, "
                    f"got {kind_name(value)}",
                    (*path, "quotes"),
                )
                return ()
            items = [(item, (*path, "quotes", i)) for i, item in enumerate(value)]
        else:
            return ()
        result = []
        for item, item_path in items:
            citation = self.mapping(item, item_path, f"a quote of {what}")
            if citation is None:
                continue
            self.keys(citation, CITATION_KEYS, item_path, f"a quote of {what}")
            source = self.text(
                citation, "source", item_path, f"a quote of {what}", required=True, prose=False
            )
            text = self.text(citation, "text", item_path, f"a quote of {what}", required=True)
            if (
                source is not None
                and text is not None
                and self.check_id(source, (*item_path, "source"))
            ):
                result.append(Citation(source, text))
        return tuple(result)

    def section(
        self,
        data: Mapping[str, Any],
        key: str,
        build: Callable[[str, Any, DocPath], _T | None],
    ) -> list[_T]:
        if key not in data or _is_null(data[key]):
            return []
        entries = self.mapping(data[key], (key,), f"'{key}'")
        if entries is None:
            return []
        result = []
        valid = ID_PATTERN.match
        for entity_id, value in entries.items():
            path = (key, entity_id)
            if not valid(entity_id) and not self.check_id(entity_id, (*path, "<key>")):
                continue
            built = build(entity_id, value, path)
            if built is not None:
                result.append(built)
            else:  # reported; a reference to it is no second mistake
                self.invalid.setdefault(key, set()).add(entity_id)
        return result

    # -- entities ----------------------------------------------------------

    def source(self, source_id: str, value: Any, path: DocPath) -> Source | None:
        what = f"source {source_id!r}"
        data = self.mapping(value, path, what, SOURCE_KEYS)
        if data is None:
            return None
        fields = {
            k: self.text(data, k, path, what, prose=k in _PROSE_SOURCE_KEYS)
            for k in SOURCE_KEYS
            if k != "title"
        }
        title = self.text(data, "title", path, what, required=True)
        return None if title is None else Source(source_id, title, **fields)

    def agent(self, agent_id: str, value: Any, path: DocPath) -> Agent | None:
        what = f"agent {agent_id!r}"
        if isinstance(value, str):  # shorthand: `analysts: Analysts cited in the article`
            value = {"name": value}
        data = self.mapping(value, path, what, AGENT_KEYS)
        if data is None:
            return None
        name, names = self.localized(data, "name", path, what, required=True)
        description = self.text(data, "description", path, what)
        url = self.text(data, "url", path, what, prose=False)
        if name is None:
            return None
        return Agent(
            agent_id,
            name,
            description,
            url,
            translations=self.translations(title=names),
            data=self.data(data, path, what),
        )

    def statement(self, statement_id: str, value: Any, path: DocPath) -> Statement | None:
        if type(value) is Statement:  # built by a reader from what it read and checked itself
            return value
        simple = _simple_statement(statement_id, value, plain=self.plain)
        if simple is not None:
            return simple
        what = f"statement {statement_id!r}"
        if _is_null(value):
            self.error(
                "missing-key",
                f"{what} needs a text: write '{statement_id}: The statement.' "
                "or give a mapping with 'text'",
                path,
            )
            return None
        if isinstance(value, str):  # shorthand: `s1: The text.`
            value = {"text": value}
        data = self.mapping(value, path, what, STATEMENT_KEYS)
        if data is None:
            return None
        text, texts = self.localized(data, "text", path, what, required=True)
        title, titles = self.localized(data, "title", path, what)
        hedge, hedges = self.localized(data, "hedge", path, what)
        statement = Statement(
            statement_id,
            text or "?",
            title=title,
            translations=self.translations(text=texts, title=titles, hedge=hedges),
            implicit=self.flag(data, "implicit", path, what),
            mode=self.mode(data, path, what),
            hedge=hedge,
            by=self.id_list(data, "by", path, what),
            via=self.optional_id(data, "via", path, what),
            quotes=self.citations(data, path, what),
            tags=self.text_list(data, "tags", path, what),
            note=self.text(data, "note", path, what),
            status=self.status(data, path, what),
            data=self.data(data, path, what),
        )
        return statement if text is not None else None

    def argument(self, argument_id: str, value: Any, path: DocPath) -> Argument | None:
        if type(value) is Argument:  # as a statement
            return value
        simple = _simple_argument(argument_id, value, plain=self.plain)
        if simple is not None:
            return simple
        what = f"argument {argument_id!r}"
        data = self.mapping(value, path, what, ARGUMENT_KEYS)
        if data is None:
            return None
        present = [k for k in TARGET_KEYS if k in data]
        target: str | None = None
        kind: Relation = "support"
        if not present:
            self.error(
                "missing-target",
                f"{what} needs exactly one of 'supports: STATEMENT', 'attacks: STATEMENT' "
                "or 'undercuts: ARGUMENT'",
                path,
            )
        elif len(present) > 1:
            self.error(
                "multiple-targets",
                f"{what} has {' and '.join(repr(k) for k in present)}; an argument has one "
                "target: split it into one argument per target",
                (*path, present[1], "<key>"),
            )
        else:
            key = present[0]
            kind = TARGET_KEYS[key]
            raw = data[key]
            if isinstance(raw, (dict, list)) or _is_null(raw):
                self.error(
                    "wrong-type",
                    f"'{key}' of {what} must be one id, got {kind_name(raw)}"
                    + (
                        "; an argument has one target: split it into one argument per target"
                        if isinstance(raw, list)
                        else ""
                    ),
                    (*path, key),
                )
            elif self.check_id(str(raw), (*path, key)):
                target = str(raw)
        if "premises" not in data:
            self.error(
                "no-premises",
                f"{what} needs 'premises': the statements it argues from",
                path,
            )
        problems = len(self.issues)
        premises, roles = self.premises(data, path, what)
        bad_premises = len(self.issues) > problems  # reported; no-premises would repeat it
        title, titles = self.localized(data, "title", path, what)
        scheme = self.optional_id(data, "scheme", path, what)
        answers = self.optional_id(data, "answers", path, what)
        weight = self.weight(data, path, what)
        weighing = self.choice(data, "weighing", WEIGHINGS, path, what) or "linked"
        if target is None or "premises" not in data or bad_premises:
            return None
        return Argument(
            argument_id,
            premises,
            kind,
            target,
            scheme=scheme,
            roles=roles,
            answers=answers,
            weight=weight,
            weighing=weighing,
            title=title,
            translations=self.translations(title=titles),
            implicit=self.flag(data, "implicit", path, what),
            by=self.id_list(data, "by", path, what),
            via=self.optional_id(data, "via", path, what),
            quotes=self.citations(data, path, what),
            tags=self.text_list(data, "tags", path, what),
            note=self.text(data, "note", path, what),
            data=self.data(data, path, what),
        )

    def premises(
        self, data: Mapping[str, Any], path: DocPath, what: str
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Premises as ids (``[a, b]``) or by scheme role (``{expert: a, assertion: b}``)."""
        value = data.get("premises")
        if not isinstance(value, dict):
            return self.id_list(data, "premises", path, what), ()
        premises, roles = [], []
        for role, premise in value.items():
            role_path = (*path, "premises", role)
            if isinstance(premise, (dict, list)) or _is_null(premise):
                self.error(
                    "wrong-type",
                    f"premise role {role!r} of {what} must name one statement, "
                    f"got {kind_name(premise)}",
                    role_path,
                )
            elif self.check_id(role, (*role_path, "<key>")) and self.check_id(
                str(premise), role_path
            ):
                roles.append(role)
                premises.append(str(premise))
        return tuple(premises), tuple(roles)

    def optional_id(
        self, data: Mapping[str, Any], key: str, path: DocPath, what: str
    ) -> str | None:
        value = self.text(data, key, path, what, prose=False)
        if value is None or not self.check_id(value, (*path, key)):
            return None
        return value

    def weight(self, data: Mapping[str, Any], path: DocPath, what: str) -> float | None:
        """``weight: 0.7``: a number from 0 to 1, or nothing."""
        if "weight" not in data or _is_null(data["weight"]):
            return None
        value = _plain_value(data["weight"])
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            shown = kind_name(data["weight"]) if isinstance(value, (dict, list)) else repr(value)
            self.error(
                "invalid-value",
                f"'weight' of {what} must be a number from 0 to 1, such as 0.7 (got {shown})",
                (*path, "weight"),
            )
            return None
        return float(value)

    def status(self, data: Mapping[str, Any], path: DocPath, what: str) -> Status | None:
        return self.choice(data, "status", STATUSES, path, what)

    def mode(self, data: Mapping[str, Any], path: DocPath, what: str) -> Mode:
        return self.choice(data, "mode", MODES, path, what) or "asserted"

    def choice(
        self, data: Mapping[str, Any], key: str, options: tuple[_T, ...], path: DocPath, what: str
    ) -> _T | None:
        """The value of ``key`` when it is one of ``options``; else reported and ``None``."""
        value = self.text(data, key, path, what, prose=False)
        if value is None:
            return None
        for option in options:
            if value == option:
                return option
        self.error(
            "invalid-value",
            f"'{key}' of {what} must be one of {', '.join(map(str, options))} "
            f"(got {value!r}){suggest(value, map(str, options))}",
            (*path, key),
        )
        return None

    def flag(self, data: Mapping[str, Any], key: str, path: DocPath, what: str) -> bool:
        """A yes-or-no key such as ``implicit: true``; absent or null is ``False``."""
        if key not in data or _is_null(data[key]):
            return False
        value = _plain_value(data[key])
        if value is True or value is False:
            return bool(value)
        shown = kind_name(data[key]) if isinstance(data[key], (dict, list)) else repr(value)
        self.error(
            "wrong-type",
            f"'{key}' of {what} must be true or false, got {shown}",
            (*path, key),
        )
        return False

    def scheme(self, scheme_id: str, value: Any, path: DocPath) -> Scheme | None:
        what = f"scheme {scheme_id!r}"
        data = self.mapping(value, path, what, SCHEME_KEYS)
        if data is None:
            return None
        name = self.text(data, "name", path, what, required=True)
        roles = [
            SchemeRole(role_id, text)
            for role_id, text in self.text_table(data, "premises", path, what)
        ]
        questions = [
            CriticalQuestion(question_id, text)
            for question_id, text in self.text_table(data, "questions", path, what)
        ]
        if name is None:
            return None
        return Scheme(
            scheme_id,
            name,
            roles,
            self.text(data, "conclusion", path, what),
            questions,
            reference=self.text(data, "reference", path, what),
        )

    def group(self, group_id: str, value: Any, path: DocPath) -> Group | None:
        what = f"group {group_id!r}"
        data = self.mapping(value, path, what, GROUP_KEYS)
        if data is None:
            return None
        title, titles = self.localized(data, "title", path, what, required=True)
        members = self.id_list(data, "members", path, what)
        if title is None:
            return None
        return Group(
            group_id,
            title,
            members,
            translations=self.translations(title=titles),
            data=self.data(data, path, what),
        )

    def issue(self, issue_id: str, value: Any, path: DocPath) -> Dispute | None:
        what = f"issue {issue_id!r}"
        data = self.mapping(value, path, what, ISSUE_KEYS)
        if data is None:
            return None
        question, questions = self.localized(data, "question", path, what)
        if "positions" not in data or _is_null(data["positions"]):
            self.error(
                "missing-key",
                f"{what} needs 'positions': the statements that answer it, two or more",
                path,
            )
            return None
        return Dispute(
            issue_id,
            self.id_list(data, "positions", path, what),
            question=question,
            statement=self.optional_id(data, "statement", path, what),
            standard=self.choice(data, "standard", STANDARDS, path, what),
            translations=self.translations(text=questions),
            data=self.data(data, path, what),
        )

    def data(self, data: Mapping[str, Any], path: DocPath, what: str) -> dict[str, Any]:
        """Free-form metadata under ``data``: any mapping, scalars resolved as YAML does."""
        if "data" not in data or _is_null(data["data"]):
            return {}
        table = self.mapping(data["data"], (*path, "data"), f"'data' of {what}")
        if table is None:
            return {}
        return table if self.plain else _plain_value(table)

    def text_table(
        self, data: Mapping[str, Any], key: str, path: DocPath, what: str
    ) -> list[tuple[str, str]]:
        """A mapping of ids to non-empty text, e.g. a scheme's ``questions``."""
        if key not in data or _is_null(data[key]):
            return []
        table = self.mapping(data[key], (*path, key), f"'{key}' of {what}")
        result = []
        for item_id, text in (table or {}).items():
            item_path = (*path, key, item_id)
            if isinstance(text, (dict, list)) or _is_null(text) or not str(text).strip():
                self.error(
                    "wrong-type",
                    f"{item_id!r} under '{key}' of {what} must be text, got {kind_name(text)}",
                    item_path,
                )
            elif self.check_id(item_id, (*item_path, "<key>")):
                result.append((item_id, str(text)))
        return result

    # -- the whole map -----------------------------------------------------

    def build(self, document: Any, origin: Origin | None) -> ArgumentMap | None:
        data = self.mapping(document, (), "a map")
        if data is None:
            return None
        self.version(data)
        self.keys(data, TOP_KEYS, (), "a map")
        self.langs = self.lang(data)
        title, titles = self.localized(data, "title", (), "a map", required=True)
        description, descriptions = self.localized(data, "description", (), "a map")
        self.includes = self.strings(data, "include", (), "the map", "a file name")
        theses = self.id_list(data, "theses", (), "the map")
        sources = self.section(data, "sources", self.source)
        agents = self.section(data, "agents", self.agent)
        statements = self.section(data, "statements", self.statement)
        arguments = self.section(data, "arguments", self.argument)
        schemes = self.section(data, "schemes", self.scheme)
        groups = self.section(data, "groups", self.group)
        issues = self.section(data, "issues", self.issue)
        return ArgumentMap(
            title or "(untitled)",  # a missing title is reported above; the map is not returned
            statements,
            arguments,
            sources=sources,
            agents=agents,
            schemes=schemes,
            groups=groups,
            issues=issues,
            theses=theses,
            description=description,
            lang=self.langs[0] if self.langs else None,
            other_langs=self.langs[1:],
            translations=self.translations(text=descriptions, title=titles),
            data=self.data(data, (), "the map"),
            origin=origin,
        )

    def version(self, data: Mapping[str, Any]) -> None:
        if "argmap" not in data:
            self.error(
                "missing-version",
                "a map starts with the format version: "
                f"add 'argmap: {FORMAT_VERSION}' as its first line",
                (),
            )
            return
        raw = data["argmap"]
        value = getattr(raw, "value", raw)
        if type(value) is not int:
            self.error(
                "unsupported-version",
                f"'argmap' is the format version, a whole number such as {FORMAT_VERSION}, "
                f"got {kind_name(raw)}",
                ("argmap",),
            )
        elif value != FORMAT_VERSION:
            hint = (
                "upgrade argmap to read it" if value > FORMAT_VERSION else "the first version is 1"
            )
            self.error(
                "unsupported-version",
                f"this argmap reads format version {FORMAT_VERSION}, "
                f"the map is version {value}; {hint}",
                ("argmap",),
            )


#: The keys of a statement and of an argument that the quick way builds
#: (:func:`_simple_statement`, :func:`_simple_argument`), such as AIF gives.
_SIMPLE_STATEMENT_KEYS = frozenset({"text", "by", "data"})
_SIMPLE_ARGUMENT_KEYS = frozenset({"premises", *TARGET_KEYS, "scheme", "by", "data"})
#: What the quick way does not build: the long way reports what is wrong.
_NOT_SIMPLE: Any = object()


def _simple_statement(statement_id: str, value: Any, *, plain: bool = False) -> Statement | None:
    """A statement of a text, perhaps who holds it and its data, built at once.

    What :meth:`_DocumentReader.statement` builds for it; ``None`` for
    anything else (other keys, odd values), which takes the long way and its
    checks. ``plain`` as for :func:`from_data`. ``statement_id`` is valid (the
    section checked it), and so is every value built here: the statement is
    made without the class's checks, which would only repeat these.
    """
    if type(value) is str:  # the shorthand `s1: The text.`
        return unchecked(Statement, id=statement_id, text=value) if value.strip() else None
    if type(value) is not dict or not value.keys() <= _SIMPLE_STATEMENT_KEYS:
        return None
    text = value.get("text")
    by = _simple_ids(value.get("by", ()))
    data = _simple_data(value.get("data"), plain)
    if type(text) is not str or not text.strip() or by is _NOT_SIMPLE or data is _NOT_SIMPLE:
        return None
    return unchecked(Statement, id=statement_id, text=text, by=by, data=data)


def _simple_argument(argument_id: str, value: Any, *, plain: bool = False) -> Argument | None:
    """An argument of premises and a target, perhaps a scheme, who makes it and its data,
    all valid, built at once.

    What :meth:`_DocumentReader.argument` builds for it; ``None`` for anything
    else (other keys, odd values), which takes the long way and its checks.
    Made without the class's checks, as :func:`_simple_statement`.
    """
    if (
        type(value) is not dict
        or "premises" not in value
        or not value.keys() <= _SIMPLE_ARGUMENT_KEYS
    ):
        return None
    targets = [key for key in TARGET_KEYS if key in value]
    if len(targets) != 1:
        return None
    kind = TARGET_KEYS[targets[0]]
    target = value[targets[0]]
    premises = _simple_ids(value["premises"])
    scheme = value.get("scheme")
    by = _simple_ids(value.get("by", ()))
    data = _simple_data(value.get("data"), plain)
    if (
        not premises
        or premises is _NOT_SIMPLE
        or type(target) is not str
        or not ID_PATTERN.match(target)
        or (scheme is not None and (type(scheme) is not str or not ID_PATTERN.match(scheme)))
        or by is _NOT_SIMPLE
        or data is _NOT_SIMPLE
    ):
        return None
    return unchecked(
        Argument,
        id=argument_id,
        premises=premises,
        kind=kind,
        target=target,
        scheme=scheme,
        by=by,
        data=data,
    )


def _simple_ids(value: Any) -> Any:
    """One valid id or a list of them as a tuple; else :data:`_NOT_SIMPLE`."""
    if type(value) is str:
        return (value,) if ID_PATTERN.match(value) else _NOT_SIMPLE
    if type(value) is not list and type(value) is not tuple:
        return _NOT_SIMPLE
    match = ID_PATTERN.match
    for item in value:
        if type(item) is not str or not match(item):
            return _NOT_SIMPLE
    return tuple(value)


def _simple_data(value: Any, plain: bool) -> Any:
    """``data`` as :meth:`_DocumentReader.data` reads it, when a mapping or absent;
    else :data:`_NOT_SIMPLE`."""
    if value is None:
        return {}
    if type(value) is not dict:
        return _NOT_SIMPLE
    return value if plain else _plain_value(value)


def _plain_value(value: Any) -> Any:
    """Parsed YAML as plain values: a scalar becomes what YAML resolves it to.

    Numbers, booleans and nulls parsed from JSON are such values already.
    """
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value  # from JSON, or a plain YAML string
    if isinstance(value, dict):
        return {str(key): _plain_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_value(item) for item in value]
    if isinstance(value, (bool, int, float)):
        return value  # from JSON: 3, 2.5, true as they are
    if getattr(value, "tag", "").endswith(("int", "float", "bool", "null")):
        return value.value  # 3, 2.5, true, null as YAML reads them
    return None if value is None else str(value)  # text and dates as written


def _shortened(text: str, limit: int = 40) -> str:
    """``text``, cut with an ellipsis after ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _is_null(value: Any) -> bool:
    return value is None or (getattr(value, "value", "") is None)


@attrs.frozen
class Built:
    """What one map document yields.

    Attributes:
        map: The map, when it could be built at all.
        issues: Problems in the document's structure; whole-map rules such as
            unknown ids are :func:`argmap.check`'s business.
        includes: The files named under ``include``, with their document paths.
        invalid: The ids of entries that are there but not valid (a statement
            whose text is a list, say), by section; the problem is reported
            once, not again at each reference to them.
    """

    map: ArgumentMap | None
    issues: list[Issue]
    includes: list[tuple[str, DocPath]]
    invalid: dict[str, set[str]] = attrs.field(factory=dict)


def from_data(document: Any, origin: Origin | None = None, *, plain: bool = False) -> Built:
    """Build a map from one parsed document, collecting the problems found.

    ``plain``: the document holds JSON's values only (dicts with text keys,
    lists, text, numbers, booleans, ``None``), as the JSON reader gives them,
    not YAML's scalars; its ``data`` is then taken as it is.
    """
    builder = _DocumentReader(plain=plain)
    with gc_paused():
        argument_map = builder.build(document, origin)
    return Built(argument_map, builder.issues, builder.includes, builder.invalid)


def to_data(map: ArgumentMap) -> dict[str, Any]:
    """The map as plain data in format version 1, keys in canonical order.

    Lists of ids and tags are :class:`FlowList` so YAML writes them on one line.
    """
    m = map
    lang = m.lang
    data: dict[str, Any] = {"argmap": FORMAT_VERSION}
    data["title"] = _local(lang, m.title, m.translations, "title")
    _put(data, "description", _local(lang, m.description, m.translations, "text"))
    langs = m.langs
    _put(data, "lang", langs[0] if len(langs) == 1 else FlowList(langs) if langs else None)
    if m.theses:
        data["theses"] = FlowList(m.theses)
    if m.sources:
        data["sources"] = {s.id: _source_data(s) for s in m.sources.values()}
    if m.agents:
        data["agents"] = {a.id: _agent_data(a, lang) for a in m.agents.values()}
    if m.statements:
        data["statements"] = {s.id: _statement_data(s, lang) for s in m.statements.values()}
    if m.arguments:
        data["arguments"] = {a.id: _argument_data(a, lang) for a in m.arguments.values()}
    if m.groups:
        data["groups"] = {g.id: _group_data(g, lang) for g in m.groups.values()}
    if m.schemes:
        data["schemes"] = {s.id: _scheme_data(s) for s in m.schemes.values()}
    if m.issues:
        data["issues"] = {i.id: _issue_data(i, lang) for i in m.issues.values()}
    _put(data, "data", plain(m.data) or None)
    return data


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    """``target[key] = value``, unless the value is empty: the format leaves it out."""
    if value is not None and value not in ((), []):
        target[key] = value


def _ids(values: tuple[str, ...]) -> str | list[str] | None:
    """One id as itself, several as a list on one line, none as nothing."""
    if not values:
        return None
    return values[0] if len(values) == 1 else FlowList(values)


def _quotes(target: dict[str, Any], citations: tuple[Citation, ...]) -> None:
    """One citation as ``quote``, several as ``quotes``."""
    as_data = [{"source": c.source, "text": c.text} for c in citations]
    if len(as_data) == 1:
        target["quote"] = as_data[0]
    elif as_data:
        target["quotes"] = as_data


def _local(
    lang: str | None, own: str | None, translations: tuple[Translation, ...], field: str
) -> str | dict[str, str] | None:
    """``own``, or ``{en: own, de: ...}`` when there are translations of ``field``."""
    others = {t.lang: getattr(t, field) for t in translations if getattr(t, field)}
    if not others or own is None or lang is None:
        return own
    return {lang: own, **others}


def _source_data(source: Source) -> dict[str, Any]:
    entry: dict[str, Any] = {"title": source.title}
    for key in SOURCE_KEYS[1:]:
        _put(entry, key, getattr(source, key))
    return entry


def _agent_data(agent: Agent, lang: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": _local(lang, agent.name, agent.translations, "title")}
    _put(entry, "description", agent.description)
    _put(entry, "url", agent.url)
    _put(entry, "data", plain(agent.data) or None)
    return entry


def _statement_data(statement: Statement, lang: str | None) -> dict[str, Any]:
    translations = statement.translations
    entry: dict[str, Any] = {"text": _local(lang, statement.text, translations, "text")}
    _put(entry, "title", _local(lang, statement.title, translations, "title"))
    _put(entry, "implicit", statement.implicit or None)
    _put(entry, "mode", None if statement.mode == "asserted" else statement.mode)
    _put(entry, "hedge", _local(lang, statement.hedge, translations, "hedge"))
    _held(entry, statement)
    _put(entry, "status", statement.status)
    _put(entry, "data", plain(statement.data) or None)
    return entry


def _held(entry: dict[str, Any], item: Statement | Argument) -> None:
    """The keys statements and arguments share, in the order both write them.

    Who holds or makes it (``by``), who relays it (``via``), its quotes, tags and note.
    """
    _put(entry, "by", _ids(item.by))
    _put(entry, "via", item.via)
    _quotes(entry, item.quotes)
    if item.tags:
        entry["tags"] = FlowList(item.tags)
    _put(entry, "note", item.note)


#: The key of each kind of argument's target: ``support`` -> ``supports``.
_TARGET_KEY = {kind: key for key, kind in TARGET_KEYS.items()}


def _argument_data(argument: Argument, lang: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    _put(entry, "title", _local(lang, argument.title, argument.translations, "title"))
    _put(entry, "scheme", argument.scheme)
    if argument.roles:
        entry["premises"] = dict(zip(argument.roles, argument.premises, strict=True))
    else:
        entry["premises"] = FlowList(argument.premises)
    entry[_TARGET_KEY[argument.kind]] = argument.target
    _put(entry, "answers", argument.answers)
    _put(entry, "weight", argument.weight)
    _put(entry, "weighing", None if argument.weighing == "linked" else argument.weighing)
    _put(entry, "implicit", argument.implicit or None)
    _held(entry, argument)
    _put(entry, "data", plain(argument.data) or None)
    return entry


def _group_data(group: Group, lang: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "title": _local(lang, group.title, group.translations, "title"),
        "members": FlowList(group.members),
    }
    _put(entry, "data", plain(group.data) or None)
    return entry


def _issue_data(issue: Dispute, lang: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    _put(entry, "question", _local(lang, issue.question, issue.translations, "text"))
    _put(entry, "statement", issue.statement)
    entry["positions"] = FlowList(issue.positions)
    _put(entry, "standard", issue.standard)
    _put(entry, "data", plain(issue.data) or None)
    return entry


def _scheme_data(scheme: Scheme) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": scheme.name}
    if scheme.premises:
        entry["premises"] = {role.id: role.text for role in scheme.premises}
    _put(entry, "conclusion", scheme.conclusion)
    if scheme.questions:
        entry["questions"] = {q.id: q.text for q in scheme.questions}
    _put(entry, "reference", scheme.reference)
    return entry


def error_count(issues: Iterable[Issue]) -> int:
    """How many of ``issues`` are errors."""
    return sum(1 for issue in issues if issue.severity is Severity.ERROR)
