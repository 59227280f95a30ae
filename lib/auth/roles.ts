/** Display helpers for user roles. Pure and client-safe. */
import type { UserRole } from "@/lib/generated/prisma/enums";

export const ROLE_LABELS: Record<UserRole, string> = {
  ADMIN: "Admin",
  RECRUITER: "Recruiter",
  INTERVIEWER: "Interviewer",
};

export function getRoleLabel(role: UserRole): string {
  return ROLE_LABELS[role];
}
