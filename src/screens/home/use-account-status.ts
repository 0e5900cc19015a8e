import { useEffect } from 'react';
import { radarCounts, type RadarCounts } from '../../core/radar/counts.js';
import type { ScanNote } from '../../core/usage/consumers.js';
import { useTask } from '../../ui/use-task.js';
import { useFrame } from '../../ui/frame-context.js';
import { useIsTopScreen } from '../../ui/navigation.js';

export interface AccountStatus extends RadarCounts {
  notes: ScanNote[];
}

/**
 * The radar's counts for Home, IAM and ACM certificates only (the credential report waits for the Radar screen), once
 * the identity is known, and again each time Home is the top screen once more.
 */
export function useAccountStatus() {
  const { identity, services } = useFrame();
  const [state, run] = useTask<AccountStatus>();
  const ready = identity.state === 'ready';
  const top = useIsTopScreen();
  useEffect(() => {
    if (ready && top)
      void run('Checking what expires…', async (signal) => {
        const view = await services.radar(false, signal);
        return { ...radarCounts(view.items), notes: view.notes };
      });
  }, [ready, top, run, services]);
  return state;
}
