import { z } from "zod";
import { ApiError } from "./errors";

/** Longest value we accept for any query parameter. */
export const MAX_PARAM_LENGTH = 256;

const timeText = z.string().min(1).max(64);

/** Parameters every data endpoint takes. */
export const timeParams = {
  from: timeText.optional(),
  to: timeText.optional(),
  at: timeText.optional(),
  // Chart width in pixels: sets the step (about one point per 3 px, at most 300 points).
  width: z.coerce.number().int().min(20).max(8000).optional(),
};

/** A label value that names something (a namespace): non-empty, printable; escaped wherever it is used. */
export const labelValueParam = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_PARAM_LENGTH)
  .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters");

export const booleanParam = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** `series` of `/api/v1/services`: true adds sparklines to the current values; `only` answers the sparklines alone. */
export const seriesParam = z.union([z.literal("only"), booleanParam]);

/**
 * Reads a URL's query into `schema`. Unknown, repeated, over-long or malformed parameters are a 400
 * that names the parameter; nothing is built from a request that fails here. (An over-long URL
 * never gets here: proxy.ts answers it with 414, see lib/api/request-guard.ts.)
 */
export function parseQuery<T extends z.ZodRawShape>(url: URL, shape: T): z.infer<z.ZodObject<T>> {
  // A Map and Object.hasOwn: with `in` on plain objects, inherited names such as `constructor`
  // would pass for known parameters and then for parameters already seen.
  const raw = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    if (!Object.hasOwn(shape, key))
      throw new ApiError(
        400,
        "unknown_param",
        `unknown parameter "${key.slice(0, 40)}"; expected one of: ${Object.keys(shape).join(", ")}`,
        key.slice(0, 40),
      );
    if (raw.has(key)) throw new ApiError(400, "repeated_param", `parameter "${key}" is given more than once`, key);
    if (value.length > MAX_PARAM_LENGTH)
      throw new ApiError(
        400,
        "param_too_long",
        `parameter "${key}" is longer than ${MAX_PARAM_LENGTH} characters`,
        key,
      );
    raw.set(key, value);
  }
  const parsed = z.object(shape).strict().safeParse(Object.fromEntries(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue?.path[0] ?? "");
    throw new ApiError(400, "invalid_param", `${param}: ${issue?.message ?? "invalid"}`, param || undefined);
  }
  return parsed.data;
}

/** A path segment naming a service or node: bounded, printable, escaped later wherever it is used. */
export function parseName(raw: string, param: string): string {
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new ApiError(400, "invalid_param", `${param}: not valid percent-encoding`, param);
  }
  if (name.length === 0 || name.length > MAX_PARAM_LENGTH)
    throw new ApiError(400, "invalid_param", `${param}: must be 1 to ${MAX_PARAM_LENGTH} characters`, param);
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new ApiError(400, "invalid_param", `${param}: must not contain control characters`, param);
  return name;
}
