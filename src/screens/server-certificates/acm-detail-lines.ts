import type { AcmDetails } from '../../core/acm/describe.js';
import { keyTypeWords } from '../../core/acm/key-types.js';
import { describeExpiry } from '../../core/time/expiry.js';
import { labelled, type ReportLine } from '../../widgets/report/report-lines.js';

const day = (iso: string | undefined) => iso?.slice(0, 10) ?? '?';

/**
 * An ACM certificate's facts as label and value, in the order a person asks for them; then all ACM says uses it, each
 * labelled this account's, another's or AWS's.
 */
export function acmDetailLines(details: AcmDetails, now: Date): ReportLine[] {
  const renewal =
    details.type === 'IMPORTED'
      ? 'imported: renew it yourself by re-importing (the ARN stays)'
      : `${details.renewalEligibility === 'ELIGIBLE' ? 'ACM renews it' : 'not eligible for managed renewal'}${details.renewalStatus ? ` (${details.renewalStatus})` : ''}`;
  const facts: Array<[string, string]> = [
    ['ARN', details.arn],
    ['region', details.region],
    ['domain', details.domain],
    ['names', details.names.join(', ') || '(none)'],
    ['status', `${details.status}${details.failureReason ? ` (${details.failureReason})` : ''}`],
    ['type', details.type],
    ['key', keyTypeWords(details.keyType)],
    [
      'valid',
      `${day(details.notBefore)} to ${day(details.notAfter)}${details.notAfter ? `, ${describeExpiry(new Date(details.notAfter), now)}` : ''}`,
    ],
    ['renewal', renewal],
    ['export', details.exportable ? 'exportable (certificate and key)' : 'not exportable: the key stays in ACM'],
    ...(details.issuer ? ([['issuer', details.issuer]] as Array<[string, string]>) : []),
    ['usages', [...details.keyUsages, ...details.extendedKeyUsages].join(', ') || '(none listed)'],
  ];
  const usedBy =
    details.inUseBy.length === 0
      ? [labelled('used by', 'nothing, as ACM sees it')]
      : details.inUseBy.map((user, index) =>
          labelled(
            index === 0 ? 'used by' : '',
            `${user.arn} (${user.whose === 'this account' ? user.service : `${user.whose}, ${user.service}`})`,
          ),
        );
  return [...facts.map(([label, value]) => labelled(label, value)), ...usedBy];
}
