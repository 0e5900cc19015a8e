import type { PreflightReport } from './server-certificate.js';
import type { Finding } from './rules.js';

export type CheckState = 'ok' | 'error' | 'warning' | 'pending';

export interface Check {
  label: string;
  state: CheckState;
  /** The first finding behind an error or warning. */
  finding?: Finding;
  /** Why a pending check could not run yet. */
  why?: string;
}

interface Rule {
  label: string;
  codes: RegExp;
  /** Which input must be there for the rule to be checked at all. */
  needs: Array<'certificate' | 'privateKey' | 'name' | 'path'>;
  /** The rule that reads this input; the others that need it wait until it could be read. */
  reads?: 'certificate' | 'privateKey';
}

const RULES: Rule[] = [
  { label: 'Name is one IAM accepts', codes: /^NAME_/, needs: ['name'] },
  { label: 'Path is one IAM accepts ("/", or /cloudfront/…/ for CloudFront)', codes: /^PATH_/, needs: ['path'] },
  {
    label: 'Certificate is one PEM certificate',
    codes: /^CERT_(NOT_PEM|UNREADABLE|MISSING|IS_PRIVATE_KEY|HAS_CHAIN|EXTRA_TEXT|TOO_LONG|DAMAGED)$/,
    needs: ['certificate'],
    reads: 'certificate',
  },
  { label: 'Certificate is valid now', codes: /^CERT_(EXPIRED|NOT_YET_VALID)$/, needs: ['certificate'] },
  { label: 'Key type and size accepted by IAM', codes: /^KEY_(TYPE_UNSUPPORTED|WEAK)$/, needs: ['certificate'] },
  {
    label: 'Private key is PEM and unencrypted',
    codes: /^KEY_(NOT_PEM|UNREADABLE|MISSING|MULTIPLE|EXTRA_ITEMS|EXTRA_TEXT|TOO_LONG|ENCRYPTED|DAMAGED)$/,
    needs: ['privateKey'],
    reads: 'privateKey',
  },
  { label: 'Private key matches the certificate', codes: /^KEY_MISMATCH$/, needs: ['certificate', 'privateKey'] },
  { label: 'Chain present and in order, issuer first', codes: /^CHAIN_/, needs: ['certificate'] },
];

/** The preflight as a checklist: each rule is pending until its inputs are given, then ok, warning or error. */
export function preflightChecklist(
  report: PreflightReport | undefined,
  given: { certificate: boolean; privateKey: boolean; name: boolean; path: boolean },
): Check[] {
  return RULES.filter(
    (rule) => !(rule.needs.includes('name') && !given.name) && !(rule.needs.includes('path') && !given.path),
  ).map((rule) => {
    if (!report || rule.needs.some((input) => !given[input])) return { label: rule.label, state: 'pending' };
    // A check that depends on an input that could not be read did not run: never a ✓ for it.
    const unread = (['certificate', 'privateKey'] as const).find(
      (input) =>
        rule.needs.includes(input) &&
        rule.reads !== input &&
        (input === 'certificate' ? !report.certificate : !report.key),
    );
    if (unread)
      return {
        label: rule.label,
        state: 'pending',
        why: `not checked: the ${unread === 'certificate' ? 'certificate' : 'private key'} could not be read`,
      };
    // An encrypted key cannot be compared with anything until it is opened: never a ✓ for the match.
    if (rule.needs.includes('privateKey') && rule.reads !== 'privateKey' && report.key && !report.key.spkiSha256)
      return {
        label: rule.label,
        state: 'pending',
        why: `not checked: the private key is ${report.key.encrypted ? 'encrypted' : 'not readable'}`,
      };
    const findings = report.findings.filter((finding) => rule.codes.test(finding.code) && finding.severity !== 'note');
    const error = findings.find((finding) => finding.severity === 'error');
    if (error) return { label: rule.label, state: 'error', finding: error };
    const warning = findings.find((finding) => finding.severity === 'warning');
    if (warning) return { label: rule.label, state: 'warning', finding: warning };
    // A self-signed certificate has no issuer to send: a ✓ for a "chain present" would say what is not there.
    if (rule.codes.test('CHAIN_') && report.chain.length === 0 && report.certificate?.selfSigned)
      return { label: 'Chain: none needed, the certificate is self-signed', state: 'ok' };
    return { label: rule.label, state: 'ok' };
  });
}
