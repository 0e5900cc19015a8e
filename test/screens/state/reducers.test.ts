import {
  acmInventoryRow,
  storeCell,
  type InventoryRow,
} from '../../../src/screens/server-certificates/inventory-rows.js';
import { describe, expect, it } from 'vitest';
import {
  createReducer,
  initialCreateState,
  namesAskedFor,
  subjectString,
} from '../../../src/screens/create/create-state.js';
import {
  initialOnboardState,
  onboardReducer,
  requestFrom,
  userNameProblem,
} from '../../../src/screens/onboard/onboard-state.js';
import { expiresCell } from '../../../src/widgets/expires-cell.js';
import { deleteConfirmation, INVENTORY_SHAPE } from '../../../src/screens/server-certificates/inventory-state.js';
import { initialListState, visibleRows } from '../../../src/widgets/list/list-state.js';
import { completeTyped, sortEntries } from '../../../src/core/files/path-completion.js';
import { actionsFor, defaultOutput } from '../../../src/screens/inspect/inspect-actions.js';
import type { Item } from '../../../src/core/formats/items.js';

describe('create wizard state', () => {
  it('goes purpose → key type → subject → validity → output, and back', () => {
    let state = initialCreateState();
    expect(state.step).toBe('purpose');
    state = createReducer(state, { type: 'purpose', purpose: 'signing' });
    expect(state).toMatchObject({ step: 'key-type', days: '3650', name: 'amazon', keyFormat: 'pkcs8' });
    state = createReducer(state, { type: 'key-type', keyType: 'ec256' });
    state = createReducer(state, { type: 'next' });
    expect(state.step).toBe('validity');
    state = createReducer(state, { type: 'days', value: '0' });
    expect(createReducer(state, { type: 'next' }).step).toBe('validity');
    state = createReducer(createReducer(state, { type: 'days', value: '30' }), { type: 'next' });
    expect(state.step).toBe('output');
    expect(createReducer(state, { type: 'back' }).step).toBe('validity');
  });

  it('skips validity for a CSR and builds an OpenSSL-style subject', () => {
    let state = createReducer(initialCreateState(), { type: 'purpose', purpose: 'csr' });
    state = createReducer(state, { type: 'key-type', keyType: 'rsa2048' });
    // A request names something: with no subject and no names it does not move on.
    expect(createReducer(state, { type: 'next' })).toMatchObject({
      step: 'subject',
      problem: { code: 'FIELD_NOT_VALID' },
    });
    state = createReducer(createReducer(state, { type: 'subject', field: 'CN', value: 'www.example.com' }), {
      type: 'next',
    });
    expect(state).toMatchObject({ step: 'output', name: 'www.example.com' });
    expect(subjectString({ CN: 'www.example.com', O: 'A/B', OU: '', L: '', ST: '', C: 'GB' })).toBe(
      '/CN=www.example.com/O=A\\/B/C=GB',
    );
  });

  it('a server certificate or a request asks for its common name as a DNS name when none is typed', () => {
    const subject = (CN: string) => ({ ...initialCreateState('server').subject, CN });
    const asked = (purpose: 'server' | 'csr' | 'signing', CN: string, dnsNames = '') =>
      namesAskedFor({ purpose, subject: subject(CN), dnsNames });
    expect(asked('server', 'shop.example.com')).toEqual(['shop.example.com']);
    expect(asked('csr', '*.example.com')).toEqual(['*.example.com']);
    expect(asked('server', 'shop.example.com', 'www.example.com, example.com')).toEqual([
      'www.example.com',
      'example.com',
    ]);
    // A person, a team or one word: not a host name, nothing asked for.
    expect(asked('server', 'Jane Doe')).toEqual([]);
    expect(asked('csr', 'intranet')).toEqual([]);
    expect(asked('signing', 'bob.example.com')).toEqual([]);
  });
});

describe('onboarding wizard state', () => {
  it('validates names as typed and builds the request', () => {
    expect(userNameProblem('has space')).toMatch(/no spaces/);
    expect(userNameProblem('alice')).toBeUndefined();
    let state = onboardReducer(initialOnboardState(), { type: 'new-group' });
    state = onboardReducer(state, { type: 'group-name', value: 'bad group' });
    expect(onboardReducer(state, { type: 'next' }).step).toBe('new-group');
    state = onboardReducer(onboardReducer(state, { type: 'group-name', value: 'ops' }), { type: 'next' });
    state = onboardReducer(onboardReducer(state, { type: 'toggle-policy', name: 'AmazonEC2ReadOnlyAccess' }), {
      type: 'next',
    });
    state = onboardReducer(onboardReducer(state, { type: 'user', value: 'alice' }), { type: 'next' });
    expect(state.accessKeyFile).toMatch(/alice_accessKeys\.csv$/);
    state = onboardReducer(onboardReducer(state, { type: 'next' }), { type: 'signing', value: 'skip' });
    state = onboardReducer(state, { type: 'next' });
    expect(state.step).toBe('review');
    expect(requestFrom(state)).toMatchObject({
      userName: 'alice',
      groupName: 'ops',
      policies: ['AmazonEC2ReadOnlyAccess'],
      signing: { kind: 'skip' },
    });
  });
});

describe('inventory state', () => {
  const row = (name: string, expiration?: string): InventoryRow => ({
    store: 'IAM',
    name,
    path: '/',
    id: name,
    arn: name,
    ...(expiration ? { expiration } : {}),
  });
  it('sorts soonest expiry first with unknown expiry last, filters by name, path or ID, and cycles sorts', () => {
    const rows = [row('b', '2030-01-01T00:00:00Z'), row('a'), row('c', '2027-01-01T00:00:00Z')];
    expect(visibleRows(rows, initialListState, INVENTORY_SHAPE).map((entry) => entry.name)).toEqual(['c', 'b', 'a']);
    expect(
      visibleRows(rows, { ...initialListState, filter: 'B', sort: 1 }, INVENTORY_SHAPE).map((entry) => entry.name),
    ).toEqual(['b']);
    expect(visibleRows(rows, { ...initialListState, sort: 1 }, INVENTORY_SHAPE).map((entry) => entry.name)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(INVENTORY_SHAPE.sorts?.map((sort) => sort.name)).toEqual(['expiry', 'name', 'uploaded', 'store']);
  });

  it('IAM and ACM rows in one list: the filter finds ACM rows by region, key type and status', () => {
    const acm = acmInventoryRow({
      arn: 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-1111-1111-1111-111111111111',
      region: 'us-east-1',
      domain: 'shop.example.com',
      names: ['shop.example.com'],
      moreNames: false,
      status: 'ISSUED',
      type: 'IMPORTED',
      keyType: 'EC_secp384r1',
      notAfter: '2027-01-02T00:00:00.000Z',
      exportable: false,
      inUse: false,
    });
    const rows = [row('www', '2028-01-01T00:00:00Z'), acm];
    expect(visibleRows(rows, initialListState, INVENTORY_SHAPE).map((entry) => entry.name)).toEqual([
      'shop.example.com',
      'www',
    ]);
    for (const filter of ['ACM', 'us-east-1', 'P-384', 'imported'])
      expect(visibleRows(rows, { ...initialListState, filter }, INVENTORY_SHAPE).map((entry) => entry.name)).toEqual([
        'shop.example.com',
      ]);
    expect(storeCell(acm)).toBe('ACM us-east-1');
    expect(storeCell(rows[0]!)).toBe('IAM /');
  });

  it('a delete asks for the name of one certificate, the count of several, and names what it covers', () => {
    expect(deleteConfirmation([row('www')])).toMatchObject({ expected: 'www', details: [] });
    const many = deleteConfirmation(Array.from({ length: 20 }, (_, index) => row(`old-${index}`)));
    expect(many).toMatchObject({ action: 'Delete 20 server certificates', expected: '20' });
    expect(many.details).toEqual(['old-0 (/)', 'old-1 (/)', 'old-2 (/)', 'old-3 (/)', 'old-4 (/)', 'and 15 more']);
    const six = deleteConfirmation(Array.from({ length: 6 }, (_, index) => row(`old-${index}`)));
    expect(six.details).toHaveLength(6);
    expect(six.details.at(-1)).toBe('old-5 (/)');
  });

  it('says EXPIRED or how long is left, with a tone', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    expect(expiresCell({ ...row('x', '2026-01-01T00:00:00Z'), expiryState: 'expired' }, now)).toEqual({
      text: '2026-01-01 EXPIRED',
      narrow: '2026-01-01!',
      tone: 'danger',
    });
    expect(expiresCell({ ...row('x', '2026-12-05T00:00:00Z'), expiryState: '≤30 days' }, now)).toEqual({
      text: '2026-12-05 in 12 days',
      narrow: '2026-12-05',
      tone: 'danger',
    });
  });
});

describe('path completion', () => {
  const entries = sortEntries([
    { name: 'notes.txt', folder: false },
    { name: 'www.pfx', folder: false },
    { name: 'certs', folder: true },
    { name: '.hidden', folder: false },
    { name: 'www.key', folder: false },
  ]);
  it('puts folders first, then certificate-like files, hidden ones last', () => {
    expect(entries.map((entry) => entry.name)).toEqual(['certs', 'www.key', 'www.pfx', 'notes.txt', '.hidden']);
  });
  it('completes a lone match (a folder gets its slash) or the common prefix', () => {
    expect(completeTyped('ce', entries).value).toBe('certs/');
    expect(completeTyped('w', entries).value).toBe('www.');
    expect(completeTyped('some/dir/ww', entries).value).toBe('some/dir/www.');
  });
});

describe('inspect actions', () => {
  it('offers what fits the file, and writes beside it by default', () => {
    const choices = actionsFor({ container: 'pkcs12', items: [], skipped: [] }, 'pkcs12').map(
      (choice) => choice.action,
    );
    expect(choices).toContain('to-pem');
    expect(choices).not.toContain('prepare');
    expect(defaultOutput('to-pem', '/a/b/site.pfx')).toBe('/a/b/site.pem');
    expect(defaultOutput('prepare', '/a/b/site.pfx')).toBe('/a/b/iam-upload');
  });

  it("a keystore's two opened keys: the key actions say they write both, in one file", () => {
    const key = { type: 'private-key', encrypted: true, key: {} } as unknown as Item;
    const labels = (items: Item[]) =>
      actionsFor({ container: 'jks', items, skipped: [] }, 'jks').map((choice) => `${choice.label}: ${choice.why}`);
    const two = labels([key, key]);
    expect(two).toContain(
      'Decrypt the keys: Write the keys without a passphrase (IAM needs it unencrypted) (all 2 in one file).',
    );
    expect(two.some((line) => line.startsWith('Keys to PKCS#8:') && line.endsWith('(all 2 in one file).'))).toBe(true);
    expect(labels([key]).some((line) => line.startsWith('Key to PKCS#8:') && !line.includes('all'))).toBe(true);
  });
});
