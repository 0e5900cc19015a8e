import type { Consumer, ScanNote } from '../usage/consumers.js';
import type { RotationCheck } from './checks.js';
import type { RetirementRecord } from './journal.js';
import type { SniRecord } from './sni-journal.js';

/** A rotation as plain data (no SDK here: the app's screens import these). */

export type RetireMode = 'rename' | 'delete' | 'keep';

/** The certificate that takes over: one already in IAM, or files that are uploaded first. */
export type RotationTarget =
  | { kind: 'existing'; name: string }
  | {
      kind: 'files';
      name?: string;
      certificate: Buffer;
      privateKey: Buffer;
      chain?: Buffer;
      allowMissingChain?: boolean;
    };

export interface RotationRequest {
  old: string;
  to: RotationTarget;
  retire: RetireMode;
  /** The account acted on (for the journal and the confirmation). */
  account: string;
  regions?: string[];
  concurrency?: number;
  now?: Date;
  /** Where the retirement journal lives; the default is ~/.iamcert. */
  journalHome?: string;
}

export interface CertificateRef {
  name: string;
  path: string;
  arn?: string;
  id?: string;
  expiration?: string;
  sha256?: string;
  names: string[];
}

export interface RotationPlan {
  old: CertificateRef;
  incoming: CertificateRef & { key: string; upload: boolean };
  /** Consumers still on the old certificate: each is moved to the new one. */
  swaps: Consumer[];
  /** Consumers already on the new one (an earlier run moved them, or they were there before). */
  alreadyOnNew: Consumer[];
  /** Listeners an earlier run stopped between replacing the default and putting back the SNI list. */
  restores: SniRecord[];
  checks: RotationCheck[];
  retire: { mode: RetireMode; as?: string };
  /** Where usage could not be looked at: retiring the old certificate waits until it can be. */
  notes: ScanNote[];
  regions: string[];
  /** No check stops it. */
  ready: boolean;
  /** Set when an earlier run already retired the old certificate: nothing is left to do. */
  finished?: RetirementRecord;
}
