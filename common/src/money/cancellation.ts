/** A listing's cancellation window when its seller says nothing: buyers may cancel until 48 h before. */
export const DEFAULT_CANCELLATION_HOURS = 48;
/** The longest window a seller may offer: 30 days before the event. */
export const MAX_CANCELLATION_HOURS = 720;

/**
 * Until when a buyer may cancel a paid order for an event starting at `eventDate`, given its listing's
 * window in hours (0: cancellation not offered → null). Fixed on the order when it is placed.
 */
export function cancellationDeadline(eventDate: Date, cancellationHours: number): Date | null {
  if (cancellationHours <= 0) return null;
  return new Date(eventDate.getTime() - cancellationHours * 3_600_000);
}
