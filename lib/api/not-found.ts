import { ApiError } from "./errors";

/** Every route the JSON API has, as the README lists them; named in the answer to an unknown path. */
export const API_ROUTES = [
  "/api/v1/services",
  "/api/v1/services/{name}",
  "/api/v1/nodes",
  "/api/v1/nodes/{name}",
  "/api/v1/alerts",
  "/api/v1/slos",
  "/api/v1/status",
  "/api/v1/rules",
  "/api/health",
  "/api/ready",
] as const;

/** Long enough to recognise a mistyped path, short enough that a hostile URL is not echoed whole. */
const MAX_ECHOED_PATH = 120;

/** The 404 for a path under `/api/` that no route serves: says which path, and which ones exist. */
export function unknownApiRoute(request: Request): never {
  const { pathname } = new URL(request.url);
  const shown = pathname.length > MAX_ECHOED_PATH ? `${pathname.slice(0, MAX_ECHOED_PATH)}…` : pathname;
  throw new ApiError(
    404,
    "not_found",
    `no API route ${request.method} ${shown}; the routes are GET ${API_ROUTES.join(", ")} (see "JSON API" in the README)`,
  );
}
