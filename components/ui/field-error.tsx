import { cn } from "@/lib/utils";

export type FieldErrorProps = {
  /** Referenced by the field's aria-describedby. */
  id: string;
  /** Nothing renders without a message. */
  message?: string | null;
  className?: string;
};

/** The validation message under a form field. */
export function FieldError({ id, message, className }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className={cn("mt-1.5 text-sm text-red-700", className)}>
      {message}
    </p>
  );
}
