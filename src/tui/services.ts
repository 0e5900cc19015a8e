import type { Created, CreateRequest } from '../core/crypto/create.js';
import type { FileToWrite } from '../core/files/safe-write.js';
import { toProblem, type Problem } from '../core/errors.js';
import type { ConvertRequest } from '../core/formats/convert.js';
import type { ReadResult } from '../core/formats/items.js';
import type { AccessKeyRow } from '../core/iam/access-keys.js';
import type { ConnectionOptions, IamClients } from '../core/iam/client.js';
import type { Identity } from '../core/iam/identity-facts.js';
import type { ServerCertificateRow } from '../core/iam/server-certificate-list.js';
import type { ServerCertificateDetails, UploadResult, UploadServerCertificateInput } from '../core/iam/server-certificates.js';
import type { SigningCertificateRow } from '../core/iam/signing-certificates.js';
import type { ManagedPolicy } from '../core/iam/managed-policies.js';
import type { NamedEntity } from '../core/iam/users-and-groups.js';
import type { OnboardOptions, OnboardRequest, OnboardResult } from '../core/onboard.js';
import type { InputFile, PreparedUpload, PrepareOptions } from '../core/prepare.js';
import type { PreflightReport, ServerCertificateInput } from '../core/preflight/server-certificate.js';

/**
 * Everything the screens do, as plain async functions over the core. The app
 * gets the real ones; screen tests hand in stubs or moto-backed ones.
 */
export interface Services {
  whoAmI(signal?: AbortSignal): Promise<Identity>;
  listServerCertificates(signal?: AbortSignal, onPage?: (rows: number) => void): Promise<ServerCertificateRow[]>;
  getServerCertificate(name: string, signal?: AbortSignal): Promise<ServerCertificateDetails>;
  uploadServerCertificate(input: UploadServerCertificateInput, signal?: AbortSignal): Promise<UploadResult>;
  renameServerCertificate(name: string, change: { newName?: string; newPath?: string }, signal?: AbortSignal): Promise<void>;
  deleteServerCertificate(name: string, signal?: AbortSignal): Promise<void>;
  listUsers(signal?: AbortSignal): Promise<NamedEntity[]>;
  listGroups(signal?: AbortSignal): Promise<NamedEntity[]>;
  listManagedPolicies(signal?: AbortSignal): Promise<ManagedPolicy[]>;
  listSigningCertificates(user: string, signal?: AbortSignal): Promise<SigningCertificateRow[]>;
  uploadSigningCertificate(user: string, body: Buffer | string, signal?: AbortSignal): Promise<SigningCertificateRow>;
  setSigningCertificateStatus(user: string, id: string, status: 'Active' | 'Inactive', signal?: AbortSignal): Promise<void>;
  deleteSigningCertificate(user: string, id: string, signal?: AbortSignal): Promise<void>;
  listAccessKeys(user: string, signal?: AbortSignal): Promise<AccessKeyRow[]>;
  runOnboarding(request: OnboardRequest, options: OnboardOptions): Promise<OnboardResult>;
  /** What would stop this onboarding before any call (a bad name, a key offered as the certificate); undefined when nothing. */
  checkOnboarding(request: OnboardRequest): Promise<Problem | undefined>;
  readFile(path: string): Promise<Buffer>;
  readItems(bytes: Buffer, passphrase?: string): Promise<ReadResult>;
  convert(result: ReadResult, request: ConvertRequest): Promise<Buffer>;
  prepare(files: InputFile[], options: PrepareOptions): Promise<PreparedUpload>;
  preflight(input: ServerCertificateInput): Promise<PreflightReport>;
  createKeyAndCertificate(request: CreateRequest): Promise<Created>;
  writeFiles(files: FileToWrite[], options: { force?: boolean }): Promise<void>;
  /** Paths that exist already, so the screen can ask before replacing them. */
  existingPaths(paths: string[]): Promise<string[]>;
}

/** The real services: the core, with the SDK and the heavy parsers loaded only when first used. */
export function realServices(connection: ConnectionOptions): Services {
  let clients: Promise<IamClients> | undefined;
  const iam = () => (clients ??= import('../core/iam/client.js').then(({ createIamClients }) => createIamClients(connection)));
  const serverCertificates = () => import('../core/iam/server-certificates.js');
  const signing = () => import('../core/iam/signing-certificates.js');
  const usersAndGroups = () => import('../core/iam/users-and-groups.js');
  return {
    whoAmI: async (signal) => (await import('../core/iam/identity.js')).whoAmI(await iam(), signal),
    listServerCertificates: async (signal, onPage) => (await import('../core/iam/server-certificate-list.js')).listServerCertificates(await iam(), { signal, onPage }),
    getServerCertificate: async (name, signal) => (await serverCertificates()).getServerCertificate(await iam(), name, { signal }),
    uploadServerCertificate: async (input, signal) => (await serverCertificates()).uploadServerCertificate(await iam(), input, signal),
    renameServerCertificate: async (name, change, signal) => (await serverCertificates()).renameServerCertificate(await iam(), name, change, signal),
    deleteServerCertificate: async (name, signal) => (await serverCertificates()).deleteServerCertificate(await iam(), name, signal),
    listUsers: async (signal) => (await usersAndGroups()).listUsers(await iam(), signal),
    listGroups: async (signal) => (await usersAndGroups()).listGroups(await iam(), signal),
    listManagedPolicies: async (signal) => (await usersAndGroups()).listManagedPolicies(await iam(), signal),
    listSigningCertificates: async (user, signal) => (await signing()).listSigningCertificates(await iam(), user, { signal }),
    uploadSigningCertificate: async (user, body, signal) => (await signing()).uploadSigningCertificate(await iam(), user, body, { signal }),
    setSigningCertificateStatus: async (user, id, status, signal) => (await signing()).setSigningCertificateStatus(await iam(), user, id, status, signal),
    deleteSigningCertificate: async (user, id, signal) => (await signing()).deleteSigningCertificate(await iam(), user, id, signal),
    listAccessKeys: async (user, signal) => (await import('../core/iam/access-keys.js')).listAccessKeys(await iam(), user, signal),
    runOnboarding: async (request, options) => (await import('../core/onboard.js')).runOnboarding(await iam(), request, options),
    checkOnboarding: async (request) => {
      const { validateOnboarding } = await import('../core/onboard.js');
      return validateOnboarding(request).then(
        () => undefined,
        (error: unknown) => toProblem(error),
      );
    },
    readFile: async (path) => (await import('../core/files/read-input.js')).readInputFile(path),
    readItems: async (bytes, passphrase) => (await import('../core/formats/read.js')).readItems(bytes, { passphrase }),
    convert: async (result, request) => (await import('../core/formats/convert.js')).convertItems(result, request),
    prepare: async (files, options) => (await import('../core/prepare.js')).prepareForIamUpload(files, options),
    preflight: async (input) => (await import('../core/preflight/server-certificate.js')).preflightServerCertificate(input),
    createKeyAndCertificate: async (request) => (await import('../core/crypto/create.js')).createKeyAndCertificate(request),
    writeFiles: async (files, options) => (await import('../core/files/safe-write.js')).writeFilesSafely(files, options),
    existingPaths: async (paths) => (await import('../core/files/existing.js')).existingPaths(paths),
  };
}
