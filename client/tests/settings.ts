/** Platform settings for the browser journeys (global-setup passes them to the runner). */

/** Short enough to watch a reservation expire, long enough to pay twice. */
export const ORDER_TTL_SECONDS = 12;
/** Short access tokens, so the journeys also cross silent refreshes (proxy bounce and browser retry). */
export const ACCESS_TOKEN_TTL_SECONDS = 30;
