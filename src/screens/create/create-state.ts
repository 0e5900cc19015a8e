import { defaultOutDir } from '../../core/crypto/created-files.js';
import type { KeyType } from '../../core/crypto/create.js';
import { isDnsName } from '../../core/crypto/dns-name.js';
import { fixInApp, type Problem } from '../../core/errors.js';
import { checkName } from '../../core/preflight/rules.js';
import { lastFolder } from '../../ui/remembered-folders.js';

export type Purpose = 'signing' | 'server' | 'csr';
export type CreateStep =
  'purpose' | 'key-type' | 'subject' | 'validity' | 'output' | 'overwrite' | 'creating' | 'result';

export const SUBJECT_FIELDS = [
  ['CN', 'Common name (host or person)'],
  ['O', 'Organisation'],
  ['OU', 'Unit'],
  ['L', 'City'],
  ['ST', 'State'],
  ['C', 'Country (2 letters)'],
] as const;
export type SubjectField = (typeof SUBJECT_FIELDS)[number][0];

export interface CreatedFiles {
  keyPath: string;
  certificatePath: string;
  sha256?: string;
  exportLines: string[];
}

export interface CreateState {
  step: CreateStep;
  purpose: Purpose;
  keyType: KeyType;
  subject: Record<SubjectField, string>;
  dnsNames: string;
  days: string;
  outDir: string;
  name: string;
  keyFormat: 'pkcs8' | 'pkcs1';
  /** The name was typed: it is kept; otherwise it follows the common name. */
  nameTyped: boolean;
  existing: string[];
  /** Said with the files that exist: what replacing them would lose beyond the files (a signing key in use). */
  existingNote?: string;
  created?: CreatedFiles;
  problem?: Problem;
}

export type CreateAction =
  | { type: 'purpose'; purpose: Purpose }
  | { type: 'key-type'; keyType: KeyType }
  | { type: 'subject'; field: SubjectField; value: string }
  | { type: 'dns-names'; value: string }
  | { type: 'days'; value: string }
  | { type: 'out-dir'; value: string }
  | { type: 'name'; value: string }
  | { type: 'key-format'; value: 'pkcs8' | 'pkcs1' }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'existing'; paths: string[]; note?: string }
  | { type: 'creating' }
  | { type: 'created'; files: CreatedFiles }
  | { type: 'failed'; problem: Problem };

const DEFAULTS: Record<Purpose, { days: string; outDir: () => string; name: string }> = {
  signing: { days: '3650', outDir: defaultOutDir, name: 'amazon' },
  server: { days: '365', outDir: () => lastFolder('create'), name: 'server' },
  csr: { days: '', outDir: () => lastFolder('create'), name: 'server' },
};

export function initialCreateState(purpose?: Purpose): CreateState {
  const chosen = purpose ?? 'signing';
  return {
    step: purpose ? 'key-type' : 'purpose',
    purpose: chosen,
    keyType: 'rsa2048',
    subject: { CN: '', O: '', OU: '', L: '', ST: '', C: '' },
    dnsNames: '',
    days: DEFAULTS[chosen].days,
    outDir: DEFAULTS[chosen].outDir(),
    name: DEFAULTS[chosen].name,
    keyFormat: 'pkcs8',
    nameTyped: false,
    existing: [],
  };
}

/** The file name part a subject suggests: "shop.example.com" from its CN or first DNS name ("*." as "wildcard."). */
export function nameFromSubject(state: Pick<CreateState, 'subject' | 'dnsNames'>): string | undefined {
  const host = state.subject.CN.trim() || dnsNameList(state.dnsNames)[0];
  if (!host) return undefined;
  const name = host
    .replace(/^\*\./, 'wildcard.')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return name || undefined;
}

/** A server certificate or a request with no subject and no names: a CA and a browser have nothing to match. */
function nothingToName(state: CreateState): string | undefined {
  if (state.purpose === 'signing' || subjectString(state.subject) || dnsNameList(state.dnsNames).length > 0)
    return undefined;
  return state.purpose === 'csr'
    ? 'a CA signs a name: give the common name or a DNS name'
    : 'a server certificate needs the host it serves: give the common name or a DNS name';
}

function stepsFor(purpose: Purpose): CreateStep[] {
  return purpose === 'csr'
    ? ['purpose', 'key-type', 'subject', 'output']
    : ['purpose', 'key-type', 'subject', 'validity', 'output'];
}

/** "/CN=x/O=y" from the fields filled in; blank fields are left out ("/" escaped in values). */
export function subjectString(subject: Record<SubjectField, string>): string {
  return SUBJECT_FIELDS.map(([field]) => [field, subject[field].trim()] as const)
    .filter(([, value]) => value)
    .map(([field, value]) => `/${field}=${value.replace(/\//g, '\\/')}`)
    .join('');
}

export function dnsNameList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/**
 * The common name, when no DNS name was typed and it is a host name (shop.example.com): browsers and curl match a
 * server's name against the DNS names alone, and CAs take the request's names from there. Not for a signing
 * certificate, whose subject names a person or nothing.
 */
export function commonNameAsDnsName(state: Pick<CreateState, 'purpose' | 'subject' | 'dnsNames'>): string | undefined {
  const cn = state.subject.CN.trim();
  if (state.purpose === 'signing' || dnsNameList(state.dnsNames).length > 0) return undefined;
  return cn.includes('.') && isDnsName(cn) ? cn : undefined;
}

/** The DNS names the certificate or request asks for: those typed, or the common name standing in for them. */
export function namesAskedFor(state: Pick<CreateState, 'purpose' | 'subject' | 'dnsNames'>): string[] {
  const cn = commonNameAsDnsName(state);
  return cn ? [cn] : dnsNameList(state.dnsNames);
}

/** The subject field's problem, said as it is typed (the core refuses the same when the key is made). */
export function subjectFieldProblem(field: string, value: string): string | undefined {
  if (field === 'C' && value !== '' && !/^[A-Za-z]{2}$/.test(value))
    return 'two letters, the ISO country code (US, GB, DE)';
  return undefined;
}

export function validityProblem(days: string): string | undefined {
  const value = Number(days);
  return Number.isInteger(value) && value >= 1 && value <= 36_500
    ? undefined
    : 'a whole number of days from 1 to 36500';
}

/**
 * The name becomes pk-NAME.pem and cert-NAME.pem in the folder above it: one file name, never a path (a "/" would
 * make folders inside it). IAM's characters, as the signing recipe's user names are.
 */
export function fileNameProblem(name: string): string | undefined {
  const problem = checkName(name);
  return problem ? `${problem.message} ${fixInApp(problem)} The folder goes in the field above.` : undefined;
}

export function createReducer(state: CreateState, action: CreateAction): CreateState {
  switch (action.type) {
    case 'purpose': {
      const fresh = initialCreateState(action.purpose);
      return { ...fresh, step: 'key-type' };
    }
    case 'key-type':
      return { ...state, keyType: action.keyType, step: 'subject' };
    case 'subject':
      return { ...state, subject: { ...state.subject, [action.field]: action.value }, problem: undefined };
    case 'dns-names':
      return { ...state, dnsNames: action.value };
    case 'days':
      return { ...state, days: action.value, problem: undefined };
    case 'out-dir':
      return { ...state, outDir: action.value };
    case 'name':
      return { ...state, name: action.value, nameTyped: true };
    case 'key-format':
      return { ...state, keyFormat: action.value };
    case 'next': {
      // Refused with the reason where the user looks, never silently.
      const blocked =
        state.step === 'output'
          ? fileNameProblem(state.name)
          : state.step === 'validity'
            ? validityProblem(state.days)
            : state.step === 'subject'
              ? (Object.entries(state.subject)
                  .map(([field, value]) => subjectFieldProblem(field, value))
                  .find(Boolean) ?? nothingToName(state))
              : undefined;
      if (blocked)
        return {
          ...state,
          problem: {
            code: 'FIELD_NOT_VALID',
            message: `Not yet: ${blocked}`,
            fix: 'Correct the field marked ✗, then press Enter again.',
          },
        };
      const steps = stepsFor(state.purpose);
      const index = steps.indexOf(state.step);
      if (index < 0 || index >= steps.length - 1) return state;
      const suggested = state.step === 'subject' && !state.nameTyped ? nameFromSubject(state) : undefined;
      return {
        ...state,
        step: steps[index + 1]!,
        problem: undefined,
        ...(suggested && state.purpose !== 'signing' ? { name: suggested } : {}),
      };
    }
    case 'back': {
      if (state.step === 'overwrite') return { ...state, step: 'output', existing: [], existingNote: undefined };
      const steps = stepsFor(state.purpose);
      const index = steps.indexOf(state.step);
      return index > 0 ? { ...state, step: steps[index - 1]!, problem: undefined } : state;
    }
    case 'existing':
      return {
        ...state,
        existing: action.paths,
        existingNote: action.note,
        step: action.paths.length > 0 ? 'overwrite' : state.step,
      };
    case 'creating':
      return { ...state, step: 'creating', problem: undefined };
    case 'created':
      return { ...state, step: 'result', created: action.files };
    case 'failed':
      return { ...state, step: 'output', problem: action.problem };
  }
}
