import type { Services } from '../../src/ui/services.js';
import { realServices } from '../../src/app/real-services.js';

export const STUB_IDENTITY = {
  account: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/tester',
  endpoint: 'AWS',
  region: 'us-east-1',
};

/**
 * The real file services (no AWS needed for them) with every IAM call
 * stubbed; a test overrides what it exercises and records calls itself.
 */
export function stubServices(overrides: Partial<Services> = {}): Services {
  const files = realServices({ endpointUrl: 'http://127.0.0.1:9', maxAttempts: 1 });
  const unexpected = (name: string) => () => Promise.reject(new Error(`${name} was not expected in this test`));
  return {
    ...files,
    whoAmI: async () => STUB_IDENTITY,
    listServerCertificates: async () => [],
    getServerCertificate: unexpected('getServerCertificate'),
    listAcmCertificates: async () => ({ rows: [], notes: [], regions: ['us-east-1'] }),
    describeAcmCertificate: unexpected('describeAcmCertificate'),
    importToAcm: unexpected('importToAcm'),
    inventoryEverywhere: async () => ({ holdings: [], failures: [] }),
    radar: async (people) => ({ items: [], notes: [], people }),
    uploadServerCertificate: unexpected('uploadServerCertificate'),
    renameServerCertificate: unexpected('renameServerCertificate'),
    deleteServerCertificate: unexpected('deleteServerCertificate'),
    servedBy: async () => ({ consumers: [], notes: [] }),
    planRotation: unexpected('planRotation'),
    runRotation: unexpected('runRotation'),
    listUsers: async () => [],
    listGroups: async () => [],
    listManagedPolicies: async () => [],
    listSigningCertificates: async () => [],
    uploadSigningCertificate: unexpected('uploadSigningCertificate'),
    setSigningCertificateStatus: unexpected('setSigningCertificateStatus'),
    deleteSigningCertificate: unexpected('deleteSigningCertificate'),
    createSigningPair: unexpected('createSigningPair'),
    listAccessKeys: async () => [],
    runOnboarding: unexpected('runOnboarding'),
    ...overrides,
  };
}
