import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { expiryCalendar } from '../../../src/core/radar/ics.js';
import { NOW, twoAccounts } from './fixtures.js';

/** The calendar as a calendar program reads it: ical.js (Mozilla's parser), not our own reading. */
function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
    };
  });
}

const options = { now: NOW, maxKeyAgeDays: 90 };

describe('the radar as a calendar', () => {
  it('one all-day event per certificate and per key rotation date, read back by a calendar parser', () => {
    const read = events(expiryCalendar(twoAccounts(), options));
    // 2 IAM + 2 ACM + 1 signing in the first account, 1 IAM in the second, and alice's 2 and bob's 1 keys.
    expect(read).toHaveLength(9);
    expect(read.find((event) => event.summary === 'ACM certificate shop.example.com expires')?.start).toBe(
      '2026-12-15',
    );
    expect(read.find((event) => event.summary === 'Rotate access key 1 of alice')?.start).toBe('2026-11-03');
    expect(new Set(read.map((event) => event.uid)).size).toBe(9);
  });

  it('a renewed certificate replaces its event: same UID, new date', () => {
    const held = twoAccounts();
    const before = events(expiryCalendar(held, options)).find((event) => event.summary.includes('www-2026'))!;
    held[0]!.serverCertificates[0] = {
      ...held[0]!.serverCertificates[0]!,
      name: 'www-20271203',
      expiration: '2027-12-03T00:00:00.000Z',
    };
    const after = events(expiryCalendar(held, options)).find((event) => event.summary.includes('www-20271203'))!;
    expect(after.uid).toBe(before.uid);
    expect(after.start).toBe('2027-12-03');
  });

  it('names with commas, semicolons, backslashes and line breaks come back as they were, on no extra line', () => {
    const held = twoAccounts();
    held[0]!.acm[0]!.domain = 'a,b;c\\d\nSUMMARY:forged';
    const text = expiryCalendar(held, options);
    expect(text).not.toMatch(/^SUMMARY:forged/m);
    const read = events(text).find((event) => event.summary.startsWith('ACM certificate a,b'));
    expect(read?.summary).toBe('ACM certificate a,b;c\\dSUMMARY:forged expires'.replace('dSUMMARY', 'd\nSUMMARY'));
  });

  it('every line is at most 75 octets and ends in CRLF', () => {
    const text = expiryCalendar(twoAccounts(), options);
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
