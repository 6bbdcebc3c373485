/** Platform settings for the browser journeys (global-setup passes them to the runner). */

/**
 * Short enough to watch a reservation expire, long enough to open the order and pay twice on a busy
 * machine (page loads there can take several seconds).
 */
export const ORDER_TTL_SECONDS = 60;
/** How the pages state that hold to a person. */
export const ORDER_TTL_IN_WORDS = '1 minute';
/** Short access tokens, so the journeys also cross silent refreshes (proxy bounce and browser retry). */
export const ACCESS_TOKEN_TTL_SECONDS = 30;
