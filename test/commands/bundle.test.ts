import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Every file the chunk loads before its first line runs: its static imports, followed. */
function staticGraph(start: string): string[] {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/import\s*(?:[\w*{}\s,$]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g))
      stack.push(join(dirname(file), match[1]!));
  }
  return [...seen];
}

describe("the app's first frame loads no AWS client but IAM's and STS's", () => {
  it('the start chunk and everything it imports statically hold no ACM, load balancer, CloudFront or EC2 client', () => {
    const start = readdirSync(join(DIST, 'chunks')).find((name) => name.startsWith('start-'));
    expect(start, 'dist/chunks/start-*.js (npm run build)').toBeDefined();
    const files = staticGraph(join(DIST, 'chunks', start!));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const client of ['CertificateManager', 'ElasticLoadBalancing', 'CloudFrontClient', 'EC2Client'])
        expect(text.includes(client), `${client} in ${file}`).toBe(false);
    }
  });

  it('nor commander: the app is started before any command is built, and the program loads only for a command', () => {
    const start = readdirSync(join(DIST, 'chunks')).find((name) => name.startsWith('start-'));
    const files = [...staticGraph(join(DIST, 'cli.js')), ...staticGraph(join(DIST, 'chunks', start!))];
    const commander = files.filter((file) => readFileSync(file, 'utf8').includes('node_modules/commander/'));
    expect(commander.map((file) => file.slice(DIST.length))).toEqual([]);
  });

  it('nor any screen but Home: the others are read once Home is drawn', () => {
    const start = readdirSync(join(DIST, 'chunks')).find((name) => name.startsWith('start-'));
    const files = staticGraph(join(DIST, 'chunks', start!));
    const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    const screens = [...text.matchAll(/^\/\/ src\/screens\/[\w-]+\/(\w+Screen)\.tsx$/gm)].map((match) => match[1]);
    expect(screens).toEqual(['HomeScreen']);
  });

  it('nor node-forge: reading and checking files loads it when a file is opened, not before Home is drawn', () => {
    const start = readdirSync(join(DIST, 'chunks')).find((name) => name.startsWith('start-'));
    const files = staticGraph(join(DIST, 'chunks', start!));
    const forge = files.filter((file) => readFileSync(file, 'utf8').includes('node_modules/node-forge/lib/forge.js'));
    expect(forge.map((file) => file.slice(DIST.length))).toEqual([]);
  });
});

describe('Ink measures text through the one-column fast path', () => {
  it('every string-width in the bundle is reached through its wrapper (scripts/one-column-width-plugin.mjs)', () => {
    const chunks = readdirSync(join(DIST, 'chunks')).map((name) => readFileSync(join(DIST, 'chunks', name), 'utf8'));
    const text = chunks.join('\n');
    const widths = [...text.matchAll(/^\/\/ (node_modules\/(?:.+\/)?string-width\/index\.js)$/gm)].map((m) => m[1]);
    const wrappers = [...text.matchAll(/^\/\/ one-column-width:(.+)$/gm)].map((m) => m[1]);
    expect(widths.length).toBeGreaterThan(0);
    expect(wrappers.sort()).toEqual(widths.sort());
  });
});
