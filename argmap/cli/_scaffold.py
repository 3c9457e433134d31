"""A new map to start from, with every key explained: what ``argmap new`` writes."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ..model import LANG_PATTERN

#: The JSON Schema of format version 1, inside the installed package.
SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "argmap-1.schema.json"

#: Words YAML 1.1 reads as something other than text when written plainly (any case).
_YAML_WORDS = frozenset(("y", "n", "yes", "no", "true", "false", "on", "off", "null"))
#: A title that may stand without quotes: words, spaces and light punctuation.
_PLAIN = re.compile(r"[^\W\d_][\w ,.'()?!-]*[\w.)?!]\Z|[^\W\d_]\Z")


def title_from_name(path: str | os.PathLike[str]) -> str:
    """A title made from a file name: ``tram-debate.yaml`` gives ``Tram debate``."""
    words = re.sub(r"[-_.\s]+", " ", Path(path).stem).strip()
    return (words[:1].upper() + words[1:]) if words else "A new argument map"


def schema_reference(path: str | os.PathLike[str], schema: Path = SCHEMA) -> str:
    """Where the modeline of a new map at ``path`` points to find ``schema``.

    A path relative to the map when the schema lies inside the map's project
    (the nearest folder above the map holding ``.git``; without one, the
    map's own folder): it keeps working when the project moves or is cloned
    with the same layout. Otherwise a ``file:`` URI of the schema, which
    works on this machine only.
    """
    folder = Path(path).resolve().parent
    root = next((p for p in (folder, *folder.parents) if (p / ".git").exists()), folder)
    target = schema.resolve()
    if target.is_relative_to(root):
        return Path(os.path.relpath(target, folder)).as_posix()
    return target.as_uri()


def yaml_text(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back as the same text, else quoted."""
    if _PLAIN.match(text) and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def scaffold(title: str, *, lang: str = "en", schema: str) -> str:
    """The text of a new map: a small valid example whose comments explain each key.

    Args:
        title: The map's title.
        lang: The language of the map's text, a BCP 47 tag.
        schema: Where the ``yaml-language-server`` modeline points (a path
            relative to the map, or a URL).

    Raises:
        ValueError: If ``title`` is empty, ``lang`` is no language tag, or
            ``schema`` contains whitespace.
    """
    if not title.strip():
        raise ValueError("the title must not be empty")
    if not LANG_PATTERN.match(lang):
        raise ValueError(f"{lang!r} is no language tag; give one such as 'en' or 'de-CH'")
    if not schema or any(c.isspace() for c in schema):
        raise ValueError(
            f"the schema location {schema!r} must be one word without spaces: "
            "a path relative to the map, or a URL (spaces as %20)"
        )
    return _TEMPLATE.format(schema=schema, title=yaml_text(title.strip()), lang=lang)


_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# An argument map: statements, and the arguments that join them. Replace the
# examples below with your own; `argmap check` finds mistakes, `argmap render`
# draws the map, and `argmap watch` redraws it on every save. The format:
# docs/format.md. The line above lets editors complete and check the keys.

argmap: 1                                  # the format version; keep it first
# The title (required) is drawn above the diagram; the language of the map's
# text is a tag such as en, de or pt-BR.
title: {title}
lang: {lang}
# description: What the map covers, in a sentence or two.
# theses: [claim]     # the main theses, drawn emphasised; derived when left out

# The documents the map quotes, each under an id of your choosing ('article'
# here; a quote's 'source' names it). The title is required.
sources:
  article:
    title: Title of the document
    # author: Who wrote it
    # date: 2024-06-19                     # as written; ISO 8601 recommended
    # url: https://example.org/the-document
    # file: sources/the-document.txt
    #   A plain-text (UTF-8) copy, relative to this file. With it, `argmap
    #   check` verifies that every quote below occurs in the document; until
    #   then it warns that the quotes are unverified.

# Who holds the statements and makes the arguments: people, groups, outlets.
# (The shorthand for {{name: The author of the document}}.)
agents:
  author: The author of the document

# The propositions, one sentence each. Ids are short and human: letters,
# digits, '-', '_' and '.'. A comment ends a text that is not in quotes, so
# comments stand on lines of their own here; quote a text holding " #".
statements:
  claim:
    # The title is optional, drawn in bold above the text; the text is required.
    title: The claim
    text: The claim the map is about.
    by: author                             # the agent(s) holding it (optional)
  reason:
    text: A reason that speaks for the claim.
    by: author
    # The passage of the source this rests on, exactly as it stands there:
    quote: {{source: article, text: "The words of the document, copied verbatim."}}
  # The shorthand for a statement that is just a text:
  bridge: If the reason holds, so does the claim.

# The inferences: premises that are jointly needed, and exactly one target,
# which the argument supports, attacks (a statement) or undercuts (an argument).
arguments:
  why:
    # The title is optional, drawn on the argument's node.
    title: Why the claim holds
    premises: [reason, bridge]             # linked: both needed together
    supports: claim
  # A second, separate reason is an argument of its own; an objection too:
  # objection:
  #   premises: [counter]                  # add a statement 'counter' first
  #   attacks: claim                       # or  undercuts: why
"""
