// The error classes every layer shares. The domain's (lib/signals, lib/promql, lib/time) know nothing
// of HTTP: lib/api/errors.ts maps each kind to a status and a JSON body.
import type { ServiceCandidate } from "@/lib/model/types";

/** A question the domain cannot answer as asked: `code` says which, `param` which input is at fault. */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

/** An input the domain cannot read (a malformed time, an invalid name). */
export class BadInputError extends DomainError {
  override name = "BadInputError";
}

/** Nothing of that name exists (an unknown service or node). */
export class NotFoundError extends DomainError {
  override name = "NotFoundError";
}

/** A name that means several things (a service name in two namespaces): the candidates say which. */
export class AmbiguousError extends DomainError {
  override name = "AmbiguousError";
  constructor(
    code: string,
    message: string,
    param: string | undefined,
    readonly candidates: readonly ServiceCandidate[],
  ) {
    super(code, message, param);
  }
}

/** An error with an HTTP status and the API's error code: one the API answers, or one a client was answered. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}
