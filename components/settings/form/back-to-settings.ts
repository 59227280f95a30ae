import { PATHS } from "@/lib/routes";

/** The settings forms' way back without saving (SaveBar's `cancel`). */
export const BACK_TO_SETTINGS = { href: PATHS.settings, label: "Back to settings" } as const;
