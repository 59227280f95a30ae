import { CalendarSection } from "@/components/account/calendar-section";
import { getCalendarConnectionView } from "@/lib/calendar/connect";
import { parseCalendarResult } from "@/lib/calendar/connect-rules";
import { getEnv } from "@/lib/env";

export type AccountCalendarProps = {
  user: { id: string; email: string };
  /** The page's `?calendar=` (the result of the attempt that just came back). */
  result: string | string[] | undefined;
};

/** /account's Calendar section with its data: the person's connection, its grant status refreshed from Nylas. */
export async function AccountCalendar({ user, result }: AccountCalendarProps) {
  const connection = await getCalendarConnectionView(user.id);
  return <CalendarSection connection={connection} email={user.email} isConfigured={Boolean(getEnv().nylasClientId)} result={parseCalendarResult(result)} />;
}
