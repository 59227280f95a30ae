/** Groups roles by team, keeping the order in which teams and roles first appear. Pure. */
export type TeamGroup<T> = { team: string; roles: T[] };

export function groupRolesByTeam<T extends { team: string }>(roles: readonly T[]): TeamGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const role of roles) {
    const list = groups.get(role.team);
    if (list) list.push(role);
    else groups.set(role.team, [role]);
  }
  return [...groups].map(([team, list]) => ({ team, roles: list }));
}
