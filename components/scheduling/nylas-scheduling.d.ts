/**
 * `<nylas-scheduling>` as React sees it when the server renders it into the HTML (booking-scheduler.tsx).
 * Only the string and boolean attributes we render; object properties (localization) are set from
 * JS on the upgraded element (scheduler-host.tsx). Attribute names and their "false" parsing are
 * those of @nylas/web-elements 2.5.17 (pinned exactly in package.json).
 */
import type { DetailedHTMLProps, HTMLAttributes } from "react";

type NylasSchedulingAttributes = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
  "configuration-id"?: string;
  slug?: string;
  "client-id"?: string;
  /** A bare origin; "/" means the page's own origin (the sandbox serves /v3/scheduling/*). */
  "scheduler-api-url": string;
  "nylas-branding"?: "true" | "false";
  "enable-user-feedback"?: "true" | "false";
};

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "nylas-scheduling": NylasSchedulingAttributes;
    }
  }
}
