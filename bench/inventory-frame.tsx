// Filter keystroke → next frame, with 5,000 rows in the inventory. bench/run.mjs bundles this
// file with the app, so the app and ink-testing-library share one copy of Ink and React.
import React from 'react';
import { render } from 'ink-testing-library';
import { App } from '../src/app/App.js';
import { realServices } from '../src/app/real-services.js';
import type { Services } from '../src/ui/services.js';
import type { ServerCertificateRow } from '../src/core/iam/server-certificate-list.js';
import { median } from './harness.mjs';

const DAY = 86_400_000;
const rows: ServerCertificateRow[] = Array.from({ length: 5000 }, (_, index) => ({
  name: `cert-${index}`,
  path: index % 3 ? '/' : '/cloudfront/',
  id: `ASCA${index}`,
  arn: `arn:aws:iam::111122223333:server-certificate/cert-${index}`,
  uploadDate: '2026-01-01T00:00:00.000Z',
  expiration: new Date(Date.now() + index * DAY).toISOString(),
  expiryState: 'ok' as const,
}));
const services: Services = {
  ...realServices({}),
  whoAmI: async () => ({ account: '111122223333', arn: 'arn', endpoint: 'AWS', region: 'us-east-1' }),
  listServerCertificates: async () => rows,
};
const instance = render(
  React.createElement(App, { services, size: { columns: 120, rows: 40 }, initialRoute: { screen: 'servers' } }),
);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const settle = async () => {
  for (let round = 0; round < 3; round += 1) await new Promise((resolve) => setImmediate(resolve));
};
const deadline = Date.now() + 30_000;
while (!(instance.lastFrame() ?? '').includes('5000 of 5000')) {
  if (Date.now() > deadline) throw new Error(`the inventory never showed 5000 rows:\n${instance.lastFrame()}`);
  await pause(10);
}
await settle();
instance.stdin.write('/');
await pause(50);
const timings: number[] = [];
for (const character of '1234567890'.repeat(2)) {
  await settle();
  const before = instance.frames.length;
  const started = process.hrtime.bigint();
  instance.stdin.write(character);
  while (instance.frames.length === before) await new Promise((resolve) => setImmediate(resolve));
  timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  if (timings.length % 4 === 0) {
    instance.stdin.write('\u007F'.repeat(4));
    await pause(50);
  }
}
instance.unmount();
process.stdout.write(JSON.stringify({ median: median(timings) }));
process.exit(0);
