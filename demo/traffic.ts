import { httpCall } from "./http-call";
import { pick, poisson, weighted } from "./random";

export interface Target {
  service: string;
  method: string;
  path: string; // ":name" parameters get random ids
}

// Mostly people using the frontend; a little traffic straight to other services' public routes.
export const mix: (readonly [Target, number])[] = [
  [{ service: "frontend", method: "GET", path: "/" }, 24],
  [{ service: "frontend", method: "GET", path: "/product/:id" }, 26],
  [{ service: "frontend", method: "GET", path: "/cart/:id" }, 10],
  [{ service: "frontend", method: "POST", path: "/cart/:id/items" }, 10],
  [{ service: "frontend", method: "POST", path: "/checkout/:id" }, 10],
  [{ service: "catalog", method: "GET", path: "/api/products" }, 8],
  [{ service: "recommendations", method: "GET", path: "/api/recommendations/:id" }, 6],
  [{ service: "cart", method: "DELETE", path: "/api/cart/:id/items/:sku" }, 6],
];

const TICK_MS = 100;
const MAX_IN_FLIGHT = 48; // bounded: a slow fleet gets fewer requests, not a pile-up

/** ~30 req/s, drifting between about 20 and 40 over minutes so graphs are not flat lines. */
export function rateAt(seconds: number): number {
  return 30 * (1 + 0.2 * Math.sin((2 * Math.PI * seconds) / 600) + 0.1 * Math.sin((2 * Math.PI * seconds) / 47));
}

export function startTraffic(portsOf: (service: string) => number[]): void {
  const t0 = Date.now();
  let inFlight = 0;
  setInterval(() => {
    const arrivals = poisson((rateAt((Date.now() - t0) / 1000) * TICK_MS) / 1000);
    for (let i = 0; i < arrivals && inFlight < MAX_IN_FLIGHT; i++) {
      const target = weighted(mix);
      const path = target.path.replace(/:\w+/g, () => String(1 + Math.floor(Math.random() * 500)));
      inFlight++;
      // Open-loop load: nobody waits for an answer, and httpCall never rejects.
      void httpCall(pick(portsOf(target.service)), target.method, path).finally(() => inFlight--);
    }
  }, TICK_MS);
}
