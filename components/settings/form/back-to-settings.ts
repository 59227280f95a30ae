/** The settings forms' way back without saving (SaveBar's `cancel`). */
export const BACK_TO_SETTINGS = { href: "/settings", label: "Back to settings" } as const;
