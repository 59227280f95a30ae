"use client";

import { useEffect, useRef, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

export type CopyButtonProps = Omit<ButtonProps, "onClick" | "children"> & {
  /** The text put on the clipboard. */
  value: string;
  /** The visible label ("Copy link"); `aria-label` may extend it (it must start with it). */
  label?: string;
};

type CopyState = "idle" | "copied" | "failed";

/**
 * Copies `value` to the clipboard and says so ("Copied", announced politely). Where the browser
 * refuses (no clipboard permission, an insecure origin), it says to copy by hand, and the link
 * beside it stays selectable.
 */
export function CopyButton({ value, label = "Copy link", variant = "secondary", size = "sm", ...props }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 4000);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant={variant} size={size} onClick={() => void copy()} {...props}>
        {label}
      </Button>
      <span role="status" aria-live="polite" className={state === "failed" ? "text-sm text-red-700" : "text-sm text-muted"}>
        {state === "copied" ? "Copied" : state === "failed" ? "Could not copy: select the link and copy it." : ""}
      </span>
    </span>
  );
}
