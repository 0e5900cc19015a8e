import { fail, worded } from '../errors.js';

/** An ACM certificate ARN's parts; anything else is refused before a call (so no region or name comes unchecked). */
export function parseAcmArn(arn: string): { partition: string; region: string; account: string; id: string } {
  const match = /^arn:(aws[a-z-]*):acm:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):certificate\/([0-9a-f-]{36})$/.exec(arn);
  if (!match)
    fail(
      'ARN_INVALID',
      `"${arn.length > 80 ? `${arn.slice(0, 80)}…` : arn}" is not an ACM certificate ARN.`,
      worded(
        'Give the ARN iamcert list shows, e.g. arn:aws:acm:us-east-1:123456789012:certificate/…',
        'Give the ARN Server certificates shows, e.g. arn:aws:acm:us-east-1:123456789012:certificate/…',
      ),
    );
  return { partition: match[1]!, region: match[2]!, account: match[3]!, id: match[4]! };
}
