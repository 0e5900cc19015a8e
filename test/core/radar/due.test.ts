import { describe, expect, it } from 'vitest';
import { dueItems, RADAR_DEFAULTS, slotOf, datedItems } from '../../../src/core/radar/due.js';
import { dueWords, itemTitle } from '../../../src/core/radar/words.js';
import { NOW, twoAccounts } from './fixtures.js';

const options = { ...RADAR_DEFAULTS, now: NOW };

describe('the radar: what is due', () => {
  it('lists every kind due, most overdue and soonest first, and nothing that is not due', () => {
    const items = dueItems(twoAccounts(), options);
    expect(items.map((item) => `${dueWords(item)}: ${itemTitle(item)}`)).toEqual([
      // Most overdue first: 30 days past the key age, 5 past the unused limit, 3 past the expiry.
      '120 days old: access key 1 of alice',
      'unused for 50 days: access key 1 of bob',
      'expired 3 days ago: IAM server certificate www-2026',
      'expires in 12 days: ACM certificate shop.example.com',
      'expires in 20 days: ACM certificate auto.example.com',
      'expires in 25 days: signing certificate SIGNINGC of alice',
      'expires in 29 days: IAM server certificate edge',
    ]);
  });

  it('says what fixes each: rotate, delete an expired one, re-import, or let ACM renew its own', () => {
    const actions = Object.fromEntries(dueItems(twoAccounts(), options).map((item) => [item.name, item.action]));
    expect(actions).toMatchObject({
      'www-2026': 'delete-expired',
      edge: 'rotate',
      'shop.example.com': 'reimport',
      'auto.example.com': 'acm-renews',
      bob: 'remove-access-key',
    });
  });

  it('the window and the key age are the options: --within 10 and --max-key-age 200', () => {
    const items = dueItems(twoAccounts(), { ...options, withinDays: 10, maxKeyAgeDays: 200 });
    expect(items.map((item) => item.name)).toEqual(['bob', 'www-2026']);
  });

  it('a certificate on its last day is due; one a day beyond the window is not', () => {
    const held = twoAccounts();
    held[1]!.serverCertificates[0]!.expiration = new Date(NOW.getTime() + 31 * 86_400_000).toISOString();
    expect(dueItems(held, options).some((item) => item.name === 'edge')).toBe(false);
    held[1]!.serverCertificates[0]!.expiration = new Date(NOW.getTime() + 3_600_000).toISOString();
    const edge = dueItems(held, options).find((item) => item.name === 'edge');
    expect(edge && dueWords(edge)).toBe('expires today');
  });

  it('a renewed IAM certificate (www-2026 → www-20271203) keeps its slot; another name does not', () => {
    const held = twoAccounts();
    const before = datedItems(held, NOW).find((item) => item.name === 'www-2026')!.slot;
    held[0]!.serverCertificates[0]!.name = 'www-20271203';
    const after = datedItems(held, NOW).find((item) => item.name === 'www-20271203')!.slot;
    expect(after).toBe(before);
    expect(slotOf(['IAM', '111111111111', 'api'])).not.toBe(before);
  });

  it('the same name in two accounts is two slots', () => {
    const held = twoAccounts();
    held[1]!.serverCertificates[0]!.name = 'www-2026';
    const slots = datedItems(held, NOW)
      .filter((item) => item.name === 'www-2026')
      .map((item) => item.slot);
    expect(new Set(slots).size).toBe(2);
  });

  it('inactive keys, and keys never rotated, are not due', () => {
    const held = twoAccounts();
    held[0]!.users![0]!.accessKeys[0]!.active = false;
    held[0]!.users![1]!.accessKeys[0] = { slot: 1, active: true };
    expect(dueItems(held, options).filter((item) => item.kind === 'access-key')).toEqual([]);
  });
});
