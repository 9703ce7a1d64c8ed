import { describe, expect, it } from "vitest";
import { withSourceSelector } from "./source-selector";

const EU = { cluster: "eu-1" };

describe("withSourceSelector", () => {
  it("adds the matchers to a bare metric, to one with matchers and to one with empty braces", () => {
    expect(withSourceSelector("up", EU)).toBe('up{cluster="eu-1"}');
    expect(withSourceSelector('up{job="node"}', EU)).toBe('up{job="node",cluster="eu-1"}');
    expect(withSourceSelector("up{}", EU)).toBe('up{cluster="eu-1"}');
    expect(withSourceSelector('up{job="node",}', EU)).toBe('up{job="node",cluster="eu-1",}');
    expect(withSourceSelector('{__name__=~"http_.*"}', EU)).toBe('{__name__=~"http_.*",cluster="eu-1"}');
  });

  it("reaches selectors inside functions, aggregations, subqueries, binary operations and label_replace", () => {
    expect(withSourceSelector('sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))', EU)).toBe(
      'sum by (job) (rate(http_requests_total{code=~"5..",cluster="eu-1"}[5m]))',
    );
    expect(withSourceSelector("max_over_time(rate(x[1m])[1h:1m])", EU)).toBe(
      'max_over_time(rate(x{cluster="eu-1"}[1m])[1h:1m])',
    );
    expect(withSourceSelector("a / on(job) group_left b or vector(0)", EU)).toBe(
      'a{cluster="eu-1"} / on(job) group_left b{cluster="eu-1"} or vector(0)',
    );
    expect(withSourceSelector('label_replace(up, "node", "$1", "instance", "(.*):.*")', EU)).toBe(
      'label_replace(up{cluster="eu-1"}, "node", "$1", "instance", "(.*):.*")',
    );
    expect(withSourceSelector("up offset 5m unless up @ 1700000000", EU)).toBe(
      'up{cluster="eu-1"} offset 5m unless up{cluster="eu-1"} @ 1700000000',
    );
  });

  it("leaves strings and numbers alone: a query without selectors is unchanged", () => {
    expect(withSourceSelector("1", EU)).toBe("1");
    expect(withSourceSelector('label_replace(vector(1), "up", "up", "", "")', EU)).toBe(
      'label_replace(vector(1), "up", "up", "", "")',
    );
  });

  it("keeps a label the query already matches beside the source's (ANDed), and escapes the values", () => {
    expect(withSourceSelector('up{cluster="us"}', EU)).toBe('up{cluster="us",cluster="eu-1"}');
    expect(withSourceSelector("up", { cluster: 'a"b\\c', region: "x" })).toBe('up{cluster="a\\"b\\\\c",region="x"}');
  });

  it("is the query itself without a selector; refuses a query the parser rejects and a bad label name", () => {
    expect(withSourceSelector("up{", undefined)).toBe("up{");
    expect(() => withSourceSelector("sum(up", EU)).toThrow(/not a PromQL query/);
    expect(() => withSourceSelector("up", { "9x": "a" })).toThrow(/invalid label name/);
  });
});
