import { loadBookingLinksViewer } from "./load";

/** /dashboard/booking-links: recruiters and admins only (403 for interviewers, before anything streams). */
export default async function BookingLinksLayout({ children }: { children: React.ReactNode }) {
  await loadBookingLinksViewer();
  return children;
}
