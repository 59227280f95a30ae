import Link from "next/link";
import type { ReactNode } from "react";
import { textLinkClasses } from "@/components/ui/text-link";

export type AuthPageProps = {
  title: string;
  description?: ReactNode;
  /** Above the card (a one-time notice). */
  notice?: ReactNode;
  /** Under the card: a way back or onwards. */
  footer: { text?: string; href: string; label: string };
  children: ReactNode;
};

/** The signed-out pages' frame (sign in, forgot password, reset password): the brand, an h1, a card. */
export function AuthPage({ title, description, notice, footer, children }: AuthPageProps) {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-center text-sm font-semibold tracking-wide text-brand-700">Northwind Hiring</p>
        <h1 className="mt-2 text-center text-2xl font-semibold tracking-tight text-ink">{title}</h1>
        {description ? <p className="mt-2 text-center text-sm text-muted">{description}</p> : null}
        {notice ? <div className="mt-6">{notice}</div> : null}

        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>

        <p className="mt-6 text-center text-sm text-muted">
          {footer.text ? `${footer.text} ` : null}
          <Link href={footer.href} className={textLinkClasses()}>
            {footer.label}
          </Link>
        </p>
      </div>
    </main>
  );
}
