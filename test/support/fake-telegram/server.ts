// The HTTP face of the fake: URL and body decoding, token and schema checks,
// dispatch to handlers, Telegram's response envelope, and the records tests
// read afterwards (calls, violations, errors).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { LongPoller } from "./long-poll.js";
import { type Handler, NotImplemented, type Params } from "./methods/common.js";
import { canonicalMethodName, checkMethodParams, coerceStringParams, type Issue } from "./schema.js";
import { ApiError, type Json, type TgResponse } from "./types.js";
import type { World } from "./world.js";

export interface HttpServer {
  apiRoot: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Telegram's wording for the commonest missing parameters, a generic one otherwise. */
function describeIssue(issue: Issue): string {
  const topLevel = !/[.[]/.test(issue.path);
  if (issue.problem === "missing" && topLevel) {
    if (issue.path === "chat_id") return "Bad Request: chat_id is empty";
    if (issue.path === "text") return "Bad Request: message text is empty";
    return `Bad Request: parameter "${issue.path}" is required`;
  }
  if (issue.problem === "unknown" && topLevel) return `Bad Request: unknown parameter "${issue.path}"`;
  return `Bad Request: ${issue.message}`;
}

class RequestFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.description);
  }
}

export async function startHttpServer(world: World, handlers: Record<string, Handler>, poller: LongPoller): Promise<HttpServer> {
  const record = (method: string, params: Json, response: TgResponse | null, at: number): void => {
    world.calls.push({ method, params, response, at });
  };

  const fail = (method: string, params: Json, err: ApiError, violationDetail?: string): TgResponse => {
    const response: TgResponse = { ok: false, error_code: err.code, description: err.description };
    if (err.parameters) response.parameters = err.parameters;
    if (err.blame === "bot") {
      world.violations.push({ method, rule: err.rule, description: violationDetail ?? err.description, params });
    } else {
      world.errors.push({ method, error_code: err.code, description: err.description, params });
    }
    return response;
  };

  const send = (res: ServerResponse, response: TgResponse): void => {
    if (res.writableEnded || res.destroyed) return;
    const body = JSON.stringify(response);
    res.writeHead(response.ok ? 200 : (response.error_code ?? 500), {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  };

  async function parseParams(req: IncomingMessage, url: URL, method: string): Promise<Params> {
    const fromQuery = coerceStringParams(method, Object.fromEntries(url.searchParams));
    const body = await readBody(req);
    const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (body.length === 0) return fromQuery;
    if (type === "multipart/form-data") {
      throw new RequestFailure(
        new ApiError(400, "Bad Request: the fake Telegram does not support file uploads", "bot", "unsupported upload"),
      );
    }
    if (type === "application/x-www-form-urlencoded") {
      const form = Object.fromEntries(new URLSearchParams(body.toString("utf8")));
      return { ...fromQuery, ...coerceStringParams(method, form) };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw new RequestFailure(new ApiError(400, "Bad Request: invalid JSON in request body", "bot", "malformed request"));
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new RequestFailure(new ApiError(400, "Bad Request: request body must be a JSON object", "bot", "malformed request"));
    }
    return { ...fromQuery, ...(parsed as Params) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const match = /^\/bot([^/]*)\/([^/]*)\/?$/.exec(url.pathname);
    if (!match) {
      await readBody(req);
      const response = fail(url.pathname, {}, new ApiError(404, "Not Found", "bot", "unknown method"));
      record(url.pathname, {}, response, at);
      return send(res, response);
    }
    const [, token = "", rawMethod = ""] = match;
    const method = canonicalMethodName(rawMethod);
    let params: Params = {};
    try {
      params = await parseParams(req, url, method ?? rawMethod);
      if (token !== world.token) throw new RequestFailure(new ApiError(401, "Unauthorized", "bot", "wrong token"));
      if (!method) throw new RequestFailure(new ApiError(404, "Not Found", "bot", "unknown method"));
      const issues = checkMethodParams(method, params);
      const first = issues[0];
      if (first) {
        throw new RequestFailure(new ApiError(400, describeIssue(first), "bot", "schema"));
      }
    } catch (e) {
      if (!(e instanceof RequestFailure)) throw e;
      const name = method ?? rawMethod;
      const issues = method ? checkMethodParams(method, params) : [];
      const detail = issues.length > 1 ? `${e.error.description} (all problems: ${issues.map((i) => i.message).join("; ")})` : undefined;
      const response = fail(name, params, e.error, detail);
      record(name, params, response, at);
      return send(res, response);
    }

    if (method === "getUpdates") return handleGetUpdates(params, res, at);

    const cut = world.holds.findIndex((h) => h.mode === "cut" && h.method === method && h.match(params));
    if (cut >= 0) {
      world.holds.splice(cut, 1)[0]!.arrived();
      res.destroy();
      return;
    }

    world.inFlight++;
    world.lastBotActivity = Date.now();
    let response: TgResponse;
    try {
      const handler = handlers[method];
      const result = handler ? await handler(params, world) : new NotImplemented(method);
      if (result instanceof NotImplemented) {
        world.violations.push({
          method,
          rule: "not implemented by the fake",
          description: `${method}: ${result.what} is valid but not implemented by the fake Telegram`,
          params,
        });
        response = { ok: true, result: result.result };
      } else {
        response = { ok: true, result };
      }
    } catch (e) {
      if (e instanceof ApiError) {
        response = fail(method, params, e);
      } else {
        // A bug in the fake must fail the test rather than look like Telegram behaviour.
        const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
        response = fail(method, params, new ApiError(500, `Internal Server Error: ${message}`, "bot", "fake internal error"));
      }
    } finally {
      world.inFlight--;
      world.lastBotActivity = Date.now();
    }
    record(method, params, response, at);
    const hold = world.holds.findIndex((h) => h.mode !== "cut" && h.method === method && h.match(params));
    if (hold >= 0) {
      const [held] = world.holds.splice(hold, 1);
      held!.arrived();
      if (held!.mode === "drop") {
        res.destroy();
        return;
      }
      await held!.released;
    }
    send(res, response);
  }

  async function handleGetUpdates(params: Params, res: ServerResponse, at: number): Promise<void> {
    const gone = new AbortController();
    // 'close' before the response ended means the client disconnected.
    res.on("close", () => {
      if (!res.writableEnded) gone.abort();
    });
    let response: TgResponse | null;
    try {
      const updates = await poller.getUpdates(params, gone.signal);
      if (updates && updates.length > 0) world.lastBotActivity = Date.now();
      response = updates ? { ok: true, result: updates } : null;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      response = fail("getUpdates", params, e);
    }
    record("getUpdates", params, response, at);
    if (response) send(res, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      const response = fail(req.url ?? "?", {}, new ApiError(500, `Internal Server Error: ${message}`, "bot", "fake internal error"));
      record(req.url ?? "?", {}, response, Date.now());
      send(res, response);
    });
  });
  // Keep idle keep-alive sockets open: grammY reuses them, and a server-side
  // idle close racing a reuse would surface as a spurious network error.
  server.keepAliveTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    close: async () => {
      poller.close();
      // Let the released long poll write its empty answer before sockets go.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
