import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { motoEndpoint } from '../helpers/iam.js';
import { motoEnvironment, startMoto, type Moto } from '../helpers/moto.js';
import { openssl } from '../helpers/openssl.js';
import { fixtures, PASSPHRASE, STORE_PASSWORD } from '../helpers/use-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-acm-'));
let second: Moto;
const SECOND_ACCOUNT = '222222222222';
const FIRST_ACCOUNT = '123456789012';

/** Two accounts as profiles in a config file, each with its own endpoint_url, and a third whose endpoint refuses. */
function accountsConfig(): string {
  const path = join(work, 'config');
  const profile = (name: string, endpoint: string, region: string) =>
    `[profile ${name}]\nregion = ${region}\nendpoint_url = ${endpoint}\naws_access_key_id = testing\naws_secret_access_key = testing\n`;
  writeFileSync(
    path,
    [
      profile('first', motoEndpoint(), 'eu-west-1'),
      profile('second', second.endpoint, 'us-east-1'),
      profile('broken', 'http://127.0.0.1:9', 'us-east-1'),
      profile('first-again', motoEndpoint(), 'us-east-1'),
    ].join('\n'),
  );
  return path;
}

/** The profiles' own credentials, regions and endpoints, and nothing from the environment that would win over them. */
const env = (): NodeJS.ProcessEnv => ({
  ...motoEnvironment(),
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_CONFIG_FILE: join(work, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
});
const iamcert = (...args: string[]) => runCli(args, { env: env() });
const aws = (profile: string, ...args: string[]) =>
  JSON.parse(
    execFileSync('aws', [...args, '--profile', profile, '--output', 'json'], {
      env: Object.fromEntries(Object.entries({ ...process.env, ...env() }).filter((entry) => entry[1] !== undefined)),
    }).toString(),
  );

/** A self-signed certificate and key of the given kind, valid `days` more days. */
function certificate(name: string, keyArgs: string[], days: number, cn = `${name}.example.com`) {
  const key = join(work, `${name}.key`);
  const cert = join(work, `${name}.pem`);
  openssl([
    'req',
    '-x509',
    ...keyArgs,
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    String(days),
    '-subj',
    `/CN=${cn}`,
  ]);
  return { key, cert };
}

beforeAll(async () => {
  second = await startMoto({ MOTO_ACCOUNT_ID: SECOND_ACCOUNT });
  accountsConfig();
  writeFileSync(join(work, 'pass'), `${PASSPHRASE}\n`);
  writeFileSync(join(work, 'store-pass'), `${STORE_PASSWORD}\n`);
});
afterAll(async () => {
  await second?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('ACM import and re-import, checked with the AWS CLI', () => {
  it('imports from a PFX, and the same certificate from a Java keystore into another region', async () => {
    const pfx = await iamcert(
      'import',
      fx.path('modern.p12'),
      '--passphrase-file',
      join(work, 'pass'),
      '--profile',
      'first',
      '--json',
    );
    expect(pfx.code, pfx.stderr).toBe(0);
    const imported = JSON.parse(pfx.stdout);
    expect(imported).toMatchObject({ region: 'eu-west-1', alreadyThere: false, account: FIRST_ACCOUNT });
    const described = aws(
      'first',
      'acm',
      'describe-certificate',
      '--certificate-arn',
      imported.arn,
      '--region',
      'eu-west-1',
    );
    expect(described.Certificate).toMatchObject({
      DomainName: 'www.example.com',
      Type: 'IMPORTED',
      KeyAlgorithm: 'RSA_2048',
    });

    const again = await iamcert(
      'import',
      fx.path('modern.p12'),
      '--passphrase-file',
      join(work, 'pass'),
      '--profile',
      'first',
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/in ACM already in eu-west-1; nothing was imported/);
    const listed = aws('first', 'acm', 'list-certificates', '--region', 'eu-west-1', '--includes', 'keyTypes=RSA_2048');
    expect(
      listed.CertificateSummaryList.filter((row: { DomainName: string }) => row.DomainName === 'www.example.com'),
    ).toHaveLength(1);

    if (!fx.keystores) return console.warn('SKIPPED the Java keystore import: keytool is not installed');
    const jks = await iamcert(
      'import',
      fx.path('store.jks'),
      '--passphrase-file',
      join(work, 'store-pass'),
      '--profile',
      'first',
      '--region',
      'us-east-1',
      '--json',
    );
    expect(jks.code, jks.stderr).toBe(0);
    expect(JSON.parse(jks.stdout)).toMatchObject({ region: 'us-east-1', alreadyThere: false });
  });

  it('a re-import renews in place (same ARN, new expiry); one with another key type is refused before any call', async () => {
    const old = certificate(
      'renew-old',
      ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
      20,
      'renew.example.com',
    );
    const first = JSON.parse((await iamcert('import', old.cert, old.key, '--profile', 'second', '--json')).stdout);
    const renewed = certificate(
      'renew-new',
      ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
      400,
      'renew.example.com',
    );
    const unconfirmed = await iamcert('import', renewed.cert, renewed.key, '--arn', first.arn, '--profile', 'second');
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/ACM keeps no copy of the certificate it holds now/);
    const done = await iamcert('import', renewed.cert, renewed.key, '--arn', first.arn, '--profile', 'second', '--yes');
    expect(done.code, done.stderr).toBe(0);
    const after = aws('second', 'acm', 'describe-certificate', '--certificate-arn', first.arn, '--region', 'us-east-1');
    expect(new Date(after.Certificate.NotAfter * 1000).getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);

    const rsa = certificate('renew-rsa', ['-newkey', 'rsa:2048'], 400, 'renew.example.com');
    const refused = await iamcert('import', rsa.cert, rsa.key, '--arn', first.arn, '--profile', 'second', '--yes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/REIMPORT_KEY_TYPE_CHANGED.*EC P-384.*RSA 2048/);
    expect(refused.stderr).toMatch(/nothing was sent/);
    const unchanged = aws(
      'second',
      'acm',
      'describe-certificate',
      '--certificate-arn',
      first.arn,
      '--region',
      'us-east-1',
    );
    expect(unchanged.Certificate.KeyAlgorithm).toBe('EC_secp384r1');
  });
});

describe('every account: the inventory and the radar', () => {
  beforeAll(() => {
    // Every key type ACM holds, in the second account.
    for (const [name, args] of [
      ['k-rsa1024', ['-newkey', 'rsa:1024']],
      ['k-rsa3072', ['-newkey', 'rsa:3072']],
      ['k-ec256', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']],
      ['k-ec521', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-521']],
    ] as const) {
      const made = certificate(name, [...args], 200);
      aws(
        'second',
        'acm',
        'import-certificate',
        '--certificate',
        `fileb://${made.cert}`,
        '--private-key',
        `fileb://${made.key}`,
      );
    }
    const soon = certificate('soon', ['-newkey', 'rsa:2048'], 10);
    aws(
      'second',
      'acm',
      'import-certificate',
      '--certificate',
      `fileb://${soon.cert}`,
      '--private-key',
      `fileb://${soon.key}`,
    );
    aws('first', 'iam', 'create-user', '--user-name', 'radar-user');
    aws('first', 'iam', 'create-access-key', '--user-name', 'radar-user');
  });

  it('list --all-profiles: both accounts, every key type, the unreachable profile a row of its own, exit 3', async () => {
    const result = await iamcert('list', '--all-profiles');
    expect(result.code, result.stderr).toBe(3);
    for (const words of ['RSA 1024', 'RSA 3072', 'EC P-256', 'EC P-384', 'EC P-521', 'RSA 2048'])
      expect(result.stdout).toContain(words);
    expect(result.stdout).toMatch(new RegExp(`^${FIRST_ACCOUNT}\\s+ACM eu-west-1\\s+www.example.com`, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^${SECOND_ACCOUNT}\\s+ACM us-east-1\\s+soon.example.com`, 'm'));
    expect(result.stdout).toMatch(/^\(broken\)\s+—\s+NOT READ\s+UNREACHABLE\s+profile broken$/m);
    expect(result.stderr).toMatch(/could not read profile broken: UNREACHABLE/);
    // first-again reaches the first account: read once.
    expect(result.stderr).toMatch(/profile first-again reach account 123456789012, read once through profile first/);
  });

  it('list --json: one entry per certificate and one per account not read', async () => {
    const result = await iamcert('list', '--profile', 'second,broken', '--json');
    const rows = JSON.parse(result.stdout);
    expect(rows.filter((row: { store?: string }) => row.store === 'ACM').length).toBeGreaterThanOrEqual(6);
    expect(rows.find((row: { error?: unknown }) => row.error)).toMatchObject({
      profile: 'broken',
      error: { code: 'UNREACHABLE' },
    });
  });

  it('expiring --within 30 exits 1 with what is due, and writes a calendar a parser reads and a textfile promtool passes', async () => {
    const ics = join(work, 'radar.ics');
    const prom = join(work, 'radar.prom');
    const result = await iamcert(
      'expiring',
      '--profile',
      'first,second',
      '--within',
      '30',
      '--ics',
      ics,
      '--prometheus',
      prom,
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `expires in (9|10) days\\s+ACM certificate soon.example.com\\s+${SECOND_ACCOUNT}\\s+us-east-1\\s+iamcert import NEW\\.pem NEW-KEY\\.pem CHAIN\\.pem --arn arn:aws:acm:us-east-1:`,
      ),
    );
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(ics, 'utf8')));
    const summaries = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event).summary);
    expect(summaries).toContain('ACM certificate soon.example.com expires');
    expect(summaries).toContain('Rotate access key 1 of radar-user');
    const text = readFileSync(prom, 'utf8');
    expect(text).toMatch(
      /iamcert_access_key_created_timestamp_seconds\{account="123456789012",user="radar-user",slot="1"\} \d+/,
    );
    if (spawnSync('sh', ['-c', 'command -v promtool']).status !== 0)
      return console.warn('SKIPPED promtool check metrics: promtool is not installed');
    const check = spawnSync('promtool', ['check', 'metrics'], { input: text });
    expect(check.status, check.stderr.toString()).toBe(0);
  });

  it("the credential report is IAM's own: the users iamcert read are those aws iam get-credential-report gives", async () => {
    const result = await iamcert('expiring', '--profile', 'first', '--json', '--max-key-age', '0');
    expect(result.code, result.stderr).not.toBe(3);
    aws('first', 'iam', 'generate-credential-report');
    const report = Buffer.from(aws('first', 'iam', 'get-credential-report').Content, 'base64').toString();
    expect(report).toContain('radar-user');
    expect(JSON.parse(result.stdout).accounts[0]).toMatchObject({
      account: FIRST_ACCOUNT,
      reportGenerated: expect.any(String),
    });
  });

  it('with an unreachable profile, expiring exits 3 and still reports both accounts', async () => {
    const result = await iamcert('expiring', '--all-profiles', '--json');
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout);
    expect(report.accounts.map((account: { account: string }) => account.account).sort()).toEqual([
      FIRST_ACCOUNT,
      SECOND_ACCOUNT,
    ]);
    expect(report.unread).toEqual([expect.objectContaining({ profile: 'broken', code: 'UNREACHABLE' })]);
    expect(report.due.some((item: { name: string }) => item.name === 'soon.example.com')).toBe(true);
  });

  it('usage --profile first,second,broken: each account under its own line, the broken one NOT READ, exit 3', async () => {
    const result = await iamcert('usage', '--profile', 'first,second,broken', '--regions', 'us-east-1');
    expect(result.code, result.stderr).toBe(3);
    expect(result.stdout).toContain(`== profile first (account ${FIRST_ACCOUNT}) ==`);
    expect(result.stdout).toContain(`== profile second (account ${SECOND_ACCOUNT}) ==`);
    expect(result.stdout).toMatch(/== profile broken.*NOT READ \(UNREACHABLE\) ==/);
  });

  it('expiring --usage says what serves each due certificate', async () => {
    const result = await iamcert('expiring', '--profile', 'second', '--usage', '--json');
    const soon = JSON.parse(result.stdout).due.find((item: { name: string }) => item.name === 'soon.example.com');
    expect(soon).toMatchObject({ servedBy: '—' });
  });

  it('a usage error exits 2', async () => {
    const result = await iamcert('expiring', '--within', 'soon');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error NUMBER_INVALID/);
  });
});
