import type { DueItem } from './due.js';

const KIND_WORDS: Record<DueItem['kind'], string> = {
  'server-certificate': 'IAM server certificate',
  'acm-certificate': 'ACM certificate',
  'signing-certificate': 'signing certificate',
  'access-key': 'access key',
};

/** "IAM server certificate www-2026", "access key 1 of alice": what the item is, in words. */
export function itemTitle(item: Pick<DueItem, 'kind' | 'name' | 'id'>): string {
  if (item.kind === 'access-key') return `${item.id} of ${item.name}`;
  if (item.kind === 'signing-certificate') return `signing certificate ${item.id.slice(0, 8)} of ${item.name}`;
  return `${KIND_WORDS[item.kind]} ${item.name}`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "expired 3 days ago", "expires in 12 days", "92 days old", "unused for 50 days". */
export function dueWords(item: Pick<DueItem, 'reason' | 'days'>): string {
  switch (item.reason) {
    case 'expired':
      return item.days < 0 ? `expired ${plural(-item.days, 'day')} ago` : 'expired';
    case 'expires-soon':
      return item.days === 0 ? 'expires today' : `expires in ${plural(item.days, 'day')}`;
    case 'key-old':
      return `${plural(item.days, 'day')} old`;
    case 'key-unused':
      return `unused for ${plural(item.days, 'day')}`;
  }
}
