import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';
import { useFrame } from '../../ui/frame-context.js';
import { useIsTopScreen } from '../../ui/navigation.js';
import { useAction } from '../../ui/use-action.js';
import { useTask } from '../../ui/use-task.js';

/** The inventory's data: loaded on arrival, again whenever the screen is back on top, and after every change. */
export function useInventory() {
  const { services, flash } = useFrame();
  const top = useIsTopScreen();
  const [load, run] = useTask<ServerCertificateRow[]>();
  const [progress, setProgress] = useState(0);
  const [rows, setRows] = useState<ServerCertificateRow[]>([]);
  const refresh = useCallback(() => {
    setProgress(0);
    void run('Listing server certificates…', (signal) => services.listServerCertificates(signal, setProgress)).then((found) => found && setRows(found));
  }, [run, services]);
  useEffect(refresh, [refresh]);
  const wasTop = useRef(top);
  useEffect(() => {
    if (top && !wasTop.current) refresh();
    wasTop.current = top;
  }, [top, refresh]);
  const [action, perform] = useAction(flash, refresh);

  /** Deletes one after another; stops at the first refusal, saying what was deleted before it. */
  const deleteAll = (targets: ServerCertificateRow[], after: () => void) => {
    const deleted: string[] = [];
    perform(
      targets.length === 1 ? `Deleting ${targets[0]!.name}…` : `Deleting ${targets.length} certificates…`,
      async (signal) => {
        try {
          for (const row of targets) {
            await services.deleteServerCertificate(row.name, signal);
            deleted.push(row.name);
          }
        } finally {
          if (deleted.length > 0) {
            after();
            refresh();
          }
        }
      },
      () => (targets.length === 1 ? `Deleted ${targets[0]!.name}` : `Deleted ${deleted.length} certificates`),
    );
  };
  return { rows, load, progress, refresh, action, perform, deleteAll, services, flash };
}
