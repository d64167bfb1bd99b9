import { describe, expect, it } from "vitest";
import { malformedRequest } from "./malformed-request";

const get = (rawPath: string) =>
  malformedRequest({ method: "GET", rawPath, isServerAction: false, contentLength: null });

describe("malformedRequest", () => {
  it("answers Next's own error pages requested by name with a 404 (not /_global-error's 500)", () => {
    expect(get("/_global-error")).toEqual({ status: 404, message: "Not found." });
    expect(get("/_not-found")?.status).toBe(404);
    expect(get("/_not-found/x")?.status).toBe(404);
  });

  it("leaves pages whose name merely starts the same alone", () => {
    expect(get("/_global-errors")).toBeNull();
    expect(get("/tasks/_not-found")).toBeNull();
  });

  it("refuses a path that does not percent-decode", () => {
    expect(get("/repos/acme/%ZZ")?.status).toBe(400);
  });
});
