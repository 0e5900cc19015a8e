import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App.js';
import type { ShownKeys } from '../../src/ui/keys/focus.js';
import { sequenceFor } from '../../src/ui/keys/key-name.js';
import { fitHints } from '../../src/ui/frame/fit-hints.js';
import type { Route } from '../../src/screens/routes.js';
import { rotationPlan } from '../helpers/rotation-plan.js';
import type { Services } from '../../src/ui/services.js';
import { LINE_KEYS } from '../../src/ui/text-field/line-keys.js';
import { stubServices } from '../helpers/stub-services.js';
import { trackActivity } from '../helpers/activity.js';
import { fixtures } from '../helpers/use-fixtures.js';

/**
 * The keymap as data, checked over every screen and modal: each key the footer or the help
 * advertises changes the frame, and keys outside the keymap change nothing.
 */
const fx = fixtures();
const DAY = 86_400_000;

const serverRows = Array.from({ length: 5 }, (_, index) => ({
  name: `cert-${index}`,
  path: '/',
  id: `ASCA${index}`,
  arn: `arn:aws:iam::111122223333:server-certificate/cert-${index}`,
  uploadDate: '2026-01-01T00:00:00.000Z',
  expiration: new Date(Date.now() + (index + 1) * 40 * DAY).toISOString(),
  expiryState: 'ok' as const,
}));

function services(): Services {
  return stubServices({
    listServerCertificates: async () => serverRows,
    getServerCertificate: async (name) => ({
      ...serverRows.find((row) => row.name === name)!,
      body: '',
      chainCertificates: [],
    }),
    listUsers: async () => [
      {
        name: 'alice',
        path: '/',
        arn: 'arn:aws:iam::111122223333:user/alice',
        id: 'AIDA1',
        created: '2026-01-01T00:00:00Z',
      },
      {
        name: 'bob',
        path: '/',
        arn: 'arn:aws:iam::111122223333:user/bob',
        id: 'AIDA2',
        created: '2026-01-01T00:00:00Z',
      },
    ],
    // alice is at IAM's limit of two; bob has room for another.
    listSigningCertificates: async (user) =>
      [
        {
          id: 'AAAABBBBCCCCDDDD1',
          status: 'Active',
          notAfter: '2036-01-01T00:00:00Z',
          expiryState: 'ok',
          sha256: 'ab'.repeat(32),
        },
        {
          id: 'EEEEFFFFGGGGHHHH2',
          status: 'Inactive',
          notAfter: '2036-01-01T00:00:00Z',
          expiryState: 'ok',
          sha256: 'cd'.repeat(32),
        },
      ].slice(0, user === 'alice' ? 2 : 1) as never,
    listGroups: async () => [{ name: 'ops', path: '/', arn: 'arn:aws:iam::111122223333:group/ops', id: 'AGPA1' }],
    // Keys are pressed for what they do on screen: an export or a create must never write into the working tree.
    writeFiles: async () => undefined,
    planRotation: async (request) => rotationPlan(request.old, 'cert-4'),
    runRotation: async (_request, plan, onProgress) => {
      onProgress([{ id: 'verify', label: `Nothing serves ${plan.old.name} any more`, status: 'done' }]);
      return { ok: true, steps: [{ id: 'verify', label: `Nothing serves ${plan.old.name} any more`, status: 'done' }] };
    },
    radar: async (people) => ({
      people,
      notes: [],
      items: [
        {
          kind: 'server-certificate',
          store: 'IAM',
          account: '111122223333',
          name: 'cert-0',
          id: serverRows[0]!.arn,
          date: serverRows[0]!.expiration,
          days: 40,
          reason: 'expires-soon',
          action: 'rotate',
          slot: 'slot-0',
        },
        {
          kind: 'access-key',
          store: 'IAM',
          account: '111122223333',
          name: 'alice',
          id: 'access key 1',
          date: '2026-01-01T00:00:00.000Z',
          days: 300,
          reason: 'key-old',
          action: 'rotate-access-key',
          slot: 'slot-1',
        },
      ],
    }),
    describeAcmCertificate: async (arn) => ({
      arn,
      region: 'us-east-1',
      domain: 'shop.example.com',
      names: ['shop.example.com'],
      status: 'ISSUED',
      type: 'IMPORTED',
      keyType: 'RSA_2048',
      exportable: false,
      keyUsages: [],
      extendedKeyUsages: [],
      inUseBy: [],
    }),
    listManagedPolicies: async () =>
      ['AmazonEC2ReadOnlyAccess', 'AmazonEC2FullAccess', 'IAMReadOnlyAccess'].map((name) => ({
        name,
        arn: `arn:aws:iam::aws:policy/${name}`,
      })),
  });
}

interface Case {
  name: string;
  route: Route;
  /** Keys to reach the state, each waited for; then the text that says it is reached. */
  steps?: string[];
  ready: string;
}

export const CASES: Case[] = [
  { name: 'home', route: { screen: 'home' }, ready: 'Create key & certificate' },
  { name: 'server inventory', route: { screen: 'servers' }, ready: '5 of 5 ·' },
  { name: 'inventory filter line', route: { screen: 'servers' }, steps: ['/', 'c'], ready: 'filter "c"' },
  {
    name: 'inventory delete confirmation',
    route: { screen: 'servers' },
    steps: ['d'],
    ready: 'Type cert-0 to confirm',
  },
  { name: 'inventory rename form', route: { screen: 'servers' }, steps: ['e'], ready: 'Rename or move' },
  { name: 'inventory export form', route: { screen: 'servers' }, steps: ['x'], ready: 'Export the body' },
  { name: 'server details', route: { screen: 'server-details', name: 'cert-0' }, ready: 'ARN' },
  { name: 'server upload form', route: { screen: 'server-upload' }, ready: 'Certificate' },
  { name: 'expiry radar', route: { screen: 'radar' }, ready: '2 of 2' },
  { name: 'ACM import form', route: { screen: 'acm-import' }, ready: 'Re-import ARN' },
  {
    name: 'ACM details',
    route: {
      screen: 'acm-details',
      arn: 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-1111-1111-1111-111111111111',
    },
    ready: 'shop.example.com',
  },
  {
    name: 'server upload form, its field left with Esc',
    route: { screen: 'server-upload' },
    steps: ['\u001b'],
    ready: 'edit the field again',
  },
  { name: 'signing: users', route: { screen: 'signing' }, ready: 'alice' },
  { name: "signing: a user's certificates", route: { screen: 'signing-user', user: 'alice' }, ready: 'AAAABBBB' },
  { name: 'signing: at the limit', route: { screen: 'signing-user', user: 'alice' }, ready: 'at the limit' },
  {
    name: 'signing: upload a file',
    route: { screen: 'signing-user', user: 'bob' },
    steps: ['u'],
    ready: 'Certificate file',
  },
  {
    name: 'signing: deactivate confirmation',
    route: { screen: 'signing-user', user: 'alice' },
    steps: ['a'],
    ready: 'Type AAAABBBB to confirm',
  },
  { name: 'create: purpose', route: { screen: 'create' }, ready: 'What is the certificate for?' },
  { name: 'create: subject', route: { screen: 'create' }, steps: ['\r', '\r'], ready: 'Subject (all optional' },
  {
    name: 'create: where to save',
    route: { screen: 'create' },
    steps: ['\r', '\r', '\r', '\r', '\r', '\r', '\r', '\r', '\r'],
    ready: 'Where to save',
  },
  { name: 'inspect: file picker', route: { screen: 'inspect' }, ready: 'File:' },
  {
    name: 'inspect: report',
    route: { screen: 'inspect', path: fx.path('bag-attributes.pem') },
    ready: 'PEM, 4 items',
  },
  {
    name: 'inspect: actions',
    route: { screen: 'inspect', path: fx.path('bag-attributes.pem') },
    steps: ['a'],
    ready: 'What should happen',
  },
  { name: 'onboard: group', route: { screen: 'onboard' }, ready: 'Create a new group' },
  {
    name: 'onboard: policies',
    route: { screen: 'onboard' },
    steps: ['\r', 'newgroup', '\r'],
    ready: 'IAMReadOnlyAccess',
  },
  {
    name: 'inspect: passphrase',
    route: { screen: 'inspect', path: fx.path('modern.p12') },
    ready: 'protected by a passphrase',
  },
  { name: 'rotate: pick the new certificate', route: { screen: 'rotate', name: 'cert-0' }, ready: '4 of 4' },
  { name: 'rotate: from files', route: { screen: 'rotate', name: 'cert-0' }, steps: ['f'], ready: 'Private key' },
  {
    name: 'rotate: the plan',
    route: { screen: 'rotate', name: 'cert-0' },
    steps: ['\r'],
    ready: 'Moved from the old to the new (1)',
  },
  {
    name: 'rotate: typed confirmation',
    route: { screen: 'rotate', name: 'cert-0' },
    steps: ['\r', '\r'],
    ready: 'Type cert-0 to confirm',
  },
  {
    name: 'rotate: done',
    route: { screen: 'rotate', name: 'cert-0' },
    steps: ['\r', '\r', 'cert-0', '\r'],
    ready: 'Rotated: everything',
  },
  { name: 'help over the inventory', route: { screen: 'servers' }, steps: ['?'], ready: 'Help: server certificates' },
  { name: 'command line', route: { screen: 'servers' }, steps: [':'], ready: 'certs' },
];

/** Quitting ends the app (the tmux tests check the terminal after it); the editing keys have their own tests. */
const NOT_HERE = new Set(['ctrl-c', ...LINE_KEYS.flatMap((entry) => entry.keys)]);

/** Keys bound nowhere in the app. */
const STRANGERS = ['z', 'Z', '%', '1', 'ctrl-t', 'ctrl-g'];
const isText = (key: string) => key.length === 1;

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/**
 * The app at the case's state, quiet. Every wait is for an event (the frame changed, the app went idle),
 * never for a stretch of time: a key that changes nothing is known to have changed nothing once the app
 * has done all the work it caused.
 */
async function reach(entry: Case) {
  let shown: ShownKeys = { rows: [], help: [], typing: false };
  const activity = trackActivity(services());
  const instance = render(
    <App
      services={activity.services}
      size={{ columns: 80, rows: 24 }}
      initialRoute={entry.route}
      onShownKeys={(keys) => (shown = keys)}
    />,
  );
  unmount = () => {
    instance.unmount();
    activity.stop();
  };
  const frame = () => stripVTControlCharacters(instance.lastFrame() ?? '');
  const until = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 5_000;
    await activity.idle();
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${frame()}`);
      await activity.idle();
      if (!check()) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await until(() => instance.stdin.listenerCount('readable') > 0, 'input');
  for (const step of entry.steps ?? []) {
    await until(() => shown.rows.length > 0, 'keys');
    const before = frame();
    instance.stdin.write(step);
    await until(() => frame() !== before, `the frame to answer ${JSON.stringify(step)}`);
  }
  await until(() => frame().includes(entry.ready) && shown.rows.length > 0, entry.ready);
  const pressChanges = async (key: string): Promise<boolean> => {
    const before = instance.lastFrame();
    instance.stdin.write(sequenceFor(key));
    await activity.idle();
    return instance.lastFrame() !== before;
  };
  return { frame, shown: () => shown, pressChanges };
}

/** Key names back from how the help writes them: '↑/↓ j/k' → up, down, j, k. */
function keysOf(display: string): string[] {
  if (display === '/') return ['/'];
  const arrows: Record<string, string> = { '↑': 'up', '↓': 'down', '←': 'left', '→': 'right' };
  return display
    .split(/[ /]/)
    .filter(Boolean)
    .map((part) => arrows[part] ?? part);
}

/** One table-driven check per case; the cases are split over two files so they run side by side. */
export function checkKeymaps(cases: Case[]): void {
  describe('every screen and modal: the keymap is the truth', () => {
    for (const entry of cases) {
      it(`${entry.name}: each advertised key answers, the footer and the help agree, and no other key does anything`, async () => {
        const first = await reach(entry);
        const rows = first.shown().rows;
        const typing = first.shown().typing;
        // The footer shows the keymap's footer keys (or what fits of them, then "? more").
        const footer = first.frame().trimEnd().split('\n').at(-1)!;
        const footerKeys = rows.filter(([, , inFooter]) => inFooter).map(([key]) => key);
        expect(footerKeys.length).toBeGreaterThan(0);
        const hints = rows.filter(([, , inFooter]) => inFooter).map(([key, label]) => [key, label] as [string, string]);
        expect(footer.trim()).toBe(
          fitHints(hints, 80)
            .map(([key, label]) => `${key} ${label}`)
            .join('  '),
        );
        // The help (where ? is a key here) lists every row of the keymap, each key with its label.
        if (!typing && rows.some(([key]) => key === '?')) {
          await first.pressChanges('?');
          // Taller than the screen, the help scrolls: read it to the end.
          let help = first.frame();
          while (await first.pressChanges('down')) help += first.frame();
          for (const [key, label] of rows)
            expect(help).toMatch(
              new RegExp(
                `${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${label.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
              ),
            );
        }
        unmount?.();
        const keys = rows.flatMap(([display]) => keysOf(display)).filter((key) => !NOT_HERE.has(key));
        for (const key of keys) {
          const fresh = await reach(entry);
          // Quitting from home ends the app: the app is gone, which the tmux tests check by exit code.
          if (key === 'q' && entry.route.screen === 'home' && !entry.steps) continue;
          expect(await fresh.pressChanges(key), `${entry.name}: ${key} (advertised) changed nothing`).toBe(true);
          unmount?.();
        }
        const bound = new Set(keys);
        const strangers = STRANGERS.filter((key) => !bound.has(key) && !(typing && isText(key)));
        const last = await reach(entry);
        for (const key of strangers)
          expect(await last.pressChanges(key), `${entry.name}: ${key} is in no keymap, yet it changed the frame`).toBe(
            false,
          );
      });
    }
  });
}
