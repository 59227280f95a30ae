/**
 * Pure: what each Nylas health problem means and exactly what to do about it, per mode. In the
 * sandbox the app itself is Nylas (its console at /sandbox stands in for the Nylas dashboard); in
 * live mode the fixes point at the Nylas dashboard and the app's environment variables.
 */

export type Mode = "sandbox" | "live";
export type Person = { name: string; email: string };

/** How to re-run the start-up bootstrap (webhook subscription, configurations). */
export function restartHint(mode: Mode): string {
  return mode === "sandbox" ? "restart npm run dev" : "restart the app (npm start)";
}

const who = (p: Person) => `${p.name} (${p.email})`;

// ── API key / reachability ───────────────────────────────────────────────────────────────────────

export function apiKeyRejected(mode: Mode, apiUri: string, reason: string): { detail: string; fix: string } {
  if (mode === "sandbox") {
    return {
      detail: `The sandbox at ${apiUri} rejected the API key (${reason}).`,
      fix: "Run this with the same NYLAS_SANDBOX_API_KEY as the running app (its default is nylas-sandbox-dev-api-key): " + "unset it here, or set it to the app's value.",
    };
  }
  return {
    detail: `Nylas rejected the API key (${reason}).`,
    fix:
      "Set NYLAS_API_KEY to a key from the Nylas dashboard → API Keys for this application, then restart the app. " +
      `The key must belong to the region of NYLAS_API_URI (now ${apiUri}; EU applications use https://api.eu.nylas.com).`,
  };
}

export function apiUnreachable(mode: Mode, apiUri: string, reason: string): { detail: string; fix: string } {
  if (mode === "sandbox") {
    return {
      detail: `Could not reach the sandbox API at ${apiUri} (${reason}). In sandbox mode the app serves the Nylas API itself.`,
      fix: `Start the app with npm run dev, or set APP_URL to where it runs (now ${apiUri}).`,
    };
  }
  return {
    detail: `Could not reach the Nylas API at ${apiUri} (${reason}).`,
    fix: "Check NYLAS_API_URI (https://api.us.nylas.com, or https://api.eu.nylas.com for EU applications) and that this " + "server can make outbound HTTPS requests (DNS, firewall, proxy).",
  };
}

export function apiTimedOut(mode: Mode, apiUri: string, seconds: number): { detail: string; fix: string } {
  return {
    detail: `Nylas did not answer within ${seconds} s (${apiUri}).`,
    fix:
      mode === "sandbox"
        ? "The app is running but not answering: check the npm run dev output, then check again."
        : "Check https://status.nylas.com and this server's outbound network, then check again.",
  };
}

export function apiError(mode: Mode, reason: string): { detail: string; fix: string } {
  return {
    detail: `Nylas answered with an error: ${reason}.`,
    fix: mode === "sandbox" ? "Check the npm run dev output for the error, then check again." : "Check again in a minute; if it persists, check https://status.nylas.com and the app's logs.",
  };
}

// ── Coordinator grant (live) ─────────────────────────────────────────────────────────────────────

export function coordinatorGrantMissingEnv(): { detail: string; fix: string } {
  return {
    detail: "NYLAS_GRANT_ID is not set: the scheduling configurations need a grant to belong to.",
    fix: "Connect the coordinator's (or a shared recruiting) account in the Nylas dashboard → Grants and set NYLAS_GRANT_ID to its grant id, then restart the app.",
  };
}

export function coordinatorGrantNotFound(grantId: string): { detail: string; fix: string } {
  return {
    detail: `NYLAS_GRANT_ID=${grantId} is not a grant of this Nylas application.`,
    fix:
      "Set NYLAS_GRANT_ID to the id of the grant the scheduling configurations should belong to (Nylas dashboard → Grants; " +
      "the API key and the grant must be from the same application), then restart the app.",
  };
}

export function coordinatorGrantInvalid(grantId: string, email: string | null, status: string): { detail: string; fix: string } {
  const account = email ?? "the account";
  return {
    detail: `The coordinator grant ${grantId}${email ? ` (${email})` : ""} is ${status}: Nylas cannot use it until it is re-authenticated.`,
    fix:
      `Re-authenticate ${account}: Nylas dashboard → Grants → ${grantId} → Re-authenticate (or connect the account again through ` +
      "Nylas Hosted OAuth: the same email keeps the same grant). If you connect another account instead, set NYLAS_GRANT_ID to its grant id and restart the app.",
  };
}

// ── Interviewers' grants ─────────────────────────────────────────────────────────────────────────

/** The fix every interviewer can apply themselves: /account → "Connect calendar" (or "Reconnect"). */
function connectOnAccount(person: Person, accountUrl: string, button: "Connect calendar" | "Reconnect"): string {
  return `${person.name} signs in to the portal as ${person.email} and presses “${button}” on ${accountUrl}`;
}

export function interviewerGrantMissing(mode: Mode, person: Person, accountUrl: string): { problem: string; fix: string } {
  return {
    problem: `${who(person)} has no connected calendar (no grant with that email)`,
    fix:
      mode === "sandbox"
        ? `${connectOnAccount(person, accountUrl, "Connect calendar")} (or: open the sandbox console (/sandbox) → Calendars → Connect calendar for ${who(person)}).`
        : `${connectOnAccount(person, accountUrl, "Connect calendar")}: Nylas Hosted OAuth connects their calendar to this Nylas application (for a trial, also the ` +
          `Nylas dashboard → Grants → Add test grant). Grants are matched by email, so the grant's email must be exactly ${person.email} ` +
          `(or change the interviewer's email in the app to the one they connected).`,
  };
}

export function interviewerGrantInvalid(mode: Mode, person: Person, grant: { id: string; status: string }, accountUrl: string): { problem: string; fix: string } {
  return {
    problem: `${who(person)} has a grant (${grant.id}) that is ${grant.status}`,
    fix:
      mode === "sandbox"
        ? `${connectOnAccount(person, accountUrl, "Reconnect")} (or: open the sandbox console (/sandbox) → Calendars → Connect calendar for ${who(person)}): connecting again re-authenticates the grant.`
        : `${connectOnAccount(person, accountUrl, "Reconnect")}, signing in as ${person.email} (the same email keeps the same grant); or Nylas dashboard → Grants → ${grant.id} → ` +
          "Re-authenticate.",
  };
}

// ── Webhooks ─────────────────────────────────────────────────────────────────────────────────────

/** Triggers the app needs that the subscription lacks, in the app's order. */
export function missingTriggers(have: readonly string[], need: readonly string[]): string[] {
  const present = new Set(have);
  return need.filter((t) => !present.has(t));
}

const PRIVATE_IPV4 = [/^10\./, /^127\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./, /^0\.0\.0\.0$/];

/**
 * Why Nylas (on the public internet) cannot deliver webhooks to this APP_URL; none when it looks
 * fine. Nylas requires a public HTTPS URL.
 */
export function appUrlProblems(appUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    return ["is not a valid URL"];
  }
  const problems: string[] = [];
  if (url.protocol !== "https:") problems.push("is not HTTPS");
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1") problems.push("is localhost");
  else if (PRIVATE_IPV4.some((re) => re.test(host)) || /^f[cd][0-9a-f]{2}:/.test(host) || host.startsWith("fe80:")) problems.push("is a private network address");
  else if (host.endsWith(".local") || host.endsWith(".internal") || !host.includes(".")) problems.push("is not a public host name");
  return problems;
}

export function webhookUrlFix(): string {
  return (
    "Set APP_URL to the app's public HTTPS address and restart the app. To try it from your machine, use a tunnel " +
    "(VS Code port forwarding, Cloudflare Tunnel, Hookdeck; Nylas blocks ngrok hosts)."
  );
}

// ── Roles' scheduling configurations ─────────────────────────────────────────────────────────────

export type RoleRef = { title: string; slug: string };

/**
 * One published role's configuration problem. `isBookable`: candidates can still book it (with
 * the settings Nylas last accepted), so the check's headline does not say "cannot be booked".
 */
export type RoleProblem = { level: "warn" | "fail"; isBookable: boolean; problem: string; fix: string };

const roleName = (role: RoleRef) => `${role.title} (/careers/${role.slug})`;
const retryFix = (role: RoleRef) => `Open the ${role.title} role in Settings and press Retry.`;
const retryingFix = (role: RoleRef) => `Nothing, unless it stays: the sync retries by itself. To retry now, open the ${role.title} role in Settings and press Retry.`;

/** No role_configurations row at this Nylas environment: the role was never synced here. */
export function roleConfigurationMissing(role: RoleRef, apiUri: string): RoleProblem {
  return {
    level: "fail",
    isBookable: false,
    problem: `${roleName(role)} has no scheduling configuration at ${apiUri}, so its careers page cannot book`,
    fix: `${retryFix(role)} Restarting the app also creates a configuration for every role at this Nylas environment.`,
  };
}

/**
 * The last sync ended FAILED (Nylas refused the request, or it kept failing until the retries ran
 * out). Without a configuration the role cannot be booked; with one, candidates book with the
 * settings from before the change that failed.
 */
export function roleSyncFailed(role: RoleRef, error: string | null, hasConfiguration: boolean): RoleProblem {
  const reason = error ? ` (${error})` : "";
  return {
    level: "fail",
    isBookable: hasConfiguration,
    problem: hasConfiguration
      ? `${roleName(role)}: its latest changes did not reach Nylas, the sync failed${reason}; candidates still book with the settings from before`
      : `${roleName(role)}: the sync that creates its configuration failed${reason}, so its careers page cannot book`,
    fix: `${retryFix(role)} If it fails again, change what the error names (the role or its panel) and save.`,
  };
}

/** PENDING with no configuration yet: the first sync is queued or running (in progress). */
export function roleConfigurationPending(role: RoleRef, lastError: string | null): RoleProblem {
  return {
    level: "warn",
    isBookable: false,
    problem: `${roleName(role)}: its configuration is being created (sync in progress${lastError ? `; last attempt: ${lastError}; retrying` : ""})`,
    fix: retryingFix(role),
  };
}

/** PENDING after a failed attempt, with a configuration: bookable, the latest edit is retrying. */
export function roleChangesRetrying(role: RoleRef, lastError: string): RoleProblem {
  return {
    level: "warn",
    isBookable: true,
    problem: `${roleName(role)}: its latest changes have not reached Nylas yet (last attempt: ${lastError}; retrying)`,
    fix: retryingFix(role),
  };
}

/** The stored configuration id is unknown to Nylas (deleted there, or another application's). */
export function roleConfigurationGone(role: RoleRef, configurationId: string, reason: string): RoleProblem {
  return {
    level: "fail",
    isBookable: false,
    problem: `${roleName(role)}: configuration ${configurationId} no longer exists at Nylas (${reason})`,
    fix: `${retryFix(role)} The sync creates a new configuration when the old one is gone.`,
  };
}

/**
 * The role check's headline: "cannot be booked" when every problem role is unbookable and at
 * least one failed, "are not ready yet" when they are all still being created, else "need attention".
 */
export function roleProblemsHeadline(problems: readonly Pick<RoleProblem, "level" | "isBookable">[], published: number): string {
  const verb = problems.every((p) => !p.isBookable) ? (problems.some((p) => p.level === "fail") ? "cannot be booked" : "are not ready yet") : "need attention";
  return `${problems.length} of ${published} published roles ${verb}`;
}
