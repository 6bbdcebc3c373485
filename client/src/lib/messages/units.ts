/** A noun's two forms, singular and plural, in the language of a catalogue. */
export type Forms = readonly [one: string, many: string];

/** "1 ticket", "3 tickets": a count with its noun. */
export const plural = (n: number, [one, many]: Forms): string => `${n} ${n === 1 ? one : many}`;

/** How long a hold lasts: whole minutes in minutes ("15 minutes"), anything else in seconds. */
export const spanOfSeconds = (seconds: number, words: { second: Forms; minute: Forms }): string =>
  seconds % 60 !== 0 || seconds < 60 ? plural(seconds, words.second) : plural(seconds / 60, words.minute);

/** A cancellation window: whole days from three days on ("7 days"), otherwise hours ("48 hours"). */
export const spanOfHours = (hours: number, words: { hour: Forms; day: Forms }): string =>
  hours % 24 === 0 && hours >= 72 ? plural(hours / 24, words.day) : plural(hours, words.hour);
