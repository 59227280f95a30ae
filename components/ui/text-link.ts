import { cn } from "@/lib/utils";

const TONES = {
  brand: "font-medium text-brand-700",
  ink: "text-ink",
  danger: "font-medium text-red-700",
} as const;

/**
 * Classes for an inline text link (`<Link className={textLinkClasses()}>`): underlined on hover,
 * with the kit's focus ring. "ink" (weight from `className`) is for a link that is also a row's
 * title; "danger" for a count of failures.
 */
export function textLinkClasses(options: { tone?: keyof typeof TONES; className?: string } = {}): string {
  return cn(
    TONES[options.tone ?? "brand"],
    "underline-offset-4 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
    options.className,
  );
}
