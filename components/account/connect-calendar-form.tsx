"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

export type ConnectCalendarFormProps = {
  /** PATHS.accountCalendarConnect: answers with a redirect to the hosted sign-in page. */
  action: string;
  label: "Connect calendar" | "Reconnect";
  variant?: "primary" | "secondary";
};

/**
 * A plain form POST (works without JavaScript): the route handler binds the OAuth state to this
 * browser and redirects to the sign-in page. While the browser leaves, the button shows progress;
 * coming back with the Back button (bfcache) makes it usable again.
 */
export function ConnectCalendarForm({ action, label, variant = "primary" }: ConnectCalendarFormProps) {
  const [pending, setPending] = useState(false);
  useEffect(() => {
    const reset = () => setPending(false);
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);
  return (
    <form method="post" action={action} onSubmit={() => setPending(true)}>
      <Button type="submit" variant={variant} pending={pending}>
        {label}
      </Button>
    </form>
  );
}
