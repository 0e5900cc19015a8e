import { describe, expect, it } from 'vitest';
import { parseCredentialReport } from '../../../src/core/iam/credential-report.js';

// The header and a root row as IAM writes them (IAM User Guide, "Getting credential reports").
const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const ROOT =
  '<root_account>,arn:aws:iam::111111111111:root,2020-01-01T00:00:00+00:00,not_supported,2026-11-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const ALICE =
  'alice,arn:aws:iam::111111111111:user/alice,2024-05-01T10:00:00+00:00,false,N/A,N/A,N/A,false,true,2024-05-01T10:00:05+00:00,2026-12-01T08:00:00+00:00,us-east-1,iam,false,2025-01-01T00:00:00+00:00,N/A,N/A,N/A,true,2024-05-01T10:00:09+00:00,false,N/A';

describe('the IAM credential report', () => {
  it('reads access keys and signing certificate slots per user; the root row is left out', () => {
    expect(parseCredentialReport([HEADER, ROOT, ALICE, ''].join('\n'))).toEqual([
      {
        user: 'alice',
        arn: 'arn:aws:iam::111111111111:user/alice',
        created: '2024-05-01T10:00:00.000Z',
        accessKeys: [
          { slot: 1, active: true, lastRotated: '2024-05-01T10:00:05.000Z', lastUsed: '2026-12-01T08:00:00.000Z' },
          { slot: 2, active: false, lastRotated: '2025-01-01T00:00:00.000Z' },
        ],
        signingCertificates: 1,
      },
    ]);
  });

  it('a report without the columns used, or with a line of the wrong width, is not an AWS answer', () => {
    expect(() => parseCredentialReport('user,arn\nalice,arn')).toThrow(/access_key_1_active/);
    expect(() => parseCredentialReport(`${HEADER}\n${ALICE},extra`)).toThrow(
      expect.objectContaining({ code: 'ANSWER_NOT_FROM_AWS' }),
    );
    expect(() => parseCredentialReport('<html>captive portal</html>')).toThrow(
      expect.objectContaining({ code: 'ANSWER_NOT_FROM_AWS' }),
    );
  });
});
