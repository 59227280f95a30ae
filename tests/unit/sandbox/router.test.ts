import { describe, expect, it } from "vitest";
import { empty } from "@/lib/sandbox/http";
import { matchRoute, route, type Route } from "@/lib/sandbox/router";

const handler = async () => empty();

// A subset of lib/sandbox/api.ts's table, in the same order (order decides static vs :param).
const routes: Route[] = [
  route("GET", "grants/:grant/scheduling/configurations", "api_key", handler),
  route("GET", "grants/:grant/scheduling/configurations/:id", "api_key", handler),
  route("PUT", "grants/:grant/scheduling/configurations/:id", "api_key", handler),
  route("GET", "scheduling/bookings/:id", "public", handler),
  route("DELETE", "scheduling/bookings/:id", "public", handler),
  route("GET", "webhooks", "api_key", handler),
  route("POST", "webhooks", "api_key", handler),
  route("GET", "webhooks/ip-addresses", "api_key", handler),
  route("POST", "webhooks/rotate-secret/:id", "api_key", handler),
  route("GET", "webhooks/:id", "api_key", handler),
  route("PUT", "webhooks/:id", "api_key", handler),
];

/** How the callers split a request path: app/v3/[...path] and tests/support/sandbox-server drop empty segments. */
const split = (path: string) => path.split("/").filter(Boolean);

function matched(method: string, path: string) {
  const result = matchRoute(routes, method, split(path));
  if (result === null || result === "method_not_allowed") throw new Error(`expected a match for ${method} ${path}, got ${result}`);
  return { path: result.route.segments.join("/"), method: result.route.method, auth: result.route.auth, params: result.params };
}

describe("route", () => {
  it("splits the path into segments, ignoring leading, trailing and doubled slashes", () => {
    expect(route("GET", "/grants//:grant/events/", "api_key", handler)).toMatchObject({ method: "GET", segments: ["grants", ":grant", "events"], auth: "api_key" });
  });
});

describe("matchRoute", () => {
  it.each([
    { method: "GET", path: "webhooks", route: "webhooks", params: {} },
    { method: "POST", path: "webhooks", route: "webhooks", params: {} },
    { method: "GET", path: "webhooks/5b1f", route: "webhooks/:id", params: { id: "5b1f" } },
    { method: "POST", path: "webhooks/rotate-secret/5b1f", route: "webhooks/rotate-secret/:id", params: { id: "5b1f" } },
    { method: "GET", path: "scheduling/bookings/b-1", route: "scheduling/bookings/:id", params: { id: "b-1" } },
    {
      method: "PUT",
      path: "grants/sarah@example.com/scheduling/configurations/c-9",
      route: "grants/:grant/scheduling/configurations/:id",
      params: { grant: "sarah@example.com", id: "c-9" },
    },
    { method: "GET", path: "grants/g-1/scheduling/configurations", route: "grants/:grant/scheduling/configurations", params: { grant: "g-1" } },
  ])("matches $method /$path to $route with its params", ({ method, path, route: expected, params }) => {
    const m = matched(method, path);
    expect(m.path).toBe(expected);
    expect(m.method).toBe(method);
    expect(m.params).toEqual(params);
  });

  it("prefers the route listed first when a static segment and a :param both fit", () => {
    expect(matched("GET", "webhooks/ip-addresses")).toMatchObject({ path: "webhooks/ip-addresses", params: {} });
    const reversed = [route("GET", "webhooks/:id", "api_key", handler), route("GET", "webhooks/ip-addresses", "api_key", handler)];
    const m = matchRoute(reversed, "GET", ["webhooks", "ip-addresses"]);
    expect(m !== null && m !== "method_not_allowed" && m.params).toEqual({ id: "ip-addresses" });
  });

  it("passes parameter values through undecoded (the caller decodes)", () => {
    expect(matched("GET", "webhooks/a%20b").params).toEqual({ id: "a%20b" });
  });

  it("keeps the route's auth mode", () => {
    expect(matched("GET", "scheduling/bookings/x").auth).toBe("public");
    expect(matched("GET", "webhooks").auth).toBe("api_key");
  });

  it("matches a path with a trailing slash once the caller has dropped empty segments", () => {
    expect(split("webhooks/")).toEqual(["webhooks"]);
    expect(matched("POST", "webhooks/")).toMatchObject({ path: "webhooks", method: "POST" });
    expect(matched("GET", "webhooks/5b1f/")).toMatchObject({ path: "webhooks/:id", params: { id: "5b1f" } });
  });

  it.each([
    { method: "DELETE", path: "webhooks" },
    { method: "PATCH", path: "webhooks/5b1f" },
    { method: "POST", path: "scheduling/bookings/b-1" },
    { method: "GET", path: "webhooks/rotate-secret/5b1f" },
  ])("answers method_not_allowed for $method /$path: the path exists with other methods", ({ method, path }) => {
    expect(matchRoute(routes, method, split(path))).toBe("method_not_allowed");
  });

  it.each([
    { method: "GET", path: "" },
    { method: "GET", path: "nope" },
    { method: "GET", path: "webhooks/a/b" },
    { method: "GET", path: "scheduling/bookings" },
    { method: "GET", path: "grants/g-1/scheduling/configurations/c-1/extra" },
  ])("answers null (not found) for $method /$path: no route has that shape", ({ method, path }) => {
    expect(matchRoute(routes, method, split(path))).toBeNull();
  });

  it("answers null for an empty route table", () => {
    expect(matchRoute([], "GET", ["webhooks"])).toBeNull();
  });
});
