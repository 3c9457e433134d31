"""An argument map as Argdown text that reads back to an equal map.

Statements are written as ``[Title]: text`` and arguments as
premise-conclusion structures, grouped under headings. What Argdown has no
syntax for (agents, quotes, translations, sources, ...) travels in the
reserved ``argmap`` data of each element and of the front matter. A map
imported from Argdown is written back in its original shape where argmap
kept the marks for it (arguments without premise-conclusion structure,
chains of inferences, relations between statements).

The text written is read back before it is returned; when the reading
differs, the map is written again in a plainer, fully annotated form, so the
result always reads back to an equal map.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .. import _format, _yaml
from .._check import check
from .._helpers import Ids, fresh_id, slug
from .._locate import locate
from ..errors import DocPath, Issue, MapError, Severity
from ..model import Argument, ArgumentMap, Group, Statement, Translation, plain
from . import syntax
from .read import collapse, read, read_text
from .shared import MARKERS, RESERVED, text_slug

_LINK = re.compile(r"\[[^\]]+?\]\([^)]+?\)")
_ALWAYS = set("\\@#*_[]<>{}")
_PUNCTUATION = set("!\"$%&'()+,-./:;=?^`|~") | _ALWAYS
_JS_SPACE = re.compile(
    "[ \t\n\x0b\x0c\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
)
# Escaped in quoted data: what YAML readers refuse, line separators, and brackets that
# would let a title before the data ('<A>', '[A]') reach into it ('>:' closes '<A>:').
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff{}<>\\[\\]]")
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*")
_WORDY = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "nan", "inf"}
_VERBS = {"support": "+>", "attack": "->", "undercut": "_>"}


# -- pieces of Argdown text ------------------------------------------------------


#: What cannot stand in a line of Argdown: line breaks and what argmap refuses to read.
#: What JSON writes as it is and Argdown refuses: DEL, C1 controls, noncharacters.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_UNWRITABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _visible(text: str) -> str:
    """Text on one line: line breaks and control characters as spaces."""
    return _UNWRITABLE.sub(" ", text)


def _tokens(snippet: str) -> list[syntax.Token] | None:
    """The tokens argmap's Argdown reader makes of ``snippet``; None where it refuses it."""
    try:
        return syntax.tokenize(syntax.prepare(snippet, "-"), "-")
    except MapError:
        return None


def _read_back(line: str) -> str | None:
    """How argmap reads ``line`` as a statement's text (None if it is not plain text)."""
    tokens = _tokens(f"[x]: {line}\n")
    if tokens is None:
        return None
    content = tokens[1:]
    if any(t.kind not in _TEXT_TOKENS for t in content):
        return None
    return read_text(content, False)[0]


_TEXT_TOKENS = {
    syntax.FREESTYLE,
    syntax.CONTROL,
    syntax.ESCAPED,
    syntax.SPECIAL,
    syntax.LINK,
    syntax.NEWLINE,
}


def _special_end(text: str, index: int) -> int | None:
    """End of a ``.x.`` or ``:x:`` span at ``index``: one token to Argdown, kept as written.

    Argdown reads such a span as a shortcode (``:heart:``) or as plain text;
    either way nothing inside it is markup, so it is written as it is.
    """
    if text[index] not in ".:":
        return None
    close = text.find(text[index], index + 2)
    if close == -1 or _JS_SPACE.search(text, index + 1, close):
        return None
    return close + 1


def _escape_plain(text: str, everything: bool) -> str:
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        end = None if everything else _special_end(text, index)
        if end is not None:
            out.append(text[index:end])
            index = end
            continue
        nxt = text[index + 1 : index + 2]
        if (
            (everything and char in _PUNCTUATION)
            or char in _ALWAYS
            or (char == "/" and nxt in ("/", "*"))
            or (char == "=" and "===" in text[max(0, index - 2) : index + 3])
        ):
            out.append("\\" + char)
        else:
            out.append(char)
        index += 1
    return "".join(out)


_RULE_ESCAPES = "\\,{}"


def _read_rule(written: str) -> str | None:
    """How argmap reads ``written`` as the one rule of an inference (None if not one rule)."""
    tokens = _tokens(f"--\n{written}\n--\n")
    if tokens is None:
        return None
    rule = [t for t in tokens[2:-2] if t.kind != syntax.NEWLINE]
    if any(t.kind not in _TEXT_TOKENS for t in rule) or tokens[-2].kind != syntax.INFERENCE_END:
        return None
    return collapse(read_text(rule, False)[0])


def escape(text: str) -> str:
    """``text`` as Argdown statement content that argmap reads back as ``collapse(text)``.

    Links ``[text](url)`` stay links; every other character Argdown would
    read as markup is escaped with a backslash.
    """
    line = _visible(text)
    want = collapse(line)
    for everything in (False, True):
        parts, last = [], 0
        for match in _LINK.finditer(line):
            parts.append(_escape_plain(line[last : match.start()], everything))
            parts.append(match.group())
            last = match.end()
        parts.append(_escape_plain(line[last:], everything))
        candidate = "".join(parts)
        if _read_back(candidate) == want:
            return candidate
    return _escape_plain(line, True)


_TAG_CHAR = "A-Za-z0-9\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
_SIMPLE_TAG = re.compile(f"[{_TAG_CHAR}][{_TAG_CHAR}\\-]*")


def _tag(tag: str) -> str | None:
    if _SIMPLE_TAG.fullmatch(tag):
        return f"#{tag}"
    if tag and ")" not in tag and not _UNWRITABLE.search(tag):
        return f"#({tag})"
    return None


def tags_text(tags: Iterable[str]) -> tuple[str, bool]:
    """Tags as ``#tag #(tag with spaces)``, and whether all of them could be written."""
    written = [_tag(t) for t in tags]
    return " ".join(w for w in written if w), all(written)


def _quote(value: str) -> str:
    if _PLAIN.fullmatch(value) and value.lower() not in _WORDY:
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def flow(value: Any) -> str:
    """A value as YAML flow text that Argdown and argmap read alike, on one line."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_quote(str(k))}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        mantissa, _, exponent = text.partition("e")
        if "." not in mantissa:
            mantissa += ".0"
        return mantissa + (f"e{exponent}" if exponent else "")
    return _quote(str(value))


def _usable_title(title: str | None, closing: str) -> bool:
    return bool(
        title
        and title.strip()
        and closing not in title
        and not title.startswith("-")
        and not title.startswith("!--")
        and not _UNWRITABLE.search(title)
    )


def _translations(items: tuple[Translation, ...], fields: tuple[str, ...]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for t in items:
        entry = {f: getattr(t, f) for f in fields if getattr(t, f) is not None}
        result[t.lang] = entry
    return result


def _markers(data: Mapping[str, Any]) -> dict[str, Any]:
    value = plain(data).get(MARKERS)
    result: dict[str, Any] = value if isinstance(value, dict) else {}
    return result


def _without_markers(data: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    result: dict[str, Any] = plain(data)
    markers = result.get(MARKERS)
    if isinstance(markers, dict):
        markers = {k: v for k, v in markers.items() if k not in keys}
        if markers:
            result[MARKERS] = markers
        else:
            del result[MARKERS]
    return result


# -- the writer ------------------------------------------------------------------


class _FallbackError(Exception):
    """A form chosen for an element cannot be written; try a plainer level."""


class _Writer:
    """Renders a map at one level of plainness."""

    def __init__(
        self,
        map: ArgumentMap,
        level: str,
        order: bool,
        *,
        interleave: bool = False,
        tail: bool = False,
        inline: bool = False,
        unreserved: bool = False,
    ) -> None:
        self.m = map
        self.plain = unreserved  # no reserved data: for Argdown users, not read back equal
        self.level = level
        self.interleave = interleave
        self.tail = tail
        self.inline_defs = inline
        self.pretty = level == "pretty"
        self.full = level == "full"
        self.order = order
        model = plain(map.data).get("model")
        self.strict = isinstance(model, dict) and model.get("mode") == "strict"
        self.stitle: dict[str, str] = {}
        self.atitle: dict[str, str] = {}
        self.generated: set[str] = set()
        self.f3: dict[str, str] = {}  # statement id -> Argdown argument title
        self.own: dict[str, list[Argument]] = {}  # statement id -> its arguments
        self.chains: dict[str, list[Argument]] = {}  # main id -> steps, main last
        self.in_chain: dict[str, str] = {}  # step id -> main id
        self.relational: set[str] = set()
        self.group_ids: dict[str, str] = {}
        self.inlined: set[str] = set()  # statements defined in a pcs where first used
        self.defined: set[str] = set()
        self.children: dict[str, list[Argument]] = {}  # untitled inlined -> its relations
        self.written: set[str] = set()  # arguments written as such children
        self.plan()

    # -- decisions ------------------------------------------------------------

    def plan(self) -> None:
        m = self.m
        if self.pretty:
            self.plan_f3()
            self.plan_chains()
            self.plan_relations()
            if self.inline_defs:
                self.plan_inline()
        used: set[str] = set()
        for sid, statement in m.statements.items():
            if sid in self.f3:
                continue
            preferred = statement.title if not self.full else sid
            self.stitle[sid] = self.unique(preferred, sid, used, "]")
        used = set(self.f3.values())
        for aid, argument in m.arguments.items():
            if aid in self.in_chain or self.owner(aid) is not None:
                continue
            preferred = argument.title if not self.full else aid
            self.atitle[aid] = self.unique(preferred, aid, used, ">")

    @staticmethod
    def unique(preferred: str | None, fallback: str, used: set[str], closing: str) -> str:
        base = preferred if _usable_title(preferred, closing) else fallback
        assert base is not None
        title = fresh_id(base, used, "{base} ({number})")
        used.add(title)
        return title

    def owner(self, aid: str) -> str | None:
        """The statement standing for the Argdown argument that ``aid`` is a relation of."""
        argument = self.m.arguments[aid]
        if len(argument.premises) == 1 and argument.premises[0] in self.f3:
            return argument.premises[0]
        return None

    def plan_f3(self) -> None:
        m = self.m
        titles: set[str] = set()
        for sid, statement in m.statements.items():
            title = _markers(statement.data).get("argument")
            if not isinstance(title, str) or not _usable_title(title, ">") or title in titles:
                continue
            if statement.title is not None:
                continue
            own = [a for a in m.arguments.values() if a.premises == (sid,)]
            if any(a.title != title or not self.bare(a, allow_title=True) for a in own) or any(
                sid in a.premises and a not in own for a in m.arguments.values()
            ):
                continue
            titles.add(title)
            self.f3[sid] = title
            self.own[sid] = own

    def bare(self, argument: Argument, *, allow_title: bool = False) -> bool:
        """Nothing but premises, kind and target (and relation marks): a relation's argument."""
        data = _without_markers(argument.data, "relation")
        return (
            (allow_title or argument.title is None)
            and not (argument.by or argument.quotes or argument.tags or argument.note)
            and not (argument.scheme or argument.roles or argument.answers)
            and not _weighed(argument)
            and not argument.translations
            and not data
        )

    def plan_chains(self) -> None:
        m = self.m
        steps: dict[str, list[Argument]] = {}
        for argument in m.arguments.values():
            main = _markers(argument.data).get("step-of")
            if isinstance(main, str) and main in m.arguments:
                steps.setdefault(main, []).append(argument)
        for main_id, members in steps.items():
            main = m.arguments[main_id]
            if (
                main.kind != "support"
                or main.target not in m.statements
                or main_id in self.in_chain
            ):
                continue
            chain = [main]
            current = main
            pool = {a.target: a for a in members if a.kind == "support"}
            while current.premises and current.premises[0] in pool:
                step = pool.pop(current.premises[0])
                chain.insert(0, step)
                current = step
            if pool or len(chain) != len(members) + 1:
                continue
            conclusions = {a.target for a in chain[:-1]}
            inner = {a.id for a in chain[:-1]}
            if any(a.kind == "undercut" and a.target in inner for a in m.arguments.values()):
                continue
            if any(
                sum(p in conclusions for p in a.premises) > (1 if a in chain else 0) for a in chain
            ):
                continue
            if any(
                not (a.title is None and not (a.by or a.quotes or a.tags or a.note))
                or a.scheme
                or a.roles
                or a.answers
                or _weighed(a)
                or a.translations
                or _without_markers(a.data, "step-of", "rules", "inference")
                for a in chain[:-1]
            ):
                continue
            self.chains[main_id] = chain
            for step in chain[:-1]:
                self.in_chain[step.id] = main_id

    def plan_relations(self) -> None:
        for aid, argument in self.m.arguments.items():
            if aid in self.in_chain or aid in self.chains or self.owner(aid) is not None:
                continue
            if len(argument.premises) != 1 or not self.bare(argument):
                continue
            relation = _markers(argument.data).get("relation")
            if argument.kind == "undercut" and relation not in (None, "attack"):
                continue
            if argument.kind != "undercut" and relation == "attack":
                continue
            if argument.kind == "attack" and relation is None and self.strict:
                continue
            if relation == "contrary" and not self.strict:
                continue
            if argument.premises[0] not in self.m.statements:
                continue
            if relation in ("contradictory", "contrary") and argument.target in self.f3:
                # Argdown writes the pair once, under the argument ('<A>' then '>< [B]'),
                # and reads both directions from it.
                partner = [
                    a
                    for a in self.own[argument.target]
                    if a.target == argument.premises[0]
                    and _markers(a.data).get("relation") == relation
                ]
                if partner:
                    self.written.add(aid)
                    continue
            self.relational.add(aid)

    def pcs_statements(self) -> list[str]:
        """The statements the premise-conclusion structures name, one entry per line."""
        names: list[str] = []
        for aid, a in self.m.arguments.items():
            if aid in self.in_chain or aid in self.relational or self.owner(aid) is not None:
                continue
            for index, step in enumerate(self.chains.get(aid, [a])):
                names += step.premises[1:] if index else step.premises
                if step.kind == "support" and step.target in self.m.statements:
                    names.append(step.target)
        return names

    def plan_inline(self) -> None:
        """Define statements where a premise-conclusion structure first names them.

        An untitled statement can be written there without a title when that
        is the only place it is named; its relations are written under it.
        """
        m = self.m
        uses: dict[str, int] = {}
        for sid in self.pcs_statements():
            uses[sid] = uses.get(sid, 0) + 1
        referred: set[str] = set()
        for aid, a in m.arguments.items():
            own = self.owner(aid) is not None
            if a.kind != "undercut" and (aid in self.relational or own or a.kind == "attack"):
                referred.add(a.target)
            pair = _markers(a.data).get("relation") in ("contradictory", "contrary")
            if aid in self.relational and a.kind != "undercut" and pair:
                referred.add(a.premises[0])
        first_group: dict[str, str] = {}
        for gid, group in m.groups.items():
            for member in group.members:
                first_group.setdefault(member, gid)
        started: set[str | None] = set()  # sections where untitled statements are inlined
        for sid, statement in m.statements.items():
            section = first_group.get(sid)
            if sid in self.f3 or not uses.get(sid) or _markers(statement.data).get("texts"):
                continue
            if (
                statement.title is None
                and uses[sid] == 1
                and sid not in referred
                and (self.plain or _id_from_text(statement))
            ):
                # Untitled only when its id is made from its text, as reading Argdown makes it;
                # an id of its own is written as its title ('[id]: text'), as for any statement.
                started.add(section)
                self.inlined.add(sid)
                self.children[sid] = [
                    a
                    for aid, a in m.arguments.items()
                    if aid in self.relational and a.premises == (sid,)
                ]
                self.written.update(a.id for a in self.children[sid])
            elif statement.title is not None and section in started:
                self.inlined.add(sid)  # after the first untitled one, as Argdown authors do

    # -- references ---------------------------------------------------------

    def statement_ref(self, sid: str) -> str:
        if sid in self.f3:
            return f"<{self.f3[sid]}>"
        return self.premise_ref(sid)

    def argument_ref(self, aid: str) -> str:
        """The Argdown argument whose (last) inference ``aid`` is."""
        owner = self.owner(aid)
        if owner is not None:
            return f"<{self.f3[owner]}>"
        main = self.in_chain.get(aid, aid)
        if main not in self.atitle:
            raise _FallbackError(aid)
        return f"<{self.atitle[main]}>"

    # -- blocks -------------------------------------------------------------

    def data_text(self, inline: dict[str, Any], reserved: dict[str, Any]) -> str:
        data = dict(inline)
        if reserved and not self.plain:
            data[RESERVED] = reserved
        return f" {flow(data)}" if data else ""

    def inline(
        self, data: Mapping[str, Any], reserved: dict[str, Any], *drop: str
    ) -> dict[str, Any]:
        """The data to write inline; the whole data goes to ``reserved`` when it cannot."""
        values = _without_markers(data, *drop) if drop else plain(data)
        if RESERVED in values or self.full:
            if plain(data) or self.full:
                reserved["data"] = plain(data)
            return {}
        return values

    def statement_fields(self, s: Statement, reserved: dict[str, Any]) -> None:
        if s.implicit or self.full:
            reserved["implicit"] = s.implicit
        if s.mode != "asserted" or self.full:
            reserved["mode"] = s.mode
        if s.hedge is not None or self.full:
            reserved["hedge"] = s.hedge
        self.attribution(s, reserved)
        if s.note is not None or self.full:
            reserved["note"] = s.note
        if s.status is not None or self.full:
            reserved["status"] = s.status
        if s.translations or self.full:
            reserved["translations"] = _translations(s.translations, ("text", "title", "hedge"))

    def attribution(self, item: Statement | Argument, reserved: dict[str, Any]) -> None:
        """Who says it (``by``, ``via``) and the passages it quotes, for the reserved data."""
        if item.by or self.full:
            reserved["by"] = list(item.by)
        if item.via is not None or self.full:
            reserved["via"] = item.via
        if item.quotes or self.full:
            reserved["quotes"] = [{"source": q.source, "text": q.text} for q in item.quotes]

    def content(self, text: str, fallback: str, reserved: dict[str, Any], key: str) -> str:
        written = escape(text)
        read_as = collapse(_visible(text))
        if not read_as:
            written = escape(fallback)
            read_as = collapse(_visible(fallback))
        if read_as != text or self.full:
            reserved[key] = text
        return written

    def statement_block(self, s: Statement) -> list[str]:
        title = self.stitle[s.id]
        blocks = []
        drop: tuple[str, ...] = ()
        if self.pretty:
            texts = _markers(s.data).get("texts")
            if isinstance(texts, list) and all(isinstance(t, str) and t for t in texts):
                blocks += [f"[{title}]: {escape(t)}\n" for t in texts]
                drop = ("texts",)
        blocks.append(f"[{title}]: {self.definition(s, title, drop)}\n")
        return blocks

    def definition(self, s: Statement, title: str | None, drop: tuple[str, ...] = ()) -> str:
        """A statement's text, tags and data; ``title=None`` for one written untitled."""
        reserved: dict[str, Any] = {}
        text = self.content(s.text, title or s.id, reserved, "text")
        expected = slug(title) if title is not None else text_slug(reserved.get("text", s.text))
        if title is None:
            expected = text_slug(collapse(_visible(s.text)) or s.id)
        if expected != s.id or self.full:
            reserved = {"id": s.id, **reserved}
        if s.title != title or self.full:
            reserved["title"] = s.title
        tags, complete = tags_text(s.tags)
        if not complete or self.full:
            reserved["tags"] = list(s.tags)
        self.statement_fields(s, reserved)
        inline = self.inline(s.data, reserved, *drop)
        tail = f" {tags}" if tags else ""
        return f"{text}{tail}{self.data_text(inline, reserved)}"

    def pcs_line(self, number: int, sid: str) -> list[str]:
        """A numbered premise or conclusion: a reference, or the statement's definition."""
        if sid not in self.inlined or sid in self.defined:
            return [f"({number}) {self.premise_ref(sid)}"]
        self.defined.add(sid)
        s = self.m.statements[sid]
        if sid in self.children:
            lines = [f"({number}) {self.definition(s, None)}"]
            return lines + [
                self.relation_line(a) for a in self.unique_relations(self.children[sid])
            ]
        title = self.stitle[sid]
        return [f"({number}) [{title}]: {self.definition(s, title)}"]

    def f3_block(self, sid: str, described: set[str], relations: list[Argument]) -> list[str]:
        """An argument without premise-conclusion structure, with some of its relations."""
        s = self.m.statements[sid]
        title = self.f3[sid]
        lines = []
        blocks = []
        if sid not in described:
            described.add(sid)
            reserved: dict[str, Any] = {}
            base = slug(title)
            expected = f"{base}-premise" if base else "premise"
            if s.id != expected:
                reserved["id"] = s.id
            texts = _markers(s.data).get("texts")
            drop: tuple[str, ...] = ("argument",)
            if isinstance(texts, list) and all(isinstance(t, str) and t for t in texts):
                blocks += [f"<{title}>: {escape(t)}\n" for t in texts]
                drop = ("argument", "texts")
            text = self.content(s.text, title, reserved, "text")
            tags, complete = tags_text(s.tags)
            if not complete:
                reserved["tags"] = list(s.tags)
            self.statement_fields(s, reserved)
            inline = self.inline(s.data, reserved, *drop)
            tail = f" {tags}" if tags else ""
            lines.append(f"<{title}>: {text}{tail}{self.data_text(inline, reserved)}")
        else:
            lines.append(f"<{title}>")
        lines += [self.relation_line(a) for a in relations]
        blocks.append("\n".join(lines) + "\n")
        return blocks

    def relation_line(self, a: Argument) -> str:
        if a.kind == "undercut":
            marker = _markers(a.data).get("relation")
            symbol = "->" if marker == "attack" else "_>"
            return f"  {symbol} {self.argument_ref(a.target)}"
        if a.target in self.m.arguments:  # a support or attack of an argument as a whole
            return f"  {_VERBS[a.kind]} {self.argument_ref(a.target)}"
        marker = _markers(a.data).get("relation")
        symbol = "><" if marker == "contradictory" else _VERBS[a.kind]
        return f"  {symbol} {self.statement_ref(a.target)}"

    def argument_head(self, a: Argument, title: str, drop: tuple[str, ...] = ()) -> str:
        reserved: dict[str, Any] = {}
        if slug(title) != a.id or self.full:
            reserved["id"] = a.id
        if a.title != title or self.full:
            reserved["title"] = a.title
        if a.kind == "support" and a.target in self.m.arguments:
            reserved["kind"] = "backing"
        elif a.kind != "support" or self.full:
            reserved["kind"] = a.kind
        if self.full:
            reserved["target"] = a.target
            reserved["premises"] = list(a.premises)
        head = f"<{title}>"
        if a.note is not None:
            note = escape(a.note)
            if collapse(_visible(a.note)) != a.note or not collapse(_visible(a.note)):
                reserved["note"] = a.note
            if collapse(_visible(a.note)):
                head += f": {note}"
        elif self.full:
            reserved["note"] = None
        tags, complete = tags_text(a.tags)
        if not complete or self.full:
            reserved["tags"] = list(a.tags)
        if tags:
            head += f" {tags}"
        for key in ("scheme", "answers", "weight"):
            if getattr(a, key) is not None or self.full:
                reserved[key] = getattr(a, key)
        if a.weighing != "linked" or self.full:
            reserved["weighing"] = a.weighing
        if a.roles or self.full:
            reserved["roles"] = list(a.roles)
        if a.implicit or self.full:
            reserved["implicit"] = a.implicit
        self.attribution(a, reserved)
        if a.translations or self.full:
            reserved["translations"] = _translations(a.translations, ("title",))
        inline = self.inline(a.data, reserved, *drop)
        return head + self.data_text(inline, reserved) + "\n"

    def inference_lines(self, a: Argument, use_markers: bool) -> list[str]:
        markers = _markers(a.data) if use_markers else {}
        rules = markers.get("rules")
        data = markers.get("inference")
        parts = []
        if isinstance(rules, list) and rules and all(isinstance(r, str) and r for r in rules):
            parts.append(", ".join(self.rule(r) for r in rules))
        if isinstance(data, dict) and data:
            parts.append(flow(data))
        if not parts:
            return ["----"]
        return ["--", " ".join(parts), "--"]

    @staticmethod
    def rule(text: str) -> str:
        """An inference rule, escaped where Argdown would end it (``,``, ``--``) or skip it."""
        line = _visible(text)
        out = []
        index = 0
        while index < len(line):
            char, nxt = line[index], line[index + 1 : index + 2]
            end = _special_end(line, index)
            if end is not None:
                out.append(line[index:end])
                index = end
                continue
            if (
                char in _RULE_ESCAPES
                or (char == "-" and (nxt == "-" or index == len(line) - 1))
                or (char == "/" and nxt in ("/", "*"))
                or (char == "<" and line.startswith("<!--", index))
            ):
                out.append("\\" + char)
            else:
                out.append(char)
            index += 1
        written = "".join(out)
        return written if _read_rule(written) == collapse(line) else _escape_plain(line, True)

    def pcs_block(self, a: Argument, chain: list[Argument] | None = None) -> list[str]:
        title = self.atitle[a.id]
        steps = chain or [a]
        drop: tuple[str, ...] = ("rules", "inference") if self.pretty else ()
        head = self.argument_head(a, title, drop)
        lines: list[str] = []
        number = 0
        for index, step in enumerate(steps):
            premises = step.premises[1:] if index else step.premises
            for premise in premises:
                number += 1
                lines += self.pcs_line(number, premise)
            lines += self.inference_lines(step, self.pretty)
            number += 1
            if step.kind == "support" and step.target not in self.m.arguments:
                lines += self.pcs_line(number, step.target)
            else:
                conclusion = self.generated_title(step)
                lines.append(f"({number}) [{conclusion}]")
                if step.target in self.m.arguments:
                    lines.append(f"  {_VERBS[step.kind]} {self.argument_ref(step.target)}")
                else:
                    lines.append(f"  -> {self.statement_ref(step.target)}")
        return [head, "\n".join(lines) + "\n"]

    def premise_ref(self, sid: str) -> str:
        if sid not in self.stitle:
            raise _FallbackError(sid)
        return f"[{self.stitle[sid]}]"

    def generated_title(self, a: Argument) -> str:
        if a.target in self.m.arguments:
            target = self.argument_ref(a.target)[1:-1]
        else:
            target = self.stitle.get(a.target) or self.f3.get(a.target) or a.target
        if a.kind == "support":
            word = "For"
        elif self.plain and a.kind == "attack" and a.target in self.m.statements:
            word = "Not"  # the conclusion of an attack on a statement is its negation
        else:
            word = "Against"
        base = f"{word}: {target}".replace("]", ")")
        used = set(self.stitle.values()) | self.generated
        title = fresh_id(base, used, "{base} ({number})")
        self.generated.add(title)
        return title

    def relation_block(self, arguments: list[Argument]) -> list[str]:
        source = arguments[0].premises[0]
        lines = [self.statement_ref(source)]
        lines += [self.relation_line(a) for a in arguments]
        return ["\n".join(lines) + "\n"]

    # -- the document -------------------------------------------------------

    def render(self) -> str:
        m = self.m
        first_group: dict[str, str] = {}
        for gid, each in m.groups.items():
            for member in each.members:
                first_group.setdefault(member, gid)
        ids = Ids()
        self.group_ids = {
            gid: ids.make(slug(collapse(_visible(g.title))), "group") for gid, g in m.groups.items()
        }
        blocks = [self.front_matter()]
        described: set[str] = set()
        body: list[str] = []
        groups: list[Group | None] = [None, *m.groups.values()]
        for group in groups:
            body += self.section(group, first_group, described)
        if self.tail and m.groups:
            rest = self.section(None, first_group, described, arguments=True)
            if rest:
                heading = f"# {escape(m.title)} {{{RESERVED}: {{group: false}}}}\n"
                body += [heading, *rest]
        if self.inlined - self.defined:
            raise _FallbackError("a statement to define in a premise-conclusion structure")
        if not body:
            body.append(f"# {escape(m.title)} {{{RESERVED}: {{group: false}}}}\n")
        return "\n".join(blocks + body)

    def section(
        self,
        group: Group | None,
        first_group: dict[str, str],
        described: set[str],
        *,
        arguments: bool = False,
    ) -> list[str]:
        """The blocks under one heading (or before the first one, for ``group=None``).

        With ``tail``, the arguments of no group come last, under a heading
        that is no group, so that they refer to statements defined above them;
        ``arguments=True`` writes just those.
        """
        m = self.m
        gid = group.id if group else None
        out: list[str] = []
        if group is not None:
            out.append(self.heading(group, first_group))
        done: set[str] = set()
        if self.tail and gid is None and m.groups and not arguments:
            return [
                b
                for s in m.statements.values()
                if first_group.get(s.id) is None
                for b in self.statement_blocks(s, described)
            ]
        for s in m.statements.values():
            if first_group.get(s.id) != gid or arguments:
                continue
            if s.id in self.inlined:
                continue
            if s.id in self.f3:
                own = [a for a in self.own[s.id] if first_group.get(a.id) == gid]
                if not self.own[s.id] or (self.interleave and own):
                    out += self.flush(own, described, s.id)
                    done.update(a.id for a in own)
                continue
            out += self.statement_block(s)
        pending: list[Argument] = []
        for a in m.arguments.values():
            if first_group.get(a.id) != gid or a.id in done or a.id in self.written:
                continue
            key = self.group_key(a)
            if pending and self.group_key(pending[0]) != key:
                out += self.flush(pending, described)
                pending = []
            if key[0] in ("own", "relation"):
                pending.append(a)
                continue
            if a.id in self.in_chain:
                continue
            out += self.pcs_block(a, self.chains.get(a.id))
        out += self.flush(pending, described)
        return out

    def statement_blocks(self, s: Statement, described: set[str]) -> list[str]:
        if s.id in self.inlined:
            return []
        if s.id not in self.f3:
            return self.statement_block(s)
        return [] if self.own[s.id] else self.f3_block(s.id, described, [])

    def group_key(self, a: Argument) -> tuple[str, str]:
        owner = self.owner(a.id)
        if owner is not None:
            return ("own", owner)
        if a.id in self.relational:
            return ("relation", a.premises[0])
        return ("pcs", a.id)

    def flush(
        self, pending: list[Argument], described: set[str], owner: str | None = None
    ) -> list[str]:
        """The blocks of consecutive relations from one source (of ``owner``'s, if given)."""
        if owner is not None:
            return self.f3_block(owner, described, self.unique_relations(pending))
        if not pending:
            return []
        kind, source = self.group_key(pending[0])
        written = self.unique_relations(pending)
        if kind == "own":
            return self.f3_block(source, described, written)
        return self.relation_block(written)

    def predicted_members(self, gid: str, first_group: dict[str, str]) -> list[str]:
        members = [s for s in self.m.statements if first_group.get(s) == gid]
        return members + [a for a in self.m.arguments if first_group.get(a) == gid]

    def unique_relations(self, pending: list[Argument]) -> list[Argument]:
        """One relation for a pair of contradictories, one undercut per Argdown argument."""
        written: list[Argument] = []
        for a in pending:
            partner = _markers(a.data).get("relation") in ("contradictory", "contrary")
            if partner and any(
                b.premises == (a.target,) and b.target == a.premises[0] for b in written
            ):
                continue
            if (
                a.kind == "undercut"
                and self.owner(a.target) is not None
                and any(
                    b.kind == "undercut"
                    and self.argument_ref(b.target) == self.argument_ref(a.target)
                    for b in written
                )
            ):
                continue
            written.append(a)
        return written

    def heading(self, group: Group, first_group: dict[str, str]) -> str:
        reserved: dict[str, Any] = {}
        level = 1
        drop: tuple[str, ...] = ()
        markers = _markers(group.data)
        if self.pretty:
            wanted = markers.get("level")
            if isinstance(wanted, int) and not isinstance(wanted, bool) and 1 <= wanted <= 6:
                level = wanted
                drop = ("level",)
        title = self.content(group.title, group.id, reserved, "title")
        tags = ""
        if self.pretty and isinstance(markers.get("tags"), list):
            text, complete = tags_text(str(t) for t in markers["tags"])
            if complete and text:
                tags = f" {text}"
                drop += ("tags",)
        if self.group_ids.get(group.id) != group.id or self.full:
            reserved["id"] = group.id
        if self.predicted_members(group.id, first_group) != list(group.members) or self.full:
            reserved["members"] = list(group.members)
        if group.translations or self.full:
            reserved["translations"] = _translations(group.translations, ("title",))
        inline = self.inline(group.data, reserved, *drop)
        return f"{'#' * level} {title}{tags}{self.data_text(inline, reserved)}\n"

    def front_matter(self) -> str:
        m = self.m
        front: dict[str, Any] = {"title": m.title}
        data = plain(m.data)
        reserved: dict[str, Any] = {}
        if "title" in data or RESERVED in data or self.full:
            reserved["data"] = data
        else:
            front.update(data)
        if m.description is not None:
            reserved["description"] = m.description
        if m.langs:
            reserved["lang"] = list(m.langs)
        if m.translations:
            reserved["translations"] = _translations(m.translations, ("title", "text"))
        if m.theses:
            reserved["theses"] = list(m.theses)
        whole = _format.to_data(m)
        for key in ("sources", "agents", "schemes", "issues"):
            if key in whole:
                reserved[key] = whole[key]
        if self.order:
            reserved["order"] = {
                "statements": list(m.statements),
                "arguments": list(m.arguments),
            }
        if reserved and not self.plain:
            front[RESERVED] = reserved
        body = _yaml.dump(_plain_lists(front))
        if "===" in body:
            written = json.dumps(_plain_lists(front), ensure_ascii=False, indent=1)
            # JSON leaves DEL, C1 controls and noncharacters as they are; Argdown refuses them.
            body = _JSON_RAW.sub(_json_escape, written.replace("=", "\\u003d")) + "\n"
        return f"===\n{body}===\n"


def _id_from_text(s: Statement) -> bool:
    """Whether ``s`` has the id that reading an untitled statement gives it (maybe numbered)."""
    base = text_slug(collapse(_visible(s.text)) or s.id)
    return s.id == base or re.fullmatch(rf"{re.escape(base)}-\d+", s.id) is not None


def _json_escape(match: re.Match[str]) -> str:
    """A character as a JSON string escape (``\\u007f``)."""
    return "".join(f"\\u{ord(char):04x}" for char in match.group())


def _plain_lists(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain_lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain_lists(v) for v in value]
    return value


def _same(a: ArgumentMap, b: ArgumentMap) -> bool:
    """Equal maps; a NaN in metadata equals itself here (it never does for ``==``)."""
    if a == b:
        return True
    return json.dumps(_format.to_data(a), default=str) == json.dumps(
        _format.to_data(b), default=str
    )


def _weighed(argument: Argument) -> bool:
    """Whether an argument has a weight or a weighing of its own (Carneades' weighing)."""
    return argument.weight is not None or argument.weighing != "linked"


def write(map: ArgumentMap, *, plain: bool = False) -> str:
    """``map`` as Argdown; raises MapError when the map has errors (Argdown cannot hold them).

    With ``plain``, no reserved ``argmap`` data is written: the text is what
    an Argdown author would write, with the map's titles, and reads back to
    the same statements, arguments and relations but not to an equal map.
    """
    errors = [i for i in check(map, verify_quotes=False) if i.severity is Severity.ERROR]
    if errors:
        raise MapError(errors)
    last: MapError | _FallbackError | None = None
    closest: ArgumentMap | None = None
    attempts = [  # level, order, interleave, tail: the plainest last
        ("inline", False, False, False),
        ("inline", False, True, False),
        ("inline", False, False, True),
        ("pretty", False, False, False),
        ("pretty", False, True, False),
        ("pretty", False, False, True),
        ("pretty", True, False, False),
        ("canonical", False, False, False),
        ("canonical", True, False, False),
        ("full", True, False, False),
    ]
    for level, order, interleave, tail in attempts:
        try:
            text = _Writer(
                map,
                "pretty" if level == "inline" else level,
                order,
                interleave=interleave,
                tail=tail,
                inline=level == "inline",
                unreserved=plain,
            ).render()
            back = read(text, "<argdown>")
        except (MapError, _FallbackError) as exc:
            last = exc
            continue
        if plain or _same(back, map):
            return text
        closest = back
    raise MapError(locate(map, [_unwritable(map, closest, last)]))


def _unwritable(
    map: ArgumentMap, back: ArgumentMap | None, problem: MapError | _FallbackError | None
) -> Issue:
    """Why no way of writing ``map`` as Argdown reads back equal, at the value at fault.

    ``back`` is what the last text that could be read back read as; ``problem``
    why the last text that could not be read back failed.
    """
    fix = "change it, or export the map as YAML, JSON or AIF, which hold it as it is"
    if back is not None:
        path, wanted, got = _first_difference(_format.to_data(map), _format.to_data(back), ())
        where = "/".join(str(p) for p in path) or "the map"
        return Issue(
            "argdown-unwritable",
            f"Argdown cannot hold {where} as it is: {wanted!r} would read back as {got!r}; {fix}",
            path=path,
        )
    if isinstance(problem, MapError) and problem.issues:
        reason = f"{problem.issues[0].code}: {problem.issues[0].message}"
    else:
        reason = str(problem)
    return Issue(
        "argdown-unwritable",
        f"this map cannot be written as Argdown that reads back the same ({reason}); {fix}",
    )


def _first_difference(a: Any, b: Any, path: DocPath) -> tuple[DocPath, Any, Any]:
    """The first path where two plain documents differ, and the two values there."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        for key in a:
            if key not in b:
                return (*path, key), a[key], None
            if a[key] != b[key]:
                return _first_difference(a[key], b[key], (*path, key))
        extra = next((key for key in b if key not in a), None)
        if extra is not None:
            return (*path, extra), None, b[extra]
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, (*path, index))
    return path, a, b
