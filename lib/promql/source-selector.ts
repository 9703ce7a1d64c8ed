// A source's label selector (`cluster: eu-1`), added to every vector selector of a query sent to it:
// one global store (Thanos, Mimir) then answers as if it held that cluster alone. Done on the
// syntax tree of the official PromQL parser, so selectors inside functions, subqueries, binary
// operations and label_replace are all found, and nothing inside a string is touched.
import { parser } from "@prometheus-io/lezer-promql";
import { UpstreamError } from "@/lib/prometheus/errors";
import { escapeLabelValue, labelName } from "./escape";

type SyntaxNode = ReturnType<typeof parser.parse>["topNode"];

export type SourceSelector = Readonly<Record<string, string>>;

/** `a="x",b="y"`: names checked, values escaped. */
function matchersText(selector: SourceSelector): string {
  return Object.entries(selector)
    .map(([name, value]) => `${labelName(name)}="${escapeLabelValue(value)}"`)
    .join(",");
}

/** The selector alone, `{a="x"}`: a `match[]` for the label and series calls. */
export function selectorMatch(selector: SourceSelector): string {
  return `{${matchersText(selector)}}`;
}

/** Where to insert into one VectorSelector, and what. */
function insertion(node: SyntaxNode, matchers: string): { at: number; text: string } {
  const braces = node.getChild("LabelMatchers");
  if (!braces) return { at: node.to, text: `{${matchers}}` };
  // The last matcher, not the closing brace: `{a="b",}` (a trailing comma) is valid PromQL too.
  const last = braces.lastChild;
  return last ? { at: last.to, text: `,${matchers}` } : { at: braces.from + 1, text: matchers };
}

/**
 * `query` with the selector's matchers in every vector selector. A label the query already matches
 * keeps its own matcher beside ours, ANDed: `up{cluster="x"}` sent to `cluster: eu-1` becomes
 * `up{cluster="x",cluster="eu-1"}`, which selects nothing, rather than reading another cluster's data.
 * Throws on a query the parser rejects (a bug, or syntax newer than the parser): an UpstreamError, so
 * that only this source's part of a merged answer fails.
 */
export function withSourceSelector(query: string, selector: SourceSelector | undefined): string {
  if (!selector || Object.keys(selector).length === 0) return query;
  const matchers = matchersText(selector);
  const tree = parser.parse(query);
  const inserts: { at: number; text: string }[] = [];
  let broken: number | null = null;
  tree.iterate({
    enter(n) {
      if (n.type.isError) broken ??= n.from;
      if (n.name !== "VectorSelector") return;
      inserts.push(insertion(n.node, matchers));
      return false;
    },
  });
  if (broken !== null)
    throw new UpstreamError(
      "bad_data",
      `cannot add the source's selector: not a PromQL query (at ${broken}): ${query}`,
    );
  let out = query;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}
