import "server-only";
import { getNylas, NylasApiError } from "./client";

/**
 * Cancels a Scheduler booking through the SDK (DELETE /v3/scheduling/bookings/{id}); Nylas then
 * cancels its event and sends booking.cancelled. false when Nylas no longer has it or it was
 * cancelled already — done either way.
 */
export async function cancelSchedulerBooking(bookingId: string, configurationId: string | null, reason: string): Promise<boolean> {
  try {
    await getNylas().scheduler.bookings.destroy({
      bookingId,
      queryParams: configurationId ? { configurationId } : {},
      requestBody: { cancellationReason: reason },
    });
    return true;
  } catch (error) {
    if (error instanceof NylasApiError && (error.statusCode === 404 || error.statusCode === 410)) return false;
    if (error instanceof NylasApiError && error.statusCode === 400 && /already (been )?cancel/i.test(error.message)) return false;
    throw error;
  }
}
