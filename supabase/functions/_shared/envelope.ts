/**
 * The contract's function envelopes (api-contract §2), exactly as the embedded backend answers:
 * `{success, data, meta: {requestId, processingTime, cached}}` with 200, and
 * `{error: {code, message, details?, retryAfter?}, requestId, timestamp}` with the real status
 * (400/401/403/404/405/413/429/500/502/504) and `Retry-After` when there is one.
 */

export type ErrorCode =
  | "INVALID_REQUEST"
  | "CONTENT_POLICY_VIOLATION"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  | "PROVIDER_ERROR"
  | "TIMEOUT"
  | "INTERNAL_ERROR";

/** A function failure with its contract code. */
export class FnError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  static invalid(message: string): FnError {
    return new FnError(400, "INVALID_REQUEST", message);
  }
  static unauthorized(message: string): FnError {
    return new FnError(401, "UNAUTHORIZED", message);
  }
  static forbidden(what: string): FnError {
    return new FnError(403, "FORBIDDEN", `This ${what} belongs to someone else`);
  }
  static notFound(what: string): FnError {
    return new FnError(404, "NOT_FOUND", `${what} not found`);
  }
  static contentPolicy(message: string): FnError {
    return new FnError(400, "CONTENT_POLICY_VIOLATION", message);
  }
  static internal(): FnError {
    return new FnError(
      500,
      "INTERNAL_ERROR",
      "Something went wrong on our side; quote the request id if it keeps happening",
    );
  }
  static rateLimited(retryAfter: number, fn: string, limit: number): FnError {
    return new FnError(
      429,
      "RATE_LIMITED",
      `You have used all ${limit} ${fn} requests for this hour; try again in ${retryAfter} s`,
      { function: fn, limit, window: "1h" },
      retryAfter,
    );
  }
  static provider(what: string, message: string): FnError {
    return new FnError(502, "PROVIDER_ERROR", `${what}: ${message}`);
  }
  static timeout(what: string): FnError {
    return new FnError(504, "TIMEOUT", `${what} did not answer in time; please try again`);
  }
}

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "authorization, x-client-info, apikey, content-type, x-request-id",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Expose-Headers": "x-request-id, retry-after",
  "Access-Control-Max-Age": "86400",
};

function json(status: number, body: unknown, requestId: string, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...CORS_HEADERS, "content-type": "application/json", "x-request-id": requestId, ...extra },
  });
}

/** The success envelope body. */
export function successBody(data: unknown, requestId: string, processingMs: number, cached = false) {
  return { success: true, data, meta: { requestId, processingTime: Math.round(processingMs), cached } };
}

export function successResponse(body: unknown, requestId: string): Response {
  return json(200, body, requestId);
}

/** The error envelope response. */
export function errorResponse(e: FnError, requestId: string, timestamp: string): Response {
  const error: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.details !== undefined) error.details = e.details;
  if (e.retryAfter !== undefined) error.retryAfter = e.retryAfter;
  const extra: Record<string, string> = e.retryAfter !== undefined ? { "retry-after": String(e.retryAfter) } : {};
  return json(e.status, { error, requestId, timestamp }, requestId, extra);
}
