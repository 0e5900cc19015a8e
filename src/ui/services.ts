import type { Created, CreateRequest } from '../core/crypto/create.js';
import type { AcmListing } from '../core/acm/list.js';
import type { AcmDetails } from '../core/acm/describe.js';
import type { RadarView } from '../core/radar/radar-view.js';
import type { Everywhere } from '../core/accounts/everywhere.js';
import type { AcmImportCheck, AcmImportOptions } from '../core/acm/import-check.js';
import type { AcmImport, AcmImportResult } from '../core/acm/import.js';
import type { FolderEntry } from '../core/files/path-completion.js';
import type { FileToWrite } from '../core/files/safe-write.js';
import type { Problem } from '../core/errors.js';
import type { ConvertRequest } from '../core/formats/convert.js';
import type { Item, ReadResult } from '../core/formats/items.js';
import type { Relations } from '../core/crypto/chain.js';
import type { AccessKeyRow } from '../core/iam/access-keys.js';
import type { Identity } from '../core/iam/identity-facts.js';
import type { ServerCertificateRow } from '../core/iam/server-certificate-list.js';
import type {
  ServerCertificateDetails,
  UploadResult,
  UploadServerCertificateInput,
} from '../core/iam/server-certificates.js';
import type { SigningCertificateRow } from '../core/iam/signing-certificates.js';
import type { SigningPairMade } from '../core/signing-pair.js';
import type { ManagedPolicy } from '../core/iam/managed-policies.js';
import type { NamedEntity } from '../core/iam/users-and-groups.js';
import type { OnboardOptions, OnboardRequest, OnboardResult } from '../core/onboard.js';
import type { InputFile, PreparedUpload, PrepareOptions } from '../core/prepare.js';
import type { PreflightReport, ServerCertificateInput } from '../core/preflight/server-certificate.js';
import type { ServedBy } from '../core/usage/served-by.js';
import type { RotationPlan, RotationRequest } from '../core/rotation/plan-types.js';
import type { RotationResult, RotationStep } from '../core/rotation/steps.js';

/**
 * Everything the screens do, as plain async functions over the core. The app
 * gets the real ones; screen tests hand in stubs or moto-backed ones.
 */
export interface Services {
  /** Tells each AWS call that waits long or is sent again, as a line for the footer; returns how to stop listening. */
  onWaiting?(listener: (line: string) => void): () => void;
  whoAmI(signal?: AbortSignal): Promise<Identity>;
  listServerCertificates(signal?: AbortSignal, onPage?: (rows: number) => void): Promise<ServerCertificateRow[]>;
  getServerCertificate(name: string, signal?: AbortSignal): Promise<ServerCertificateDetails>;
  /** ACM in the profile's region and us-east-1, every key type; a region that fails is a note. */
  listAcmCertificates(signal?: AbortSignal): Promise<AcmListing>;
  describeAcmCertificate(arn: string, signal?: AbortSignal): Promise<AcmDetails>;
  /** ACM's rules (and re-import rules over an ARN) on these files, made into clean PEM; nothing is imported. */
  checkAcmImport(files: InputFile[], options: AcmImportOptions): Promise<AcmImportCheck>;
  importToAcm(request: AcmImport, signal?: AbortSignal): Promise<AcmImportResult>;
  /** IAM and ACM in the account of every profile in the AWS config files, each read once. */
  inventoryEverywhere(signal?: AbortSignal): Promise<Everywhere>;
  /** What is due in the account: certificates only (fast), or with users' keys and signing certificates too. */
  radar(people: boolean, signal?: AbortSignal): Promise<RadarView>;
  uploadServerCertificate(input: UploadServerCertificateInput, signal?: AbortSignal): Promise<UploadResult>;
  renameServerCertificate(
    name: string,
    change: { newName?: string; newPath?: string },
    signal?: AbortSignal,
  ): Promise<void>;
  deleteServerCertificate(name: string, signal?: AbortSignal): Promise<void>;
  /** Who serves these certificates: load balancers in every enabled region, and CloudFront. */
  servedBy(certificates: Array<{ arn: string; id: string }>, signal?: AbortSignal): Promise<ServedBy>;
  /** What rotating one certificate to another would do, read afresh from AWS; nothing changes. */
  planRotation(request: RotationRequest, signal?: AbortSignal): Promise<RotationPlan>;
  /** Carries out a plan, telling each step as it goes. */
  runRotation(
    request: RotationRequest,
    plan: RotationPlan,
    onProgress: (steps: RotationStep[]) => void,
    signal?: AbortSignal,
  ): Promise<RotationResult>;
  listUsers(signal?: AbortSignal): Promise<NamedEntity[]>;
  listGroups(signal?: AbortSignal): Promise<NamedEntity[]>;
  listManagedPolicies(signal?: AbortSignal): Promise<ManagedPolicy[]>;
  listSigningCertificates(user: string, signal?: AbortSignal): Promise<SigningCertificateRow[]>;
  uploadSigningCertificate(user: string, body: Buffer | string, signal?: AbortSignal): Promise<SigningCertificateRow>;
  setSigningCertificateStatus(
    user: string,
    id: string,
    status: 'Active' | 'Inactive',
    signal?: AbortSignal,
  ): Promise<void>;
  deleteSigningCertificate(user: string, id: string, signal?: AbortSignal): Promise<void>;
  /** A new key and signing certificate in ~/.ec2 (beside any earlier pair), the certificate uploaded for the user. */
  createSigningPair(user: string, signal?: AbortSignal): Promise<SigningPairMade>;
  listAccessKeys(user: string, signal?: AbortSignal): Promise<AccessKeyRow[]>;
  runOnboarding(request: OnboardRequest, options: OnboardOptions): Promise<OnboardResult>;
  /**
   * What would stop this onboarding before any call (a bad name, a key offered as the certificate); undefined when
   * nothing.
   */
  checkOnboarding(request: OnboardRequest): Promise<Problem | undefined>;
  readFile(path: string): Promise<Buffer>;
  /** A folder's entries for the path field (folders first); none when it cannot be read. */
  listFolder(path: string): Promise<FolderEntry[]>;
  /** keyPassphrase: a Java keystore key entry's own password. */
  readItems(bytes: Buffer, passphrase?: string, keyPassphrase?: string): Promise<ReadResult>;
  /** Which key belongs to which certificate, and the chain from the leaf (signatures checked: off the first frame). */
  relationsOf(items: Item[]): Promise<Relations>;
  convert(result: ReadResult, request: ConvertRequest): Promise<Buffer>;
  prepare(files: InputFile[], options: PrepareOptions): Promise<PreparedUpload>;
  preflight(input: ServerCertificateInput): Promise<PreflightReport>;
  createKeyAndCertificate(request: CreateRequest): Promise<Created>;
  writeFiles(files: FileToWrite[], options: { force?: boolean }): Promise<void>;
  /** Paths that exist already, so the screen can ask before replacing them. */
  existingPaths(paths: string[]): Promise<string[]>;
}
