import { BriefcaseIcon, MapPinIcon, UsersIcon } from "@/components/careers/icons";
import { cn } from "@/lib/utils";

export type RoleFactsProps = {
  role: { team: string; location: string; employment: string };
  /** The team is shown on the role page; the careers list already groups cards by team. */
  showTeam?: boolean;
  className?: string;
};

/** A role's team, location and employment type, each with an icon and a screen-reader label. */
export function RoleFacts({ role, showTeam = false, className }: RoleFactsProps) {
  const facts = [
    ...(showTeam ? [{ Icon: UsersIcon, label: "Team", value: role.team }] : []),
    { Icon: MapPinIcon, label: "Location", value: role.location },
    { Icon: BriefcaseIcon, label: "Employment type", value: role.employment },
  ];
  return (
    <ul className={cn("flex flex-wrap text-sm text-muted", className)}>
      {facts.map(({ Icon, label, value }) => (
        <li key={label} className="inline-flex items-center gap-1.5">
          <Icon className="size-4 text-slate-400" />
          <span className="sr-only">{label}: </span>
          {value}
        </li>
      ))}
    </ul>
  );
}
