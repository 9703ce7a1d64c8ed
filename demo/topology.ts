// The demo fleet: services, their routes and who calls whom. Shared by the fleet,
// the Prometheus config (one scrape job per service) and the control server (validation).

export type Method = "GET" | "POST" | "DELETE";

/** What a route answers when all goes well: 201 Created for POST, 204 No Content for DELETE, else 200. */
export const OK_STATUS: Record<Method, number> = { GET: 200, POST: 201, DELETE: 204 };

export interface Call {
  service: string;
  method: Method;
  path: string; // ":id" is filled with the incoming request's id
}

export interface Route {
  method: Method;
  template: string; // the `route` label: a template, never a raw URL
  medianMs: number;
  calls: Call[];
  clientErrorStatus?: number; // a 4xx this route answers sometimes (not an error)
  clientErrorRatio?: number;
}

export interface Service {
  name: string;
  instances: number;
  routes: Route[];
}

export const fleet: Service[] = [
  {
    name: "frontend",
    instances: 2,
    routes: [
      {
        method: "GET",
        template: "/",
        medianMs: 25,
        calls: [
          { service: "catalog", method: "GET", path: "/api/products" },
          { service: "recommendations", method: "GET", path: "/api/recommendations/:id" },
        ],
      },
      {
        method: "GET",
        template: "/product/:id",
        medianMs: 30,
        calls: [
          { service: "catalog", method: "GET", path: "/api/products/:id" },
          { service: "recommendations", method: "GET", path: "/api/recommendations/:id" },
        ],
      },
      {
        method: "GET",
        template: "/cart/:id",
        medianMs: 20,
        calls: [{ service: "cart", method: "GET", path: "/api/cart/:id" }],
      },
      {
        method: "POST",
        template: "/cart/:id/items",
        medianMs: 25,
        calls: [{ service: "cart", method: "POST", path: "/api/cart/:id/items" }],
      },
      {
        method: "POST",
        template: "/checkout/:id",
        medianMs: 40,
        calls: [{ service: "checkout", method: "POST", path: "/api/checkout/:id" }],
      },
    ],
  },
  {
    name: "catalog",
    instances: 1,
    routes: [
      { method: "GET", template: "/api/products", medianMs: 30, calls: [] },
      {
        method: "GET",
        template: "/api/products/:id",
        medianMs: 20,
        clientErrorStatus: 404,
        clientErrorRatio: 0.03,
        calls: [{ service: "inventory", method: "GET", path: "/api/stock/:id" }],
      },
    ],
  },
  {
    name: "cart",
    instances: 1,
    routes: [
      { method: "GET", template: "/api/cart/:id", medianMs: 15, calls: [] },
      {
        method: "POST",
        template: "/api/cart/:id/items",
        medianMs: 25,
        clientErrorStatus: 400,
        clientErrorRatio: 0.01,
        calls: [],
      },
      {
        method: "DELETE",
        template: "/api/cart/:id/items/:sku",
        medianMs: 20,
        clientErrorStatus: 404,
        clientErrorRatio: 0.05,
        calls: [],
      },
    ],
  },
  {
    name: "checkout",
    instances: 2,
    routes: [
      {
        method: "POST",
        template: "/api/checkout/:id",
        medianMs: 40,
        calls: [
          { service: "payments", method: "POST", path: "/api/payments" },
          { service: "inventory", method: "POST", path: "/api/reservations" },
        ],
      },
    ],
  },
  {
    name: "payments",
    instances: 1,
    routes: [
      {
        method: "POST",
        template: "/api/payments",
        medianMs: 50,
        clientErrorStatus: 402,
        clientErrorRatio: 0.02,
        calls: [],
      },
    ],
  },
  {
    name: "inventory",
    instances: 1,
    routes: [
      { method: "GET", template: "/api/stock/:sku", medianMs: 10, calls: [] },
      {
        method: "POST",
        template: "/api/reservations",
        medianMs: 20,
        clientErrorStatus: 409,
        clientErrorRatio: 0.01,
        calls: [],
      },
    ],
  },
  {
    name: "recommendations",
    instances: 1,
    routes: [{ method: "GET", template: "/api/recommendations/:id", medianMs: 45, calls: [] }],
  },
];

export const fleetServiceNames = fleet.map((s) => s.name);

export interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  params: string[];
}

/** A route's template as a pattern that matches request paths and captures its parameters. */
export function compileRoute(route: Route): CompiledRoute {
  const params: string[] = [];
  const source = route.template.replace(/:(\w+)/g, (_, name: string) => {
    params.push(name);
    return "([^/]+)";
  });
  return { route, params, pattern: new RegExp(`^${source}$`) };
}
