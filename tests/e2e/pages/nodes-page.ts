import type { Locator, Page } from "@playwright/test";

/** The node column of the overview `/`: the node grid and the Kubernetes summary. */
export class NodeColumn {
  readonly grid: Locator;
  readonly kubernetesNodes: Locator;
  /** The Kubernetes summary's heading: "Kubernetes 3 nodes · 1 NotReady · …". */
  readonly kubernetesHeading: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole("table", { name: "Nodes" });
    this.kubernetesNodes = page.getByRole("list", { name: "Kubernetes nodes" });
    this.kubernetesHeading = page.getByRole("heading", { name: /^Kubernetes/ });
  }

  async open(query = ""): Promise<void> {
    await this.page.goto(`/${query}`);
  }

  /** Data rows of the grid, in the order shown (the header row excluded). */
  rows(): Locator {
    return this.grid.getByRole("row").filter({ has: this.page.getByRole("link") });
  }

  /** The grid row of one node, found by its link. */
  row(name: string): Locator {
    return this.rows().filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  /** The cells of one node's grid row. */
  cells(name: string): Locator {
    return this.row(name).getByRole("cell");
  }

  /** The link from one node's grid row to its page. */
  link(name: string): Locator {
    return this.row(name).getByRole("link", { name, exact: true });
  }

  /** The Kubernetes node names in the order listed. */
  async kubernetesNodeNames(): Promise<string[]> {
    return this.kubernetesNodes.getByRole("link").allTextContents();
  }

  kubernetesNode(name: string): Locator {
    return this.kubernetesNodes
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }
}

/** A node page `/nodes/{name}`: its heading, current values and charts. */
export class NodePage {
  readonly overviewLink: Locator;
  /** The notice that replaces the charts of a node only Kubernetes knows. */
  readonly noExporterData: Locator;
  readonly conditions: Locator;
  /** "Pods: 12 running of a capacity of 110". */
  readonly pods: Locator;

  constructor(readonly page: Page) {
    this.overviewLink = page.getByRole("link", { name: "← Overview" });
    this.noExporterData = page.getByRole("status").filter({ hasText: /^No node_exporter data for this node/ });
    this.conditions = page.getByRole("list", { name: "Conditions" });
    this.pods = page.getByText(/^Pods: /);
  }

  async open(name: string, query = ""): Promise<void> {
    await this.page.goto(`/nodes/${encodeURIComponent(name)}${query}`);
  }

  /** Where the node was found, as written under its name: "node_exporter 127.0.0.1:9100 · Kubernetes node sim-node-a". */
  sources(text: RegExp): Locator {
    return this.page.getByText(text);
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole("heading", { level: 1, name });
  }

  /** A chart, by the start of its accessible name ("CPU utilization, %, over the range"). */
  chart(title: string): Locator {
    return this.page.getByRole("figure", { name: new RegExp(`^${title},`) });
  }

  /** The unit written above a chart's value axis, found by its exact text. */
  unit(title: string, unit: string): Locator {
    return this.chart(title).getByText(unit, { exact: true });
  }

  /** The labels on a chart's value axis, as shown. */
  async valueAxisLabels(title: string): Promise<string[]> {
    return this.chart(title)
      .locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")
      .allTextContents();
  }
}
