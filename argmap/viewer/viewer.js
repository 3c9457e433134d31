// argmap's interactive viewer: pan and zoom, search, and a panel for the
// statement or argument selected. Plain JavaScript, no dependencies; argmap
// inlines it into every HTML page it renders, beside the map's data.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var canvas = document.getElementById("argmap-canvas");
  var svg = canvas.querySelector("svg");
  var panel = document.getElementById("argmap-panel");
  var panelBody = document.getElementById("argmap-panel-body");
  var search = document.getElementById("argmap-search");
  var searchCount = document.getElementById("argmap-search-count");
  var SVG_NS = "http://www.w3.org/2000/svg";
  var drawnLang = data.lang || null;
  var statements = data.statements || {};
  var args = data.arguments || {};
  var issues = data.issues || {};
  var agents = data.agents || {};
  var sources = data.sources || {};
  var HIGHLIGHTS = ["argmap-selected", "argmap-hl-support", "argmap-hl-attack", "argmap-hl-target"];

  // -- the drawing: nodes and edges by id ---------------------------------------

  var nodes = {}; // element id ("statement-x", "argument-y") -> <g>
  var edges = {}; // "source->target" (element ids) -> [<g>]

  function refOf(elementId) {
    if (elementId.indexOf("statement-") === 0) {
      var sid = elementId.slice("statement-".length);
      return Object.prototype.hasOwnProperty.call(statements, sid) ? { kind: "statement", id: sid } : null;
    }
    if (elementId.indexOf("argument-") === 0) {
      var aid = elementId.slice("argument-".length);
      return Object.prototype.hasOwnProperty.call(args, aid) ? { kind: "argument", id: aid } : null;
    }
    if (elementId.indexOf("issue-") === 0) {
      var iid = elementId.slice("issue-".length);
      return Object.prototype.hasOwnProperty.call(issues, iid) ? { kind: "issue", id: iid } : null;
    }
    return null;
  }

  function elementId(kind, id) {
    return kind + "-" + id;
  }

  function item(ref) {
    if (ref.kind === "issue") {
      return issues[ref.id];
    }
    return ref.kind === "statement" ? statements[ref.id] : args[ref.id];
  }

  Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
    var ref = refOf(g.id);
    if (!ref) {
      return; // folds and the legend are not selectable
    }
    nodes[g.id] = g;
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    g.setAttribute("aria-label", accessibleName(ref));
    g.classList.add("argmap-selectable");
  });
  Array.prototype.forEach.call(svg.querySelectorAll("g.edge"), function (g) {
    var title = g.querySelector("title");
    if (!title) {
      return;
    }
    // Graphviz titles an edge "tail->head"; ids cannot contain ">".
    var key = title.textContent;
    (edges[key] = edges[key] || []).push(g);
  });

  function kindName(ref) {
    if (ref.kind === "issue") {
      return "Issue";
    }
    if (ref.kind === "statement") {
      return item(ref).thesis ? "Main thesis" : "Statement";
    }
    var argument = item(ref);
    if (argument.kind === "attack") {
      return "Attacking argument" + (argument.attack ? " (" + argument.attack + ")" : "");
    }
    return argument.kind === "undercut" ? "Undercutting argument" : "Supporting argument";
  }

  function accessibleName(ref) {
    var entry = item(ref);
    var parts = [kindName(ref)];
    var title = pick(entry.title);
    if (title) {
      parts.push(title.text);
    }
    if (ref.kind !== "argument") {
      parts.push(pick(entry.text).text);
    } else if (!title) {
      parts.push(ref.id);
    }
    return parts.join(": ");
  }

  // -- texts in the language drawn -----------------------------------------------

  // texts: [[lang, text], ...], the map's own language first.
  function pick(texts) {
    if (!texts || !texts.length) {
      return null;
    }
    for (var i = 0; i < texts.length; i++) {
      if (texts[i][0] === drawnLang) {
        return { lang: texts[i][0], text: texts[i][1], fallback: false };
      }
    }
    return { lang: texts[0][0], text: texts[0][1], fallback: drawnLang !== null && texts[0][0] !== drawnLang };
  }

  function others(texts, shown) {
    return (texts || []).filter(function (pair) {
      return !shown || pair[0] !== shown.lang;
    });
  }

  var languageNames = null;
  try {
    languageNames = new Intl.DisplayNames(["en"], { type: "language" });
  } catch (e) {
    languageNames = null;
  }

  function languageName(lang) {
    if (!lang) {
      return "Original";
    }
    try {
      return languageNames ? languageNames.of(lang) : lang;
    } catch (e) {
      return lang;
    }
  }

  function agentName(id) {
    var agent = agents[id];
    var name = agent ? pick(agent.name) : null;
    return name ? name.text : id;
  }

  // -- pan and zoom ----------------------------------------------------------------

  var viewBox = (svg.getAttribute("viewBox") || "0 0 100 100").split(/[\s,]+/).map(Number);
  var contentWidth = viewBox[2] || 100;
  var contentHeight = viewBox[3] || 100;
  var viewport = document.createElementNS(SVG_NS, "g");
  viewport.setAttribute("id", "argmap-viewport");
  // The drawing keeps its own coordinates inside one transformed group.
  var inner = document.createElementNS(SVG_NS, "svg");
  inner.setAttribute("viewBox", viewBox.join(" "));
  inner.setAttribute("width", String(contentWidth));
  inner.setAttribute("height", String(contentHeight));
  inner.setAttribute("overflow", "visible");
  while (svg.firstChild) {
    inner.appendChild(svg.firstChild);
  }
  viewport.appendChild(inner);
  svg.appendChild(viewport);
  svg.removeAttribute("viewBox");
  svg.setAttribute("width", "100%");
  svg.setAttribute("height", "100%");
  svg.classList.add("argmap-svg");

  var view = { k: 1, x: 0, y: 0 };
  var fitted = false; // the view is as fit() left it: refit when the canvas changes size
  var MIN_SCALE = 0.05;
  var MAX_SCALE = 8;

  function applyView() {
    viewport.setAttribute(
      "transform",
      "translate(" + round(view.x) + " " + round(view.y) + ") scale(" + round(view.k, 4) + ")"
    );
  }

  function round(value, digits) {
    var f = Math.pow(10, digits || 2);
    return Math.round(value * f) / f;
  }

  function canvasSize() {
    var rect = canvas.getBoundingClientRect();
    return { width: rect.width || 1, height: rect.height || 1 };
  }

  function fit() {
    var size = canvasSize();
    var k = Math.min(size.width / contentWidth, size.height / contentHeight) * 0.96;
    view.k = Math.max(MIN_SCALE, Math.min(k, 2));
    view.x = (size.width - contentWidth * view.k) / 2;
    view.y = (size.height - contentHeight * view.k) / 2;
    applyView();
    fitted = true;
  }

  function zoomAt(factor, px, py) {
    var k = Math.max(MIN_SCALE, Math.min(MAX_SCALE, view.k * factor));
    view.x = px - (px - view.x) * (k / view.k);
    view.y = py - (py - view.y) * (k / view.k);
    view.k = k;
    applyView();
    fitted = false;
  }

  function zoomCentre(factor) {
    var size = canvasSize();
    zoomAt(factor, size.width / 2, size.height / 2);
  }

  function panBy(dx, dy) {
    view.x += dx;
    view.y += dy;
    applyView();
    fitted = false;
  }

  // The node's box in canvas pixels.
  function boxOf(g) {
    var rect = g.getBoundingClientRect();
    var origin = canvas.getBoundingClientRect();
    return { x: rect.left - origin.left, y: rect.top - origin.top, width: rect.width, height: rect.height };
  }

  function centreOn(g) {
    var box = boxOf(g);
    var size = canvasSize();
    panBy(size.width / 2 - (box.x + box.width / 2), size.height / 2 - (box.y + box.height / 2));
  }

  function showNode(g) {
    var box = boxOf(g);
    var size = canvasSize();
    if (box.x < 0 || box.y < 0 || box.x + box.width > size.width || box.y + box.height > size.height) {
      centreOn(g);
    }
  }

  canvas.addEventListener(
    "wheel",
    function (event) {
      event.preventDefault();
      var delta = event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1);
      var origin = canvas.getBoundingClientRect();
      zoomAt(Math.exp(-delta * 0.0015), event.clientX - origin.left, event.clientY - origin.top);
    },
    { passive: false }
  );

  var drag = null;
  var dragged = false;
  canvas.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) {
      return;
    }
    drag = { x: event.clientX, y: event.clientY, id: event.pointerId, moving: false };
    dragged = false;
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!drag || event.pointerId !== drag.id) {
      return;
    }
    var dx = event.clientX - drag.x;
    var dy = event.clientY - drag.y;
    if (!drag.moving && Math.abs(dx) + Math.abs(dy) < 4) {
      return;
    }
    if (!drag.moving) {
      drag.moving = true;
      canvas.setPointerCapture(event.pointerId);
      canvas.classList.add("argmap-dragging");
    }
    drag.x = event.clientX;
    drag.y = event.clientY;
    panBy(dx, dy);
  });
  function endDrag(event) {
    if (!drag || event.pointerId !== drag.id) {
      return;
    }
    dragged = drag.moving;
    drag = null;
    canvas.classList.remove("argmap-dragging");
  }
  canvas.addEventListener("pointerup", endDrag);
  canvas.addEventListener("pointercancel", endDrag);
  // Focusing a node must not scroll the canvas, which pans by transform only.
  canvas.addEventListener("scroll", function () {
    canvas.scrollTop = 0;
    canvas.scrollLeft = 0;
  });

  document.getElementById("argmap-zoom-in").addEventListener("click", function () {
    zoomCentre(1.25);
  });
  document.getElementById("argmap-zoom-out").addEventListener("click", function () {
    zoomCentre(0.8);
  });
  document.getElementById("argmap-zoom-fit").addEventListener("click", fit);

  // -- selection: the panel and what supports and attacks ---------------------------

  var selected = null; // element id

  function mark(elementIdValue, cls) {
    var g = nodes[elementIdValue];
    if (g) {
      g.classList.add(cls);
    }
  }

  function markEdge(from, to, cls) {
    (edges[from + "->" + to] || []).forEach(function (g) {
      g.classList.add(cls);
    });
  }

  // Whether an argument's target is another argument: an undercut, or a
  // support or attack of that argument as a whole (ids are unique across both).
  function onArgument(argument) {
    return argument.kind === "undercut" || Object.prototype.hasOwnProperty.call(args, argument.target);
  }

  // Where an argument's edges to its target end: the target's node or, when
  // the target is a premise not drawn (--no-premises), each argument using it.
  function targetNodes(aid) {
    var argument = args[aid];
    var target = elementId(onArgument(argument) ? "argument" : "statement", argument.target);
    if (nodes[target] || onArgument(argument)) {
      return [target];
    }
    return using(argument.target)
      .filter(function (user) {
        return user !== aid;
      })
      .map(function (user) {
        return elementId("argument", user);
      });
  }

  // An argument and its premises, with the edges between them, get ``cls``.
  function markArgument(aid, cls) {
    var argument = args[aid];
    var node = elementId("argument", aid);
    mark(node, cls);
    (argument.premises || []).forEach(function (premise) {
      var premiseNode = elementId("statement", premise);
      mark(premiseNode, cls);
      markEdge(premiseNode, node, cls);
    });
    targetNodes(aid).forEach(function (target) {
      markEdge(node, target, cls);
    });
  }

  function targeting(kind, id) {
    return Object.keys(args).filter(function (aid) {
      return args[aid].kind === kind && args[aid].target === id;
    });
  }

  function using(sid) {
    return Object.keys(args).filter(function (aid) {
      return (args[aid].premises || []).indexOf(sid) >= 0;
    });
  }

  // -- issues: a question, its positions, and the node drawn for it ----------------

  // The element id of an issue's node: the statement that asks it, or its own.
  function issueNode(iid) {
    var issue = issues[iid];
    return issue.statement ? elementId("statement", issue.statement) : elementId("issue", iid);
  }

  // The issue the selected node is (an issue, or the statement asking one) has
  // its positions marked; a position has its issue marked.
  function markIssue(ref) {
    var entry = item(ref);
    var iid = ref.kind === "issue" ? ref.id : ref.kind === "statement" ? entry.asks : null;
    if (iid) {
      issues[iid].positions.forEach(function (position) {
        mark(elementId("statement", position), "argmap-hl-target");
        markEdge(elementId("statement", position), issueNode(iid), "argmap-hl-target");
      });
    } else if (ref.kind === "statement" && entry.issue) {
      mark(issueNode(entry.issue), "argmap-hl-target");
      markEdge(elementId("statement", ref.id), issueNode(entry.issue), "argmap-hl-target");
    }
  }

  function clearHighlights() {
    HIGHLIGHTS.forEach(function (cls) {
      Array.prototype.forEach.call(svg.querySelectorAll("." + cls), function (el) {
        el.classList.remove(cls);
      });
    });
    svg.classList.remove("argmap-has-selection");
  }

  function select(id, options) {
    var ref = refOf(id);
    if (!ref) {
      return;
    }
    clearHighlights();
    selected = id;
    svg.classList.add("argmap-has-selection");
    markIssue(ref);
    if (ref.kind === "issue") {
      // markIssue has marked its positions
    } else if (ref.kind === "statement") {
      targeting("support", ref.id).forEach(function (aid) {
        markArgument(aid, "argmap-hl-support");
      });
      targeting("attack", ref.id).forEach(function (aid) {
        markArgument(aid, "argmap-hl-attack");
      });
    } else {
      var argument = args[ref.id];
      (argument.premises || []).forEach(function (premise) {
        var premiseNode = elementId("statement", premise);
        if (nodes[premiseNode]) {
          mark(premiseNode, "argmap-hl-support");
          markEdge(premiseNode, id, "argmap-hl-support");
          return;
        }
        // A premise not drawn: what argues for or against it points at this argument.
        [
          ["support", "argmap-hl-support"],
          ["attack", "argmap-hl-attack"],
        ].forEach(function (pair) {
          targeting(pair[0], premise).forEach(function (aid) {
            mark(elementId("argument", aid), pair[1]);
            markEdge(elementId("argument", aid), id, pair[1]);
          });
        });
      });
      targetNodes(ref.id).forEach(function (target) {
        mark(target, "argmap-hl-target");
        markEdge(id, target, "argmap-hl-target");
      });
      // What backs this argument, and what attacks or undercuts it.
      targeting("support", ref.id).forEach(function (aid) {
        markArgument(aid, "argmap-hl-support");
      });
      ["attack", "undercut"].forEach(function (kind) {
        targeting(kind, ref.id).forEach(function (aid) {
          markArgument(aid, "argmap-hl-attack");
        });
      });
    }
    // The selected node is itself, whatever else it also is.
    ["argmap-hl-support", "argmap-hl-attack", "argmap-hl-target"].forEach(function (cls) {
      if (nodes[id]) {
        nodes[id].classList.remove(cls);
      }
    });
    mark(id, "argmap-selected");
    if (ref.kind === "issue") {
      fillIssuePanel(ref);
    } else {
      fillPanel(ref);
    }
    if (panel.hidden) {
      panel.hidden = false;
      canvasResized();
    }
    if (options && options.reveal && nodes[id]) {
      showNode(nodes[id]);
    }
    markOutline(id);
    showPassages(id, options && options.passage);
  }

  function clearSelection() {
    var previous = selected;
    selected = null;
    clearHighlights();
    markOutline(null);
    showPassages(null);
    if (!panel.hidden) {
      panel.hidden = true;
      canvasResized();
    }
    return previous;
  }

  Object.keys(nodes).forEach(function (id) {
    var g = nodes[id];
    g.addEventListener("click", function (event) {
      event.stopPropagation();
      if (dragged) {
        dragged = false;
        return;
      }
      select(id);
    });
    g.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        select(id);
      }
    });
    g.addEventListener("focus", function () {
      showNode(g);
    });
  });

  canvas.addEventListener("click", function () {
    if (dragged) {
      dragged = false;
      return;
    }
    if (selected) {
      clearSelection();
    }
  });

  document.getElementById("argmap-panel-close").addEventListener("click", function () {
    var previous = clearSelection();
    if (previous && nodes[previous]) {
      nodes[previous].focus({ preventScroll: true });
    }
  });

  // -- the panel ----------------------------------------------------------------------

  function el(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] !== null && attributes[name] !== undefined) {
        element.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) {
        return;
      }
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return element;
  }

  function section(heading, className, children) {
    return el("section", { class: "argmap-section " + className }, [el("h3", {}, [heading])].concat(children));
  }

  function refButton(kind, id) {
    var ref = { kind: kind, id: id };
    var entry = item(ref);
    var label = id;
    if (entry) {
      var title = pick(entry.title);
      var text = kind !== "argument" ? pick(entry.text) : null;
      label = title ? title.text : text ? text.text : id;
    }
    var button = el("button", { type: "button", class: "argmap-ref argmap-ref-" + kind, "data-ref": elementId(kind, id) }, [label]);
    if (!entry || !nodes[elementId(kind, id)]) {
      button.disabled = true;
      button.title = "not drawn in this diagram";
    } else {
      button.addEventListener("click", function () {
        select(elementId(kind, id), { reveal: true });
        nodes[elementId(kind, id)].focus({ preventScroll: true });
      });
    }
    return el("li", {}, [button]);
  }

  function refList(heading, className, kind, ids) {
    if (!ids.length) {
      return null;
    }
    return section(heading, className, [
      el(
        "ul",
        { class: "argmap-refs" },
        ids.map(function (id) {
          return refButton(kind, id);
        })
      ),
    ]);
  }

  function quoteBlock(quote) {
    var source = sources[quote.source] || { title: quote.source };
    var cite = source.url
      ? el("a", { href: source.url, target: "_blank", rel: "noopener noreferrer", class: "argmap-source" }, [source.title])
      : el("span", { class: "argmap-source" }, [source.title]);
    var details = [source.author, source.publisher, source.date].filter(Boolean);
    return el("figure", { class: "argmap-quote" }, [
      el("blockquote", { lang: source.lang || null }, ["\u201e" + quote.text.replace(/\s+/g, " ").trim() + "\u201c"]),
      el("figcaption", {}, ["\u2014 ", cite, details.length ? ", " + details.join(", ") : null]),
    ]);
  }

  var LABELS = { in: "in: accepted", out: "out: rejected, or not established", undecided: "undecided: the map leaves it open" };
  // Whether the text says it, or the map's author added it; how the text puts it.
  var GROUNDS = {
    stated: ["Stated", "The text says this."],
    implicit: ["Implicit", "The text does not say this; the map adds it."],
  };
  var MODES = {
    question: ["Question", "The text asks this and leaves it open; it does not claim it."],
    hypothetical: ["Hypothetical", "The text supposes this under a condition; it does not claim it."],
  };

  function badge(cls, pair) {
    return el("span", { class: "argmap-badge " + cls, title: pair[1] }, [pair[0]]);
  }
  var STATUSES = {
    assumed: "assumed: accepted unless attacked",
    questioned: "questioned: accepted only when supported",
  };

  // Why the entry has its label (argmap.explain, one level deep): what it rests on,
  // the arguments that decide it, each a button to its own reasons, and the
  // smallest sets of premises whose rejection or acceptance would change it.
  var ROLES = {
    support: "for it",
    attack: "against it",
    rival: "for a rival position",
    premise: "premise",
    undercut: "undercuts it",
    backing: "backs it",
    rebuttal: "on the other side",
  };
  var BASES = {
    given: "Given: no argument supports it.",
    assumed: "Assumed.",
    questioned: "Questioned: it needs an argument for it.",
    question: "A question: it needs an argument for it.",
    hypothetical: "Hypothetical: it needs an argument for it.",
    accepted: "Accepted (what if).",
    rejected: "Rejected (what if).",
  };

  function whyBlock(why) {
    var parts = [];
    var notes = [];
    if (why.basis && BASES[why.basis]) {
      notes.push(BASES[why.basis]);
    }
    if (why.issue) {
      notes.push("Issue " + why.issue + ", proof standard " + why.standard + ".");
    } else if (why.standard) {
      notes.push("Proof standard " + why.standard + ".");
    }
    if (why.weight !== undefined) {
      notes.push("Weight " + why.weight + ".");
    }
    if (notes.length) {
      parts.push(el("p", { class: "argmap-why-basis" }, [notes.join(" ")]));
    }
    if (why.reasons.length) {
      parts.push(el("h4", {}, ["Why"]));
      parts.push(
        el(
          "ul",
          { class: "argmap-refs argmap-why" },
          why.reasons.map(function (reason) {
            var line = refButton(reason.kind, reason.id);
            var head = [
              el("span", { class: "argmap-badge argmap-badge-" + reason.label }, [reason.label]),
              " " + (ROLES[reason.role] || reason.role) + ": ",
            ];
            head.reverse().forEach(function (part) {
              line.insertBefore(typeof part === "string" ? document.createTextNode(part) : part, line.firstChild);
            });
            return line;
          })
        )
      );
    }
    var change = why.change;
    var verb = change.by === "reject" ? "rejecting" : "accepting";
    var partial = change.exhaustive ? "" : " (the search stopped early: not exhaustive)";
    parts.push(el("h4", {}, ["What would change it"]));
    if (change.sets.length) {
      parts.push(el("p", {}, ["Its label changes on " + verb + " any one of these sets of premises" + partial + ":"]));
      parts.push(
        el(
          "ul",
          { class: "argmap-why-sets" },
          change.sets.map(function (set) {
            return el("li", {}, [set.join(", ")]);
          })
        )
      );
    } else {
      parts.push(el("p", {}, [(change.exhaustive ? "No set of premises changes its label on " : "None found changing its label on ") + verb + " them" + partial + "."]));
    }
    return parts;
  }

  function fillPanel(ref) {
    var entry = item(ref);
    var title = pick(entry.title);
    var text = ref.kind === "statement" ? pick(entry.text) : null;
    var children = [];
    var badges = [el("span", { class: "argmap-badge argmap-badge-" + (ref.kind === "statement" ? "statement" : entry.kind) }, [kindName(ref)])];
    var ground = entry.implicit ? "implicit" : "stated";
    badges.push(badge("argmap-badge-" + ground, GROUNDS[ground]));
    if (entry.mode && MODES[entry.mode]) {
      badges.push(badge("argmap-badge-" + entry.mode, MODES[entry.mode]));
    }
    if (entry.label) {
      badges.push(el("span", { class: "argmap-badge argmap-badge-" + entry.label }, [LABELS[entry.label] || entry.label]));
    }
    children.push(el("p", { class: "argmap-badges" }, badges));
    var heading = title || text || { text: ref.id, lang: null };
    children.push(el("h2", { id: "argmap-panel-title", lang: heading.lang }, [heading.text]));
    if (text && title) {
      children.push(el("p", { class: "argmap-text", lang: text.lang }, [text.text]));
    }
    var hedge = pick(entry.hedge);
    if (hedge) {
      children.push(el("p", { class: "argmap-hedge", lang: hedge.lang }, ["(" + hedge.text + ")"]));
    }
    var fallback = (title && title.fallback) || (text && text.fallback);
    if (fallback) {
      children.push(el("p", { class: "argmap-untranslated" }, ["Not translated into " + languageName(drawnLang) + "."]));
    }
    var otherTexts = others(ref.kind === "statement" ? entry.text : null, text);
    var otherTitles = others(entry.title, title);
    var langs = [];
    otherTitles.concat(otherTexts).forEach(function (pair) {
      if (langs.indexOf(pair[0]) < 0) {
        langs.push(pair[0]);
      }
    });
    langs.forEach(function (lang) {
      var t = otherTitles.filter(function (p) { return p[0] === lang; })[0];
      var x = otherTexts.filter(function (p) { return p[0] === lang; })[0];
      children.push(
        section(languageName(lang), "argmap-translation", [
          el("div", { lang: lang }, [
            t ? el("p", { class: "argmap-translated-title" }, [t[1]]) : null,
            x ? el("p", {}, [x[1]]) : null,
          ]),
        ])
      );
    });
    if ((entry.by && entry.by.length) || entry.via) {
      var held = (entry.by || []).map(agentName).join("; ");
      if (entry.via) {
        held += (held ? ", via " : "via ") + agentName(entry.via);
      }
      children.push(
        section(ref.kind === "statement" ? "Held by" : "Argued by", "argmap-speakers", [el("p", {}, [held])])
      );
    }
    if (ref.kind === "statement") {
      children.push(refList("Supported by", "argmap-supporters", "argument", targeting("support", ref.id)));
      children.push(refList("Attacked by", "argmap-attackers", "argument", targeting("attack", ref.id)));
      children.push(refList("Premise of", "argmap-uses", "argument", using(ref.id)));
      issueSections(entry).forEach(function (child) {
        children.push(child);
      });
    } else {
      children.push(refList("Premises", "argmap-premises", "statement", entry.premises || []));
      var verb = entry.kind === "support" ? "Supports" : entry.kind === "attack" ? "Attacks" : "Undercuts";
      children.push(refList(verb, "argmap-target", onArgument(entry) ? "argument" : "statement", [entry.target]));
      children.push(refList("Supported by", "argmap-supporters", "argument", targeting("support", ref.id)));
      children.push(refList("Attacked by", "argmap-argument-attackers", "argument", targeting("attack", ref.id)));
      children.push(refList("Undercut by", "argmap-attackers", "argument", targeting("undercut", ref.id)));
    }
    if (entry.quotes && entry.quotes.length) {
      children.push(section(entry.quotes.length > 1 ? "Quotes" : "Quote", "argmap-quotes", entry.quotes.map(quoteBlock)));
    }
    if (entry.tags && entry.tags.length) {
      children.push(
        section("Tags", "argmap-tags", [
          el(
            "ul",
            { class: "argmap-chips" },
            entry.tags.map(function (tag) {
              return el("li", {}, [tag]);
            })
          ),
        ])
      );
    }
    if (entry.status) {
      children.push(section("Status", "argmap-status", [el("p", {}, [STATUSES[entry.status] || entry.status])]));
    }
    if (entry.label) {
      var label = [LABELS[entry.label] || entry.label];
      if (data.evaluated) {
        label.push(" (" + data.evaluated + ")");
      }
      var evaluation = [el("p", {}, label)];
      if (entry.why) {
        evaluation = evaluation.concat(whyBlock(entry.why));
      }
      children.push(section("Evaluation", "argmap-evaluation", evaluation));
    }
    if (entry.scheme) {
      children.push(section("Scheme", "argmap-scheme", [el("p", {}, [entry.scheme])]));
    }
    if (entry.note) {
      children.push(section("Note", "argmap-note", [el("p", {}, [entry.note.replace(/\s+/g, " ").trim()])]));
    }
    children.push(el("p", { class: "argmap-id" }, ["id: ", el("code", {}, [ref.id])]));
    panelBody.textContent = "";
    children.forEach(function (child) {
      if (child) {
        panelBody.appendChild(child);
      }
    });
    panel.scrollTop = 0;
  }

  // -- the panel of an issue, and what a statement's panel says of issues -------------

  var STANDARDS = {
    pe: "preponderance of the evidence (pe, the default)",
    cce: "clear and convincing evidence (cce)",
    brd: "beyond reasonable doubt (brd)",
  };

  // The positions of an issue, each with its label when the diagram shows labels.
  function positionList(iid) {
    var ids = issues[iid].positions;
    return section("Positions", "argmap-positions", [
      el(
        "ul",
        { class: "argmap-refs" },
        ids.map(function (id) {
          var li = refButton("statement", id);
          var entry = statements[id];
          if (entry && entry.label) {
            li.appendChild(el("span", { class: "argmap-badge argmap-badge-" + entry.label }, [LABELS[entry.label] || entry.label]));
          }
          return li;
        })
      ),
    ]);
  }

  function issueDetails(iid) {
    return [
      section("Proof standard", "argmap-standard", [el("p", {}, [STANDARDS[issues[iid].standard] || issues[iid].standard])]),
      positionList(iid),
    ];
  }

  // A statement drawn as an issue's question shows the issue; a position, the issue it answers.
  function issueSections(entry) {
    if (entry.asks && issues[entry.asks]) {
      return [el("p", { class: "argmap-issue-note" }, ["The question of an issue: at most one of its positions holds."])].concat(
        issueDetails(entry.asks)
      );
    }
    if (entry.issue && issues[entry.issue]) {
      var issue = issues[entry.issue];
      var button = issue.statement ? refButton("statement", issue.statement) : refButton("issue", entry.issue);
      return [section("Answers the issue", "argmap-answers", [el("ul", { class: "argmap-refs" }, [button])])];
    }
    return [];
  }

  function fillIssuePanel(ref) {
    var entry = issues[ref.id];
    var text = pick(entry.text);
    var children = [el("p", { class: "argmap-badges" }, [el("span", { class: "argmap-badge argmap-badge-issue" }, [kindName(ref)])])];
    children.push(el("h2", { id: "argmap-panel-title", lang: text.lang }, [text.text]));
    if (text.fallback) {
      children.push(el("p", { class: "argmap-untranslated" }, ["Not translated into " + languageName(drawnLang) + "."]));
    }
    children.push(el("p", { class: "argmap-issue-note" }, ["At most one of its positions holds."]));
    others(entry.text, text).forEach(function (pair) {
      children.push(section(languageName(pair[0]), "argmap-translation", [el("p", { lang: pair[0] }, [pair[1]])]));
    });
    issueDetails(ref.id).forEach(function (child) {
      children.push(child);
    });
    children.push(el("p", { class: "argmap-id" }, ["id: ", el("code", {}, [ref.id])]));
    panelBody.textContent = "";
    children.forEach(function (child) {
      panelBody.appendChild(child);
    });
    panel.scrollTop = 0;
  }

  // -- search --------------------------------------------------------------------------

  var matches = [];
  var current = -1;

  function fold(value) {
    return String(value)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  }

  function haystack(ref) {
    var entry = item(ref);
    var parts = [ref.id];
    var texts = function (e) {
      (e.title || []).concat(e.text || []).forEach(function (pair) {
        parts.push(pair[1]);
      });
    };
    texts(entry);
    if (ref.kind === "argument") {
      // Premises not drawn (--no-premises) are found through their argument.
      (entry.premises || []).forEach(function (premise) {
        if (!nodes[elementId("statement", premise)] && statements[premise]) {
          texts(statements[premise]);
        }
      });
    }
    return fold(parts.join("\n").replace(/\s+/g, " "));
  }

  // Matches come in the map's order: statements, then arguments, as authored.
  var index = Object.keys(statements)
    .map(function (sid) {
      return elementId("statement", sid);
    })
    .concat(
      Object.keys(args).map(function (aid) {
        return elementId("argument", aid);
      })
    )
    .concat(
      Object.keys(issues).map(function (iid) {
        return elementId("issue", iid);
      })
    )
    .filter(function (id) {
      return nodes[id];
    })
    .map(function (id) {
      return { id: id, text: haystack(refOf(id)) };
    });

  function runSearch() {
    var query = fold(search.value.replace(/\s+/g, " ").trim());
    Array.prototype.forEach.call(svg.querySelectorAll(".argmap-match, .argmap-match-current"), function (g) {
      g.classList.remove("argmap-match", "argmap-match-current");
    });
    current = -1;
    matches = query
      ? index
          .filter(function (entry) {
            return entry.text.indexOf(query) >= 0;
          })
          .map(function (entry) {
            return entry.id;
          })
      : [];
    matches.forEach(function (id) {
      nodes[id].classList.add("argmap-match");
    });
    svg.classList.toggle("argmap-searching", matches.length > 0);
    showCount();
  }

  function showCount() {
    if (!search.value.trim()) {
      searchCount.textContent = "";
    } else if (!matches.length) {
      searchCount.textContent = "no match";
    } else if (current < 0) {
      searchCount.textContent = matches.length + (matches.length === 1 ? " match" : " matches");
    } else {
      searchCount.textContent = current + 1 + " of " + matches.length;
    }
  }

  function jump(step) {
    if (!matches.length) {
      return;
    }
    if (current >= 0) {
      nodes[matches[current]].classList.remove("argmap-match-current");
    }
    current = current < 0 ? (step > 0 ? 0 : matches.length - 1) : (current + step + matches.length) % matches.length;
    var id = matches[current];
    nodes[id].classList.add("argmap-match-current");
    select(id);
    centreOn(nodes[id]);
    showCount();
  }

  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      jump(event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      search.value = "";
      runSearch();
    }
  });
  document.getElementById("argmap-search-next").addEventListener("click", function () {
    jump(1);
  });
  document.getElementById("argmap-search-prev").addEventListener("click", function () {
    jump(-1);
  });

  // -- the outline: the map as nested lists of buttons ----------------------------------

  var outline = document.getElementById("argmap-outline");
  var outlineToggle = document.getElementById("argmap-outline-toggle");
  var outlineItems = outline ? outline.querySelectorAll(".argmap-outline-item") : [];

  function toggleOutline(show) {
    if (!outline) {
      return;
    }
    outline.hidden = !show;
    outlineToggle.setAttribute("aria-expanded", show ? "true" : "false");
    canvasResized();
    if (show) {
      var current = outline.querySelector('[aria-current="true"]') || outlineItems[0];
      if (current) {
        current.focus();
      }
    }
  }

  function markOutline(id) {
    Array.prototype.forEach.call(outlineItems, function (button) {
      if (id && button.getAttribute("data-node") === id) {
        button.setAttribute("aria-current", "true");
      } else {
        button.removeAttribute("aria-current");
      }
    });
  }

  if (outlineToggle) {
    outlineToggle.addEventListener("click", function () {
      toggleOutline(outline.hidden);
    });
  }
  Array.prototype.forEach.call(outlineItems, function (button) {
    button.addEventListener("click", function () {
      select(button.getAttribute("data-node"), { reveal: true });
    });
  });

  // -- the source text beside the map: its tabs and passages ----------------------------

  var passages = document.querySelectorAll(".argmap-passage");
  var tabs = document.querySelectorAll('.argmap-tabs [role="tab"]');

  function showTab(tab) {
    Array.prototype.forEach.call(tabs, function (other) {
      var on = other === tab;
      other.setAttribute("aria-selected", on ? "true" : "false");
      other.setAttribute("tabindex", on ? "0" : "-1");
      document.getElementById(other.getAttribute("aria-controls")).hidden = !on;
    });
  }

  function refsOf(passage) {
    return (passage.getAttribute("data-refs") || "").split(" ").filter(Boolean);
  }

  function showPassages(id, keep) {
    var first = null;
    Array.prototype.forEach.call(passages, function (passage) {
      var on = Boolean(id) && refsOf(passage).indexOf(id) >= 0;
      passage.classList.toggle("argmap-passage-current", on);
      if (on && !first) {
        first = passage;
      }
    });
    if (first && !keep) {
      var panelId = first.closest('[role="tabpanel"]').id;
      Array.prototype.forEach.call(tabs, function (tab) {
        if (tab.getAttribute("aria-controls") === panelId) {
          showTab(tab);
        }
      });
      first.scrollIntoView({ block: "center" });
    }
  }

  function choosePassage(passage) {
    var refs = refsOf(passage);
    if (!refs.length) {
      return;
    }
    select(refs[0], { reveal: true, passage: true });
    // Everyone quoting the passage is selected with the first.
    refs.slice(1).forEach(function (ref) {
      mark(ref, "argmap-selected");
    });
  }

  Array.prototype.forEach.call(passages, function (passage) {
    passage.addEventListener("click", function () {
      choosePassage(passage);
    });
    passage.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        choosePassage(passage);
      }
    });
  });
  Array.prototype.forEach.call(tabs, function (tab, index) {
    tab.addEventListener("click", function () {
      showTab(tab);
    });
    tab.addEventListener("keydown", function (event) {
      var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (step) {
        event.preventDefault();
        event.stopPropagation(); // the arrows move between tabs here, not the diagram
        var next = tabs[(index + step + tabs.length) % tabs.length];
        showTab(next);
        next.focus();
      }
    });
  });

  // -- keys ----------------------------------------------------------------------------

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) {
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    switch (event.key) {
      case "+":
      case "=":
        zoomCentre(1.25);
        break;
      case "-":
      case "_":
        zoomCentre(0.8);
        break;
      case "0":
        fit();
        break;
      case "ArrowLeft":
        panBy(60, 0);
        break;
      case "ArrowRight":
        panBy(-60, 0);
        break;
      case "ArrowUp":
        panBy(0, 60);
        break;
      case "ArrowDown":
        panBy(0, -60);
        break;
      case "/":
        search.focus();
        break;
      case "o":
        toggleOutline(outline ? outline.hidden : false);
        break;
      case "Escape": {
        var previous = clearSelection();
        if (previous && nodes[previous] && (panel.contains(target) || target === nodes[previous] || target === document.body)) {
          nodes[previous].focus({ preventScroll: true });
        }
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  });

  function canvasResized() {
    if (fitted) {
      fit();
    }
  }

  window.addEventListener("resize", canvasResized);

  fit();
  document.documentElement.classList.add("argmap-ready");
})();
