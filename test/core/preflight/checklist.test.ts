import { describe, expect, it } from 'vitest';
import { preflightChecklist } from '../../../src/core/preflight/checklist.js';
import { preflightServerCertificate } from '../../../src/core/preflight/server-certificate.js';
import { matchingPolicies } from '../../../src/core/iam/managed-policies.js';
import { fixtures } from '../../helpers/use-fixtures.js';

const fx = fixtures();

describe('the preflight checklist', () => {
  it('never ticks a check that could not run: with an unreadable certificate, what depends on it waits, saying why', async () => {
    const report = await preflightServerCertificate({
      certificate: 'not a certificate',
      privateKey: fx.read('rsa2048.key'),
    });
    const checks = preflightChecklist(report, { certificate: true, privateKey: true, name: false, path: false });
    const state = (label: RegExp) => checks.find((check) => label.test(check.label))!;
    expect(state(/one PEM certificate/).state).toBe('error');
    for (const label of [/valid now/, /Key type/, /matches the certificate/, /Chain present/]) {
      expect(state(label).state, String(label)).toBe('pending');
      expect(state(label).why, String(label)).toMatch(/could not be read/);
    }
    expect(state(/PEM and unencrypted/).state).toBe('ok');
  });

  it('never ticks "matches" for an encrypted key, which belongs to another certificate here', async () => {
    // enc-other.key is an EC key under a passphrase; selfsigned.pem is for rsa2048.key.
    const report = await preflightServerCertificate({
      certificate: fx.read('selfsigned.pem'),
      privateKey: fx.read('enc-other.key'),
    });
    const checks = preflightChecklist(report, { certificate: true, privateKey: true, name: false, path: false });
    const state = (label: RegExp) => checks.find((check) => label.test(check.label))!;
    expect(state(/PEM and unencrypted/).state).toBe('error');
    expect(state(/matches the certificate/)).toMatchObject({
      state: 'pending',
      why: 'not checked: the private key is encrypted',
    });
  });

  it('says a self-signed certificate needs no chain instead of ticking "chain present"; an issued one with its chain is ticked', async () => {
    const alone = await preflightServerCertificate({
      certificate: fx.read('selfsigned.pem'),
      privateKey: fx.read('rsa2048.key'),
    });
    const labels = (report: typeof alone) =>
      preflightChecklist(report, { certificate: true, privateKey: true, name: false, path: false })
        .filter((check) => /[Cc]hain/.test(check.label))
        .map((check) => `${check.state} ${check.label}`);
    expect(labels(alone)).toEqual(['ok Chain: none needed, the certificate is self-signed']);
    const issued = await preflightServerCertificate({
      certificate: fx.read('leaf.pem'),
      privateKey: fx.read('rsa2048.key'),
      chain: fx.read('chain.pem'),
    });
    expect(labels(issued)).toEqual(['ok Chain present and in order, issuer first']);
  });
});

describe('policy search', () => {
  it('puts an exact name first', () => {
    const policies = ['AmazonEC2FullAccessWithExtras', 'AmazonEC2FullAccess', 'ReadOnlyAccess'].map((name) => ({
      name,
      arn: `arn:aws:iam::aws:policy/${name}`,
    }));
    expect(matchingPolicies(policies, 'amazonec2fullaccess').map((policy) => policy.name)).toEqual([
      'AmazonEC2FullAccess',
      'AmazonEC2FullAccessWithExtras',
    ]);
  });
});
