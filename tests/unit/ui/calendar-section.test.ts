import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CalendarSection, type CalendarSectionProps } from "@/components/account/calendar-section";

const render = (props: Partial<CalendarSectionProps> = {}) =>
  renderToStaticMarkup(createElement(CalendarSection, { connection: { status: "none" }, email: "ana@acme.example", isConfigured: true, result: null, ...props }));
const connectedAt = new Date("2026-12-01T10:00:00Z");

describe("/account, Calendar", () => {
  it("no calendar: says so and offers “Connect calendar”, a form posting to the start route", () => {
    const expected = ['aria-labelledby="calendar-heading"', "No calendar is connected.", '<form action="/account/calendar/connect" method="post">', ">Connect calendar</button>"];
    for (const part of expected) expect(render()).toContain(part);
  });

  it("a valid grant: “Connected” with the calendar's email and provider, and no button", () => {
    const html = render({ connection: { status: "valid", email: "ana@acme.example", provider: "google", connectedAt } });
    expect(html).toContain(">Connected</span>");
    expect(html).toContain("ana@acme.example · Google");
    expect(html).not.toContain("<form");
  });

  it("an invalid grant: “Needs reconnecting” and “Reconnect”", () => {
    const html = render({ connection: { status: "invalid", email: "ana@acme.example", provider: "microsoft", connectedAt } });
    expect(html).toContain("Needs reconnecting");
    expect(html).toContain(">Reconnect</button>");
  });

  it("live mode without NYLAS_CLIENT_ID: explains what to configure instead of a dead button", () => {
    const html = render({ isConfigured: false });
    expect(html).toContain("Calendar connection is not set up");
    expect(html).toContain("NYLAS_CLIENT_ID");
    expect(html).toContain("/account/calendar/callback");
    expect(html).not.toContain("<button");
  });

  it("the attempt's result line: an error is an alert, success a status", () => {
    expect(render({ result: "mismatch" })).toMatch(/role="alert"[^>]*><div class="">Nothing was connected: the calendar you approved belongs to another email address/);
    expect(render({ result: "connected" })).toMatch(/role="status"[^>]*><div class="">Your calendar is connected/);
  });
});
