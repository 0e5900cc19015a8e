import { datedItems, keyDates, type DueItem } from './due.js';
import type { Holdings } from './holdings.js';
import { itemTitle } from './words.js';

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \n, other controls dropped. */
function text(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- a calendar line holds no control characters
      .replace(/[\u0000-\u001f\u007f]/g, '')
  );
}

/** Lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const day = (iso: string) => iso.slice(0, 10).replace(/-/g, '');

function nextDay(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return day(date.toISOString());
}

function where(item: DueItem): string {
  return [
    `account ${item.account}`,
    item.region ? `region ${item.region}` : '',
    item.profile ? `profile ${item.profile}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function event(item: DueItem, now: Date, maxKeyAgeDays: number): string[] {
  const isKey = item.kind === 'access-key';
  // A key's event is the day it is due for rotation; a certificate's, the day it expires.
  const date = isKey ? new Date(new Date(item.date).getTime() + maxKeyAgeDays * 86_400_000).toISOString() : item.date;
  const summary = isKey ? `Rotate ${itemTitle(item)}` : `${itemTitle(item)} expires`;
  return [
    'BEGIN:VEVENT',
    `UID:${item.slot}@iamcert`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${day(date)}`,
    `DTEND;VALUE=DATE:${nextDay(date)}`,
    `SUMMARY:${text(summary)}`,
    `DESCRIPTION:${text(`${itemTitle(item)} (${item.id}), ${where(item)}. ${isKey ? `Made ${item.date.slice(0, 10)}.` : `Not valid after ${item.date}.`}`)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${text(summary)}`,
    'TRIGGER:-P14D',
    'END:VALARM',
    'END:VEVENT',
  ];
}

/**
 * A calendar with one all-day event per certificate expiry and per access key's rotation date. Each event's UID is
 * its slot's (see due.ts), so importing a newer file replaces the old event instead of adding one.
 */
export function expiryCalendar(holdings: Holdings[], options: { now: Date; maxKeyAgeDays: number }): string {
  const certificates = datedItems(holdings, options.now);
  const keys = keyDates(holdings).map(({ item }) => item);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//iamcert//expiry radar//EN',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:iamcert expiries',
    ...[...certificates, ...keys].flatMap((item) => event(item, options.now, options.maxKeyAgeDays)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
