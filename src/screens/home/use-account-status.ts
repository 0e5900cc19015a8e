import { useEffect } from 'react';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';
import { useTask } from '../../ui/use-task.js';
import { useFrame } from '../../ui/frame-context.js';
import { useIsTopScreen } from '../../ui/navigation.js';

export interface AccountStatus {
  total: number;
  expired: number;
  expiringSoon: number;
}

export function summarise(rows: ServerCertificateRow[]): AccountStatus {
  return {
    total: rows.length,
    expired: rows.filter((row) => row.expiryState === 'expired').length,
    expiringSoon: rows.filter((row) => row.expiryState === '≤30 days').length,
  };
}

/**
 * Server certificates expiring within 30 days and expired, once the identity is known, and again
 * each time Home is the top screen once more (after an upload or a delete on another screen).
 */
export function useAccountStatus() {
  const { identity, services } = useFrame();
  const [state, run] = useTask<AccountStatus>();
  const ready = identity.state === 'ready';
  const top = useIsTopScreen();
  useEffect(() => {
    if (ready && top)
      void run('Checking server certificates…', async (signal) =>
        summarise(await services.listServerCertificates(signal)),
      );
  }, [ready, top, run, services]);
  return state;
}
