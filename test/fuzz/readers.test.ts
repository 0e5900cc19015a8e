import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IamcertError } from '../../src/core/errors.js';
import { MAX_INPUT_BYTES, readItems } from '../../src/core/formats/read.js';
import { preflightServerCertificate } from '../../src/core/preflight/server-certificate.js';
import { checkProperty, FUZZ_SCALE, FUZZ_SEED, withinCaseLimit } from '../helpers/fuzz.js';
import { fixtures, PASSPHRASE } from '../helpers/use-fixtures.js';

/**
 * Property tests of every reader. CI runs 10,000 cases in all from a fixed seed (test/helpers/fuzz.ts);
 * `npm run fuzz` sets FUZZ_SCALE for a longer, random run. The invariant: a reader returns items or throws a
 * clean IamcertError ({code, message, fix}), never anything else, and answers each input within the case limit.
 */
const fx = fixtures();
console.log(`fuzz: seed ${FUZZ_SEED} (FUZZ_SEED replays another), scale ${FUZZ_SCALE}, fixtures in ${fx.dir}`);
/** The number of runs is what bounds a property; vitest's own timeout (0: none) would be a wall-clock budget. */
const NO_BUDGET = 0;
/**
 * Every fixture but firefox-like.p12: it asks for 600,000 rounds of PKCS#12's own KDF by design, so a case built on
 * it spends its second in the derivation, not in the parser (legacy.p12 has the same structure at 2,048 rounds, and
 * exact-and-edges opens it whole). The readers' counting of rounds is fuzzed through the length and flip mutations.
 */
const SLOW_BY_DESIGN = new Set(['firefox-like.p12']);
const corpus = readdirSync(fx.dir)
  .filter((name) => /\.(pem|der|key|p12|p7b|p7|csr|pub|jks|jceks)$/.test(name) && !SLOW_BY_DESIGN.has(name))
  .map((name) => readFileSync(join(fx.dir, name)));

let slowest = { ms: 0, size: 0 };

async function expectCleanOutcome(bytes: Uint8Array, passphrase?: string): Promise<void> {
  const started = performance.now();
  await withinCaseLimit(`reading ${bytes.length} bytes`, () => expectItemsOrCleanError(bytes, passphrase));
  const ms = performance.now() - started;
  if (ms > slowest.ms) slowest = { ms, size: bytes.length };
}

async function expectItemsOrCleanError(bytes: Uint8Array, passphrase?: string): Promise<void> {
  try {
    const result = await readItems(Buffer.from(bytes), { passphrase });
    expect(Array.isArray(result.items)).toBe(true);
  } catch (error) {
    if (!(error instanceof IamcertError))
      throw new Error(`not a clean error: ${String(error)} for ${bytes.length} bytes`, { cause: error });
    expect(error.code).toMatch(/^[A-Z0-9_]+$/);
    expect(error.message).not.toMatch(/\n/);
  }
}

const mutation = fc.oneof(
  // bit flips
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
    count: fc.integer({ min: 1, max: 8 }),
  }),
  // truncation
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  // absurd DER length right after a tag
  fc.record({
    kind: fc.constant('length' as const),
    at: fc.nat(),
    length: fc.constantFrom([0x84, 0xff, 0xff, 0xff, 0xff], [0x89, 1, 2, 3], [0x80], [0x82, 0xff, 0xff]),
  }),
  // deep nesting around the whole input
  fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 5000 }) }),
  // splice two corpus files (PEM blocks of one inside the other)
  fc.record({ kind: fc.constant('splice' as const), other: fc.nat(), at: fc.nat() }),
);

function mutate(input: Buffer, change: { kind: string } & Record<string, unknown>): Buffer {
  const bytes = Buffer.from(input);
  switch (change.kind) {
    case 'flip':
      for (let index = 0; index < (change.count as number); index += 1) {
        const at = ((change.at as number) + index * 7919) % bytes.length;
        bytes[at] = bytes[at]! ^ (1 << (change.bit as number));
      }
      return bytes;
    case 'truncate':
      return bytes.subarray(0, (change.at as number) % bytes.length);
    case 'length': {
      const at = (change.at as number) % bytes.length;
      return Buffer.concat([bytes.subarray(0, at + 1), Buffer.from(change.length as number[]), bytes.subarray(at + 2)]);
    }
    case 'nest': {
      let nested = Buffer.from(bytes);
      for (let level = 0; level < (change.depth as number); level += 1)
        nested = Buffer.concat([Buffer.from([0x30, 0x80]), nested, Buffer.from([0, 0])]);
      return nested;
    }
    default: {
      const other = corpus[(change.other as number) % corpus.length]!;
      const at = (change.at as number) % bytes.length;
      return Buffer.concat([bytes.subarray(0, at), other, bytes.subarray(at)]);
    }
  }
}

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;
const mutated = (pick: number, change: Mutation) => mutate(corpus[pick % corpus.length]!, change);

describe('fuzzing the readers', () => {
  it(
    'random bytes give items or a clean error',
    async () => {
      await checkProperty(
        'random bytes',
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), (bytes) => expectCleanOutcome(bytes)),
        4000,
        Buffer.from,
      );
    },
    NO_BUDGET,
  );

  it(
    'random text with PEM armour gives items or a clean error',
    async () => {
      const label = fc.constantFrom(
        'CERTIFICATE',
        'PRIVATE KEY',
        'RSA PRIVATE KEY',
        'EC PRIVATE KEY',
        'ENCRYPTED PRIVATE KEY',
        'PKCS7',
        'CERTIFICATE REQUEST',
        'PUBLIC KEY',
      );
      const block = fc
        .tuple(label, fc.uint8Array({ maxLength: 2048 }), fc.string({ maxLength: 40 }))
        .map(
          ([name, body, noise]) =>
            `${noise}\n-----BEGIN ${name}-----\n${Buffer.from(body).toString('base64')}\n-----END ${name}-----\n`,
        );
      const blocks = fc.array(block, { minLength: 1, maxLength: 4 });
      const joined = (parts: string[]) => Buffer.from(parts.join(''));
      await checkProperty(
        'PEM armour',
        fc.asyncProperty(blocks, (parts) => expectCleanOutcome(joined(parts))),
        1000,
        joined,
      );
    },
    NO_BUDGET,
  );

  it(
    'mutated real files (flips, truncations, absurd lengths, deep nesting, splices) give items or a clean error',
    async () => {
      await checkProperty(
        'mutated files',
        // Read as given, then with the fixtures' passphrase, so the decryption of a damaged key or PFX is fuzzed too
        // (DES, RC2 and the key derivations, not only the parsers before them).
        fc.asyncProperty(fc.tuple(fc.nat(), mutation, fc.boolean()), ([pick, change, withPassphrase]) =>
          expectCleanOutcome(mutated(pick, change), withPassphrase ? PASSPHRASE : undefined),
        ),
        4500,
        ([pick, change]) => mutated(pick, change),
      );
    },
    NO_BUDGET,
  );

  it(
    'the preflight never throws on random inputs: it reports findings',
    async () => {
      await checkProperty(
        'preflight',
        fc.asyncProperty(fc.tuple(fc.nat(), fc.nat(), mutation), ([certificate, key, change]) =>
          withinCaseLimit('a preflight', async () => {
            const report = await preflightServerCertificate({
              certificate: mutated(certificate, change),
              privateKey: corpus[key % corpus.length]!,
            });
            expect(typeof report.ok).toBe('boolean');
          }),
        ),
        500,
        ([certificate, , change]) => mutated(certificate, change),
      );
    },
    NO_BUDGET,
  );

  it('a failing property prints the seed and path that replay it, and saves the failing input', async () => {
    const planted = () =>
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), async (bytes) => {
        if (bytes[0]! > 200) throw new Error('a planted failure');
      });
    const report = await checkProperty('planted', planted(), 200, Buffer.from).then(
      () => 'passed',
      (error: Error) => error.message,
    );
    const [, seed, path] = /Replay: FUZZ_SEED=(-?\d+) FUZZ_PATH=(\S+)/.exec(report) ?? [];
    const saved = /The failing input: (\S+)/.exec(report)?.[1];
    expect(seed && path && saved, report).toBeTruthy();
    // Replayed from the printed seed and path alone: the same input fails on the first run.
    const replay = await fc.check(planted(), { seed: Number(seed), path, endOnFailure: true });
    expect(replay.failed).toBe(true);
    expect(replay.numRuns).toBe(1);
    expect(Buffer.from(replay.counterexample![0])).toEqual(readFileSync(saved!));
  });

  it('huge inputs are refused by size with a clear error, and memory stays bounded', async () => {
    const before = process.memoryUsage().rss;
    for (const size of [MAX_INPUT_BYTES - 1, MAX_INPUT_BYTES + 1, 20 * 1024 * 1024])
      await expectCleanOutcome(Buffer.alloc(size, 0x30));
    await expect(readItems(Buffer.alloc(MAX_INPUT_BYTES + 1))).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
    console.log(`fuzz: slowest single input took ${slowest.ms.toFixed(1)} ms (${slowest.size} bytes)`);
  });
});
