import { CopyButton } from "@/components/ui/copy-button";
import { textLinkClasses } from "@/components/ui/text-link";
import type { TRoleBookingLinks } from "@/lib/roles/booking-links";
import { cn } from "@/lib/utils";

export type RoleBookingLinksProps = {
  links: TRoleBookingLinks;
  className?: string;
};

function LinkRow({ name, url, roleTitle }: { name: string; url: string; roleTitle: string }) {
  return (
    <div className="space-y-1">
      <dt className="text-sm font-medium text-ink">{name}</dt>
      <dd className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <a href={url} target="_blank" rel="noreferrer" className={textLinkClasses({ className: "break-all text-sm" })}>
          {url}
        </a>
        <CopyButton value={url} aria-label={`Copy link: ${roleTitle}, ${name.toLowerCase()}`} />
      </dd>
    </div>
  );
}

function HostedPageNote({ links }: { links: TRoleBookingLinks }) {
  const page = links.hostedPage;
  if (page.status === "live") return <LinkRow name="Hosted booking page" url={page.url} roleTitle={links.title} />;
  return (
    <div className="space-y-1">
      <dt className="text-sm font-medium text-ink">Hosted booking page</dt>
      <dd className={cn("text-sm", page.status === "failed" ? "text-red-700" : "text-muted")}>
        {page.status === "off"
          ? "Off. An admin can turn it on in the role's settings."
          : page.status === "syncing"
            ? "Being published to Nylas: the link appears here once Nylas has it."
            : `Not published: ${page.error}`}
      </dd>
    </div>
  );
}

/** A role's booking links — its careers page and its Nylas-hosted page — each with "Copy link". */
export function RoleBookingLinks({ links, className }: RoleBookingLinksProps) {
  return (
    <dl className={cn("space-y-3", className)}>
      {links.careersUrl ? (
        <LinkRow name="Careers page" url={links.careersUrl} roleTitle={links.title} />
      ) : (
        <div className="space-y-1">
          <dt className="text-sm font-medium text-ink">Careers page</dt>
          <dd className="text-sm text-muted">None while the role is a draft: publish it first.</dd>
        </div>
      )}
      <HostedPageNote links={links} />
    </dl>
  );
}
