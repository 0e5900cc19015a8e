import type { Item } from './items.js';

const STEM: Record<Item['type'], string> = {
  certificate: 'cert',
  'private-key': 'key',
  'public-key': 'public-key',
  csr: 'csr',
  crl: 'crl',
};

/**
 * The file name each item gets when a file is split into one file per item: certificates always numbered
 * (cert-1.pem is the first in the file), anything else numbered only when the file holds more than one of it
 * (key.pem, or key-1.pem and key-2.pem for a keystore's two entries), so no two items ever share a name.
 */
export function splitFileNames(items: Item[]): string[] {
  const total = new Map<string, number>();
  for (const item of items) total.set(item.type, (total.get(item.type) ?? 0) + 1);
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.type) ?? 0) + 1;
    seen.set(item.type, n);
    const numbered = item.type === 'certificate' || total.get(item.type)! > 1;
    return `${STEM[item.type]}${numbered ? `-${n}` : ''}.pem`;
  });
}
