import { useCallback, useEffect } from 'react';
import type { RadarView } from '../../core/radar/radar-view.js';
import { useFrame } from '../../ui/frame-context.js';
import { useTask } from '../../ui/use-task.js';

/** The full radar of the account (the credential report included), read on arrival and on r. */
export function useRadar() {
  const { services, flash } = useFrame();
  const [state, run] = useTask<RadarView>();
  const load = useCallback(
    () => run('Reading certificates, keys and the credential report…', (signal) => services.radar(true, signal)),
    [run, services],
  );
  useEffect(() => void load(), [load]);
  const reload = () =>
    void load().then(
      (view) => view && flash(`Refreshed: ${view.items.length} due at ${new Date().toTimeString().slice(0, 8)}`),
    );
  return { state, reload };
}
