import { useMemo } from 'react';

/**
 * The moment `value` last changed, as a Date: a list's "expires in 12 days" is reckoned as of its load,
 * and holds still between loads instead of moving with every render.
 */
export function useMomentOf(value: unknown): Date {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the moment is taken anew exactly when value changes
  return useMemo(() => new Date(), [value]);
}
