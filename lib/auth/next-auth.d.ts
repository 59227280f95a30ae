/**
 * The one place the next-auth Session / User / JWT types are extended (tsconfig includes every
 * .ts file). Session data is a hint only: lib/auth.ts re-reads the user from the database.
 */
import type { DefaultSession } from "next-auth";
import type { UserRole } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: UserRole } & Omit<DefaultSession["user"], "email" | "name">;
  }

  interface User {
    role: UserRole;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: UserRole;
  }
}
