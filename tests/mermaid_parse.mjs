// Reads a JSON list of Mermaid diagrams on standard input and writes, for each,
// what Mermaid's own parser makes of it: the node labels (entities decoded),
// classes, shapes, edges, subgraphs and class styles, or the parse error.
// Usage: node tests/mermaid_parse.mjs NODE_MODULES_FOLDER < diagrams.json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const modules = process.argv[2];
const load = (name, file) => import(pathToFileURL(join(modules, name, file)).href);
const { JSDOM } = await load('jsdom', 'lib/api.js');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await load('mermaid', 'dist/mermaid.core.mjs');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

// Mermaid keeps "#quot;" as a placeholder until it draws; decode it as it does.
const entities = new JSDOM('').window.document.createElement('textarea');
function decode(text) {
  const html = text.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
  entities.innerHTML = html;
  return entities.value;
}

// Mermaid's own pattern for front matter.
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;

const diagrams = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const text of diagrams) {
  try {
    await mermaid.parse(text); // the whole pipeline: front matter, directives, entities
    // The structure, from the flowchart without its front matter (parse keeps none).
    const front = text.match(FRONT_MATTER);
    const body = front ? text.slice(front[0].length) : text;
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(body);
    const db = diagram.db;
    const vertices = {};
    for (const [id, v] of db.getVertices()) {
      vertices[id] = { text: decode(v.text ?? ''), type: v.type ?? null, classes: v.classes };
    }
    const edges = db.getEdges().map((e) => ({
      start: e.start, end: e.end, type: e.type, stroke: e.stroke, style: e.style ?? [],
    }));
    const subgraphs = db.getSubGraphs().map((s) => ({
      id: s.id, title: decode(s.title), nodes: s.nodes,
    }));
    const classes = {};
    for (const [name, c] of db.getClasses()) classes[name] = c.styles;
    results.push({
      ok: true, type: diagram.type, frontMatter: front ? front[2] : null,
      direction: db.getDirection?.() ?? null, vertices, edges, subgraphs, classes,
    });
  } catch (error) {
    results.push({ ok: false, error: String(error.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(results));
