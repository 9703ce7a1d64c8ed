import { apiRoute } from "@/lib/api/handler";
import { unknownApiRoute } from "@/lib/api/not-found";

/*
 * Any path under /api/ that no other route serves lands here, for every method, so a client gets
 * the API's JSON error instead of Next's HTML 404 page. Static and dynamic routes take precedence
 * over a catch-all, so the real routes are never shadowed.
 */
const notFound = apiRoute("/api/[[...path]]", async (request) => unknownApiRoute(request));

export const dynamic = "force-dynamic";
export {
  notFound as GET,
  notFound as HEAD,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
  notFound as OPTIONS,
};
