const DATE = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, '');

/** "www-2026" retired on 30 Nov 2026 becomes "www-2026-retired-20261130" (IAM names stop at 128). */
export function retiredName(old: string, now: Date): string {
  const suffix = `-retired-${DATE(now)}`;
  return `${old.slice(0, 128 - suffix.length)}${suffix}`;
}

/**
 * Files given without --name: the old name without a trailing year or date, then the new one's expiry date, so a rerun
 * picks the same name.
 */
export function defaultIncomingName(old: string, notAfter: Date): string {
  const suffix = `-${DATE(notAfter)}`;
  const base = old.replace(/-\d{4}(\d{4})?$/, '');
  return `${base.slice(0, 128 - suffix.length)}${suffix}`;
}
