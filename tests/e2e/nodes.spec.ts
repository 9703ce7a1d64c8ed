import { expect, test } from "./fixtures";
import { NodeColumn, NodePage } from "./pages/nodes-page";
import { ProblemPage } from "./pages/problem-page";

// The demo's one node_exporter maps to sim-node-a; sim-node-b and sim-node-c exist in Kubernetes only.
const DEMO_NODE = "sim-node-a";
const KUBERNETES_ONLY = ["sim-node-b", "sim-node-c"];
const STATUS = /\b(down|NotReady|saturated|busy|ok)\b/;

// Rates need two scrapes in their window, so right after the stack starts a chart may still be empty;
// the pages poll every 10 s here and the expectations wait for a few refreshes.
const FIRST_DATA = 45_000;

test.describe("nodes on the overview", () => {
  test("the node grid shows the demo node with its USE values, linking to its page with the range", async ({
    page,
  }) => {
    const nodes = new NodeColumn(page);
    await nodes.open("?from=now-6h&to=now&refresh=10s");
    const row = nodes.row(DEMO_NODE);
    await expect(row).toBeVisible();
    await expect(row).toContainText(STATUS);
    await expect(nodes.cells(DEMO_NODE)).toHaveCount(6);
    // CPU, memory and disk as percentages, network as byte rates.
    await expect(row).toContainText(/\d[\d.]*\s*%/, { timeout: FIRST_DATA });
    await expect(row).toContainText(/↓\s*\d[\d.]*\s*[kMG]?B\/s/, { timeout: FIRST_DATA });
    await expect(nodes.link(DEMO_NODE)).toHaveAttribute("href", /^\/nodes\/sim-node-a\?from=now-6h&to=now/);
    for (const name of KUBERNETES_ONLY) await expect(nodes.row(name)).toContainText("no node_exporter data");
    expect((await nodes.kubernetesNodeNames()).sort()).toEqual([DEMO_NODE, ...KUBERNETES_ONLY]);
  });

  test("a NotReady node is marked and sorted first, in the Kubernetes list and in the grid", async ({
    page,
    control,
  }) => {
    const nodes = new NodeColumn(page);
    await nodes.open("?refresh=10s");
    await expect(nodes.kubernetesNode("sim-node-b")).toContainText("Ready");
    await control.incident({ kind: "node-not-ready", node: "sim-node-b", durationSeconds: 300 });
    // kube-state-metrics is scraped every 5 s; the page refreshes every 10 s.
    await expect(nodes.kubernetesNode("sim-node-b")).toContainText("NotReady", { timeout: 40_000 });
    await expect.poll(() => nodes.kubernetesNodeNames().then((n) => n[0])).toBe("sim-node-b");
    await expect(nodes.row("sim-node-b")).toContainText("NotReady");
    await expect(nodes.rows().first()).toContainText("sim-node-b");
    await expect(nodes.kubernetesHeading).toContainText(/\b1 NotReady\b/);
  });
});

test.describe("node page", () => {
  test("renders the four resources' charts with a unit on every axis", async ({ page }) => {
    const node = new NodePage(page);
    await node.open(DEMO_NODE, "?from=now-30m&to=now&refresh=10s");
    await expect(node.heading(DEMO_NODE)).toBeVisible();
    await expect(node.sources(/node_exporter 127\.0\.0\.1:\d+ · Kubernetes node sim-node-a/)).toBeVisible();
    const charts: [string, string][] = [
      ["CPU utilization", "%"],
      ["CPU saturation", "load/CPU"],
      ["Memory utilization", "%"],
      ["Disk utilization", "%"],
      ["Disk saturation", "io s/s"],
      ["Network throughput", "B/s"],
    ];
    for (const [title, unit] of charts) {
      await expect(node.chart(title)).toBeVisible({ timeout: FIRST_DATA });
      await expect(node.unit(title, unit)).toBeVisible();
      await expect.poll(() => node.valueAxisLabels(title).then((l) => l.length)).toBeGreaterThan(1);
    }
    await expect(node.overviewLink).toHaveAttribute("href", /^\/\?from=now-30m&to=now/);
  });

  test("a Kubernetes-only node shows its Kubernetes data and says it has no node_exporter data", async ({ page }) => {
    const node = new NodePage(page);
    await node.open("sim-node-b");
    await expect(node.heading("sim-node-b")).toBeVisible();
    await expect(node.noExporterData).toBeVisible();
    await expect(node.conditions).toContainText("Ready");
    await expect(node.pods).toHaveText(/^Pods: \d+ running of a capacity of \d+/);
    await expect(node.chart("CPU utilization")).toHaveCount(0);
  });

  test("a node that does not exist shows a clear page", async ({ page, consoleGuard }) => {
    // The browser itself logs the API's 404; that 404 is the answer this test expects.
    consoleGuard.allow(/status of 404/);
    const node = new NodePage(page);
    await node.open("no-such-node");
    await expect(node.heading(/No node named “no-such-node”/)).toBeVisible();
    await expect(new ProblemPage(page).overviewLink).toBeVisible();
  });
});
