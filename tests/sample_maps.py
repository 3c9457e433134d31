"""Small maps built in Python, shared by the view, render, select and CLI tests."""

from __future__ import annotations

from argmap import Agent, Argument, ArgumentMap, Citation, Group, Source, Statement, Translation

#: Text that is DOT, HTML and escString syntax all at once; it must come out as text.
NASTY = "He said \"]; x -> y [label=<b>bold</b>]; & C:\\path\\n \\N \\G &amp; 'q' end\\"


def lifeline_map() -> ArgumentMap:
    """Seven statements, four arguments: linked premises, attacks, an undercut, speakers."""
    return ArgumentMap(
        title="A Russian lifeline for Pyongyang",
        sources=[Source("article", "Putin in Nordkorea", lang="de")],
        agents=[Agent("analysts", "Analysts cited in the article")],
        statements=[
            Statement(
                "sanctions-motive",
                "Historically, a main reason North Korea sought better relations "
                "with the US was to negotiate sanctions relief.",
                quotes=[Citation("article", "Historisch gesehen war einer der Hauptgründe")],
            ),
            Statement(
                "lifeline",
                "Russia offers a viable long-term way to improve North Korea's economy.",
            ),
            Statement(
                "less-incentive",
                "Kim has less incentive to improve relations with Washington.",
                title="Less incentive",
                by="analysts",
            ),
            Statement(
                "unreliable",
                "Dictators can break their commitments at any time, "
                "so they are not reliable partners.",
            ),
            Statement("arms-deal", "Russia and North Korea trade arms for economic help."),
            Statement("debris", "North Korean missile debris was found in Ukraine."),
            Statement("denial", "Both governments deny an arms deal.", by=["analysts", "kremlin"]),
        ],
        arguments=[
            Argument(
                "russian-lifeline",
                ["sanctions-motive", "lifeline"],
                "support",
                "less-incentive",
                title="A Russian lifeline lowers Kim's incentive",
            ),
            Argument(
                "no-lifeline",
                ["unreliable"],
                "attack",
                "lifeline",
                title="Dictators are unreliable",
            ),
            Argument("debris-evidence", ["debris"], "attack", "denial"),
            Argument(
                "deal-undercut",
                ["arms-deal"],
                "undercut",
                "russian-lifeline",
                title="Aid may be short-lived",
            ),
        ],
        theses=["less-incentive"],
    )


def nasty_map() -> ArgumentMap:
    """Every user-written string holds :data:`NASTY`."""
    return ArgumentMap(
        title=f"Title {NASTY}",
        sources=[Source("src", f"Source {NASTY}")],
        agents=[Agent("who", f"Agent {NASTY}")],
        statements=[
            Statement(
                "s1",
                NASTY,
                title=f"<i>{NASTY}</i>",
                by="who",
                quotes=[Citation("src", f"Quote {NASTY}")],
            ),
            Statement("s2", "A plain premise."),
        ],
        arguments=[Argument("a1", ["s2"], "support", "s1", title=f"Arg {NASTY}")],
    )


#: Element ids of the nodes of :func:`lifeline_map`, in drawing order.
LIFELINE_NODE_IDS = [
    "statement-sanctions-motive",
    "statement-lifeline",
    "statement-less-incentive",
    "statement-unreliable",
    "statement-arms-deal",
    "statement-debris",
    "statement-denial",
    "argument-russian-lifeline",
    "argument-no-lifeline",
    "argument-debris-evidence",
    "argument-deal-undercut",
]


def bilingual_map() -> ArgumentMap:
    return ArgumentMap(
        "Partners",
        [
            Statement(
                "a",
                "Dictators break promises.",
                title="Promises",
                translations=[Translation("de", "Diktatoren brechen Versprechen.", "Versprechen")],
            ),
            Statement("b", "They are unreliable."),
        ],
        [
            Argument(
                "x",
                ["a"],
                "support",
                "b",
                title="Broken word",
                translations=[Translation("de", title="Gebrochenes Wort")],
            )
        ],
        lang="en",
        other_langs=["de"],
        translations=[Translation("de", title="Partner")],
        groups=[Group("g", "Line", ["a", "x"], translations=[Translation("de", title="Linie")])],
    )


def tree_map(levels: int = 6) -> ArgumentMap:
    """A thesis ``s0`` with three arguments below each statement, ``levels`` deep.

    Statement ``sN`` (N >= 1) is the premise of argument ``aN``, which supports
    its parent ``s((N-1)//3)``, or attacks it when N is a multiple of 4. Six
    levels give 364 statements and 363 arguments. ``shared`` is a premise of
    ``x1`` (below ``s1``) and ``x2`` (below ``s2``).
    """
    count = sum(3**level for level in range(levels))
    statements = [Statement(f"s{n}", f"Statement number {n}.") for n in range(count)]
    statements.append(Statement("shared", "A premise of two branches."))
    arguments = [
        Argument(f"a{n}", f"s{n}", "attack" if n % 4 == 0 else "support", f"s{(n - 1) // 3}")
        for n in range(1, count)
    ]
    arguments += [
        Argument("x1", ["s40", "shared"], "support", "s4"),
        Argument("x2", "shared", "support", "s7"),
    ]
    return ArgumentMap("A large synthetic map", statements, arguments, theses="s0")


#: A bilingual map of stated and implicit parts: a thesis with hedge, relay and quote,
#: an implicit premise, a question, a hypothesis and an implicit attack.
GROUNDED = """\
argmap: 1
title: {en: Stated and implicit, de: Gesagt und ergänzt}
lang: [en, de]
theses: [deal]
sources:
  article: {title: The article, lang: de}
agents:
  publication: {name: {en: The publication, de: Die Veröffentlichung}}
  capitals: {name: {en: Washington and Seoul, de: Washington und Seoul}}
statements:
  deal:
    text: {en: North Korea supplies Russia with weapons., de: Nordkorea liefert Russland Waffen.}
    by: capitals
    via: publication
    hedge: {en: presumably, de: vermutlich}
    quote: {source: article, text: "Washington und Seoul werfen vor"}
  debris:
    text: {en: Debris is found in Ukraine., de: In der Ukraine werden Trümmer gefunden.}
    by: publication
    quote: {source: article, text: "Raketentrümmer"}
  link:
    implicit: true
    text: {en: Debris means supply., de: Trümmer heißen Lieferung.}
  lasting:
    mode: question
    text: {en: Will the partnership last?, de: Wird die Partnerschaft halten?}
    by: publication
    quote: {source: article, text: "ob die Partnerschaft hält"}
  ceasefire:
    mode: hypothetical
    text: {en: A ceasefire ends the need., de: Ein Waffenstillstand beendet den Bedarf.}
    by: publication
    quote: {source: article, text: "Waffenstillstand"}
arguments:
  from-debris:
    title: {en: The debris shows supply, de: Die Trümmer zeigen Lieferung}
    premises: [debris, link]
    supports: deal
    by: capitals
    via: publication
    quote: {source: article, text: "werden in der Ukraine Raketentrümmer gefunden"}
  ends:
    implicit: true
    premises: [ceasefire]
    attacks: lasting
"""
