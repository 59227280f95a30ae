"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/form-controls";
import { useActionForm } from "@/components/ui/use-action-form";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { USER_ROLES } from "@/lib/validations/auth";
import { RowOutcome, type TeamRowAction } from "./row-action-form";

export type RoleFormProps = {
  userId: string;
  name: string;
  role: UserRole;
  /** changeUserRoleAction. */
  action: TeamRowAction;
};

/** A row's role: a select named "Role for <name>" and "Change role" (enabled once another role is picked). */
export function RoleForm({ userId, name, role, action }: RoleFormProps) {
  const { state, isPending, onSubmit } = useActionForm(action, { status: "idle" });
  const [picked, setPicked] = useState<string>(role);
  const selectId = `role-${userId}`;
  return (
    <div className="flex flex-col items-start">
      <form noValidate onSubmit={onSubmit} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <label htmlFor={selectId} className="sr-only">
          Role for {name}
        </label>
        <Select id={selectId} name="role" size="sm" value={picked} onChange={(event) => setPicked(event.target.value)} className="w-36">
          {USER_ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </Select>
        <Button type="submit" size="sm" variant="secondary" pending={isPending} disabled={picked === role}>
          Change role<span className="sr-only"> for {name}</span>
        </Button>
      </form>
      <RowOutcome state={state} />
    </div>
  );
}
