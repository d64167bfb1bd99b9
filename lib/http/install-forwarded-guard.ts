import "server-only";
import http from "node:http";
import { sanitiseForwardedHeaders, trustedProxies } from "./forwarded-headers";

// `next start` owns the HTTP server and hands Next the request before any of our code can
// see the socket, so the forwarding headers are checked where the request is emitted.
// Installed once, from instrumentation.ts, before the first request is served.
let installed = false;

export function installForwardedGuard(entries: string[]): void {
  if (installed) return;
  installed = true;
  const trusted = trustedProxies(entries);
  const emit = http.Server.prototype.emit as (
    this: http.Server,
    event: string,
    ...args: unknown[]
  ) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      sanitiseForwardedHeaders(req.headers, req.socket?.remoteAddress, trusted);
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
