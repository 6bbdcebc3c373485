import type { SplitRule } from './shared';

/** Why `wanted` tickets cannot be taken from a listing, if they cannot. */
export type SplitRefusal = 'not_enough_left' | 'split_not_allowed';

/**
 * The seller's split rule, shared by orders (which answers the buyer) and tickets (which holds the truth):
 * `any` number up to what is left; `no-single` never leaves exactly one unsold; `all` takes what is left.
 */
export function splitRefusal(split: SplitRule, left: number, wanted: number): SplitRefusal | undefined {
  if (wanted > left) return 'not_enough_left';
  if (split === 'no-single' && left - wanted === 1) return 'split_not_allowed';
  if (split === 'all' && wanted !== left) return 'split_not_allowed';
  return undefined;
}

/** The quantities a buyer may pick from `left` tickets, smallest first. */
export const allowedQuantities = (split: SplitRule, left: number): number[] =>
  Array.from({ length: left }, (_, i) => i + 1).filter((n) => !splitRefusal(split, left, n));
