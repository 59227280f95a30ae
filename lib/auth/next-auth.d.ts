/**
 * The one place the next-auth Session / User / JWT types are extended (tsconfig includes every
 * .ts file). Session data is a hint only: lib/auth.ts re-reads the user from the database.
 */
import type { DefaultSession } from "next-auth";
import type { UserRole } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: UserRole; sessionVersion: number } & Omit<DefaultSession["user"], "email" | "name">;
  }

  interface User {
    role: UserRole;
    /** User.sessionVersion at sign-in (lib/auth/users.ts). */
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: UserRole;
    /** User.sessionVersion when this session signed in; absent in tokens from before it existed (= 0). */
    sv?: number;
  }
}
