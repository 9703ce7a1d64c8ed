import { describe, expect, it } from "vitest";
import {
  byLabels,
  equalityMatchers,
  escapeLabelValue,
  labelName,
  metricName,
  PromQLNameError,
  selector,
} from "./escape";

/**
 * Reads one double-quoted PromQL string literal starting at `text[start]` (the opening quote), the
 * way the PromQL lexer does, and returns its value and the index just past the closing quote.
 */
function readStringLiteral(text: string, start: number): { value: string; end: number } {
  if (text[start] !== '"') throw new Error(`no string at ${start}`);
  const unescape: Record<string, string> = { "\\": "\\", '"': '"', n: "\n", r: "\r", t: "\t" };
  let value = "";
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') return { value, end: i + 1 };
    if (ch === "\n") throw new Error("newline inside a string literal");
    if (ch === "\\") {
      const next = text[++i] ?? "";
      if (!(next in unescape)) throw new Error(`unknown escape \\${next}`);
      value += unescape[next];
    } else {
      value += ch;
    }
  }
  throw new Error("unterminated string");
}

const HOSTILE = [
  'a"b',
  "a\\b",
  "a\nb",
  "a\r\nb",
  '"} or vector(1) #',
  '\\"} or up{a="',
  "\\",
  '\\\\"',
  "trailing\\",
  "ünïcødé ✓",
  "",
];

describe("escapeLabelValue", () => {
  it.each([
    ['a"b', 'a\\"b'],
    ["a\\b", "a\\\\b"],
    ["a\nb", "a\\nb"],
    ["a\rb", "a\\rb"],
    ['"} or vector(1) #', '\\"} or vector(1) #'],
    ['\\"} or up{a="', '\\\\\\"} or up{a=\\"'],
    ["checkout", "checkout"],
  ])("escapes %j as %j", (input, expected) => {
    expect(escapeLabelValue(input)).toBe(expected);
  });

  it.each(HOSTILE)("keeps %j inside its string: the matcher reads back to the original", (value) => {
    const text = `{a="${escapeLabelValue(value)}"}`;
    const literal = readStringLiteral(text, 3);
    expect(literal.value).toBe(value);
    expect(text.slice(literal.end)).toBe("}");
  });
});

describe("metricName", () => {
  it.each([["http_requests_total"], ["a:b"], [":recording:rule"], ["_x"], ["A9"]])("accepts %j", (name) => {
    expect(metricName(name)).toBe(name);
  });

  it.each([["1abc"], ["a-b"], ["a b"], [""], ['up{a="b"}'], ["up or vector(1)"], ["é"]])("rejects %j", (name) => {
    expect(() => metricName(name)).toThrow(PromQLNameError);
  });
});

describe("labelName", () => {
  it.each([["job"], ["__name__"], ["_x9"], ["status_code"]])("accepts %j", (name) => {
    expect(labelName(name)).toBe(name);
  });

  it.each([["a:b"], ["1abc"], ["a-b"], ["a b"], [""], ['job="x"']])("rejects %j", (name) => {
    expect(() => labelName(name)).toThrow(PromQLNameError);
  });
});

describe("selector", () => {
  it("is the bare metric name without matchers", () => {
    expect(selector("up")).toBe("up");
    expect(selector("up", [])).toBe("up");
  });

  it("joins several matchers in order, each value escaped", () => {
    expect(
      selector("http_requests_total", [
        { label: "job", op: "=", value: "api" },
        { label: "code", op: "=~", value: "5.." },
        { label: "path", op: "!=", value: '/a"b' },
        { label: "method", op: "!~", value: "GET|HEAD" },
      ]),
    ).toBe('http_requests_total{job="api",code=~"5..",path!="/a\\"b",method!~"GET|HEAD"}');
  });

  it("refuses a bad metric or label name", () => {
    expect(() => selector("bad-name", [{ label: "job", op: "=", value: "x" }])).toThrow(PromQLNameError);
    expect(() => selector("bad-name")).toThrow(PromQLNameError);
    expect(() => selector("up", [{ label: "bad label", op: "=", value: "x" }])).toThrow(PromQLNameError);
  });
});

describe("equalityMatchers", () => {
  it("sorts by label so the same map always gives the same query", () => {
    expect(equalityMatchers({ reporter: "destination", direction: "inbound" })).toEqual([
      { label: "direction", op: "=", value: "inbound" },
      { label: "reporter", op: "=", value: "destination" },
    ]);
  });
});

describe("byLabels", () => {
  it("writes a by clause and checks every name", () => {
    expect(byLabels(["job"])).toBe("by (job)");
    expect(byLabels(["job", "namespace", "le"])).toBe("by (job, namespace, le)");
    expect(() => byLabels(["job", "le) (up"])).toThrow(PromQLNameError);
  });
});
