import { describe, expect, it } from 'vitest';
import { prometheusTextfile } from '../../../src/core/radar/prometheus.js';
import { NOW, twoAccounts } from './fixtures.js';

const samples = (text: string, metric: string) => text.split('\n').filter((line) => line.startsWith(`${metric}{`));

describe('the radar as a node-exporter textfile', () => {
  it('absolute expiry timestamps per certificate, labelled by store, account, region and name', () => {
    const text = prometheusTextfile(twoAccounts(), [], { now: NOW });
    const expiries = samples(text, 'iamcert_certificate_not_after_timestamp_seconds');
    expect(expiries).toHaveLength(6);
    expect(expiries).toContain(
      'iamcert_certificate_not_after_timestamp_seconds{store="ACM",account="111111111111",region="us-east-1",name="shop.example.com",id="arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111"} 1797336000',
    );
    expect(text).toContain('# TYPE iamcert_certificate_not_after_timestamp_seconds gauge');
  });

  it('an account that could not be read reports 0, so an alert can fire on a blind spot', () => {
    const text = prometheusTextfile(twoAccounts(), [{ profile: 'broken', code: 'UNREACHABLE', message: '', fix: '' }], {
      now: NOW,
    });
    expect(samples(text, 'iamcert_account_read_success')).toEqual([
      'iamcert_account_read_success{account="111111111111",profile="prod"} 1',
      'iamcert_account_read_success{account="222222222222"} 1',
      'iamcert_account_read_success{account="",profile="broken"} 0',
    ]);
  });

  it('label values from outside are escaped: quotes, backslashes and line breaks stay inside the label', () => {
    const held = twoAccounts();
    held[0]!.acm[0]!.domain = 'evil"} 1\nforged_metric{a="b';
    const text = prometheusTextfile(held, [], { now: NOW });
    expect(text.split('\n').some((line) => line.startsWith('forged_metric'))).toBe(false);
    expect(text).toContain('name="evil\\"} 1\\nforged_metric{a=\\"b"');
  });
});
