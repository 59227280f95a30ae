"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { useIsBrowser } from "@/components/ui/use-is-browser";
import { PATHS } from "@/lib/routes";

export type SignOutButtonProps = Pick<ButtonProps, "variant" | "size" | "className">;

/**
 * Clears the session cookie, then loads /login. Disabled until hydrated: before that a click would
 * do nothing (signing out needs next-auth's client), so it must not look ready.
 */
export function SignOutButton({ variant = "secondary", size = "sm", className }: SignOutButtonProps) {
  const [isPending, setIsPending] = useState(false);
  const isHydrated = useIsBrowser();

  async function handleClick() {
    setIsPending(true);
    try {
      // redirect: false, then navigate ourselves: next-auth would build the URL from NEXTAUTH_URL.
      await signOut({ redirect: false });
    } finally {
      // A full page load on purpose: nothing of the signed-in pages may stay in the client router cache.
      window.location.assign(PATHS.login);
    }
  }

  return (
    <Button variant={variant} size={size} className={className} pending={isPending} disabled={!isHydrated} onClick={handleClick}>
      Sign out
    </Button>
  );
}
