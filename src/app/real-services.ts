import type { ConnectionOptions, IamClients } from '../core/iam/client.js';
import { toProblem } from '../core/errors.js';
import { waitingLine } from '../core/aws/waiting.js';
import type { Services } from '../ui/services.js';
import type { Account } from '../core/accounts/accounts.js';

/** The real services: the core, with the SDK and the heavy parsers loaded only when first used. */
export function realServices(given: ConnectionOptions): Services {
  // A call unanswered for a few seconds, or sent again, is told to whoever listens (the footer).
  const listeners = new Set<(line: string) => void>();
  const connection: ConnectionOptions = {
    ...given,
    onWaiting: (event) => {
      const line = waitingLine(event);
      for (const listener of listeners) listener(line);
    },
  };
  // A named profile's endpoint_url and region, which the SDK reads only for AWS_PROFILE's, come in first.
  let settled: Promise<ConnectionOptions> | undefined;
  const withProfile = () =>
    (settled ??= given.profile
      ? import('../core/accounts/profiles.js').then(({ withProfileSettings }) => withProfileSettings(connection))
      : Promise.resolve(connection));
  let clients: Promise<IamClients> | undefined;
  const iam = () =>
    (clients ??= Promise.all([import('../core/iam/client.js'), withProfile()]).then(([{ createIamClients }, options]) =>
      createIamClients(options),
    ));
  const serverCertificates = () => import('../core/iam/server-certificates.js');
  // The load balancer, CloudFront and EC2 SDKs load only when a screen first asks who serves what.
  let serving: Promise<import('../core/usage/serving-clients.js').ServingClients> | undefined;
  const servingClients = () =>
    (serving ??= Promise.all([import('../core/usage/serving-clients.js'), withProfile()]).then(
      ([{ createServingClients }, options]) => createServingClients(options),
    ));
  // The radar's account, asked of STS once: Home reads the radar each time it is shown again. A failure is not kept.
  let account: Promise<Account> | undefined;
  const radarAccount = () =>
    (account ??= Promise.all([import('../core/iam/identity.js'), iam(), servingClients()])
      .then(async ([{ whoAmI }, iamClients, serving]) => {
        const identity = await whoAmI(iamClients);
        return {
          ...(given.profile ? { profile: given.profile } : {}),
          id: identity.account ?? identity.endpoint,
          identity,
          iam: iamClients,
          serving,
          sameAs: [],
        };
      })
      .catch((error: unknown) => {
        account = undefined;
        throw error;
      }));
  const signing = () => import('../core/iam/signing-certificates.js');
  const usersAndGroups = () => import('../core/iam/users-and-groups.js');
  return {
    onWaiting: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whoAmI: async (signal) => (await import('../core/iam/identity.js')).whoAmI(await iam(), signal),
    listServerCertificates: async (signal, onPage) =>
      (await import('../core/iam/server-certificate-list.js')).listServerCertificates(await iam(), { signal, onPage }),
    listAcmCertificates: async (signal) => {
      const [{ listAcmEverywhere, defaultAcmRegions }, clients] = await Promise.all([
        import('../core/acm/list.js'),
        servingClients(),
      ]);
      return listAcmEverywhere(clients, defaultAcmRegions(clients.region), { signal });
    },
    checkAcmImport: async (files, options) =>
      (await import('../core/acm/import-check.js')).checkAcmImport(await servingClients(), files, options),
    importToAcm: async (request, signal) =>
      (await import('../core/acm/import.js')).importToAcm(await servingClients(), request, signal),
    inventoryEverywhere: async (signal) => {
      const [{ configuredProfiles }, { openProfiles, readAccounts }, holdings] = await Promise.all([
        import('../core/accounts/profiles.js'),
        import('../core/accounts/accounts.js'),
        import('../core/radar/holdings.js'),
      ]);
      // Every profile named in the config files, on this session's endpoint and region where they were given.
      const base = { ...connection, profile: undefined };
      const { accounts, failures } = await openProfiles(await configuredProfiles(), base, { signal });
      const read = await readAccounts(accounts, (account) => holdings.readHoldings(account, { signal }), { signal });
      return { holdings: read.results.map((result) => result.value), failures: [...failures, ...read.failures] };
    },
    radar: async (people, signal) => {
      const [{ radarView }, account] = await Promise.all([import('../core/radar/radar-view.js'), radarAccount()]);
      return radarView(account, { people, signal });
    },
    describeAcmCertificate: async (arn, signal) =>
      (await import('../core/acm/describe.js')).describeAcmCertificate(await servingClients(), arn, signal),
    getServerCertificate: async (name, signal) =>
      (await serverCertificates()).getServerCertificate(await iam(), name, { signal }),
    uploadServerCertificate: async (input, signal) =>
      (await serverCertificates()).uploadServerCertificate(await iam(), input, signal),
    renameServerCertificate: async (name, change, signal) =>
      (await serverCertificates()).renameServerCertificate(await iam(), name, change, signal),
    // Who serves it is looked up again as the confirmation is submitted, never taken from when d was pressed.
    deleteServerCertificate: async (name, signal) =>
      (await import('../core/usage/served-by.js')).deleteIfUnserved(await iam(), await servingClients(), name, {
        signal,
      }),
    servedBy: async (certificates, signal) =>
      (await import('../core/usage/served-by.js')).servedBy(await servingClients(), certificates, { signal }),
    planRotation: async (request, signal) =>
      (await import('../core/rotation/plan.js')).planRotation(await iam(), await servingClients(), request, signal),
    runRotation: async (request, plan, onProgress, signal) =>
      (await import('../core/rotation/run.js')).runRotation(await iam(), await servingClients(), request, plan, {
        signal,
        onProgress,
      }),
    listUsers: async (signal) => (await usersAndGroups()).listUsers(await iam(), signal),
    listGroups: async (signal) => (await usersAndGroups()).listGroups(await iam(), signal),
    listManagedPolicies: async (signal) => (await usersAndGroups()).listManagedPolicies(await iam(), signal),
    listSigningCertificates: async (user, signal) =>
      (await signing()).listSigningCertificates(await iam(), user, { signal }),
    uploadSigningCertificate: async (user, body, signal) =>
      (await signing()).uploadSigningCertificate(await iam(), user, body, { signal }),
    setSigningCertificateStatus: async (user, id, status, signal) =>
      (await signing()).setSigningCertificateStatus(await iam(), user, id, status, signal),
    deleteSigningCertificate: async (user, id, signal) =>
      (await signing()).deleteSigningCertificate(await iam(), user, id, signal),
    createSigningPair: async (user, signal) =>
      (await import('../core/signing-pair.js')).createSigningPair(await iam(), {
        userName: user,
        outDir: (await import('../core/crypto/created-files.js')).defaultOutDir(),
        signal,
      }),
    listAccessKeys: async (user, signal) =>
      (await import('../core/iam/access-keys.js')).listAccessKeys(await iam(), user, signal),
    runOnboarding: async (request, options) =>
      (await import('../core/onboard.js')).runOnboarding(await iam(), request, options),
    checkOnboarding: async (request) => {
      const { validateOnboarding } = await import('../core/onboard.js');
      return validateOnboarding(request).then(
        () => undefined,
        (error: unknown) => toProblem(error),
      );
    },
    readFile: async (path) => {
      const [{ readInputFile }, { pastedPath }] = await Promise.all([
        import('../core/files/read-input.js'),
        import('../core/files/path-completion.js'),
      ]);
      try {
        return await readInputFile(path);
      } catch (error) {
        // A pasted path in quotes or with escaped spaces: read as the shell would have read it.
        const unquoted = pastedPath(path);
        if (unquoted === path || (error as { code?: string }).code !== 'FILE_NOT_FOUND') throw error;
        return readInputFile(unquoted);
      }
    },
    listFolder: async (path) => {
      const { listFolder, pastedPath } = await import('../core/files/path-completion.js');
      const entries = await listFolder(path);
      return entries.length > 0 || pastedPath(path) === path ? entries : listFolder(pastedPath(path));
    },
    readItems: async (bytes, passphrase, keyPassphrase) =>
      (await import('../core/formats/read.js')).readItems(bytes, { passphrase, keyPassphrase }),
    relationsOf: async (items) => (await import('../core/crypto/chain.js')).findRelations(items),
    convert: async (result, request) => (await import('../core/formats/convert.js')).convertItems(result, request),
    prepare: async (files, options) => (await import('../core/prepare.js')).prepareForIamUpload(files, options),
    preflight: async (input) =>
      (await import('../core/preflight/server-certificate.js')).preflightServerCertificate(input),
    createKeyAndCertificate: async (request) =>
      (await import('../core/crypto/create.js')).createKeyAndCertificate(request),
    writeFiles: async (files, options) =>
      (await import('../core/files/safe-write.js')).writeFilesSafely(files, options),
    existingPaths: async (paths) => (await import('../core/files/existing.js')).existingPaths(paths),
  };
}
