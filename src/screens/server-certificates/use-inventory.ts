import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';
import { useFrame } from '../../ui/frame-context.js';
import { useIsTopScreen } from '../../ui/navigation.js';
import { useAction } from '../../ui/use-action.js';
import { useTask } from '../../ui/use-task.js';
import type { ServedBy } from '../../core/usage/served-by.js';
import type { AcmCertificateRow, AcmListing } from '../../core/acm/list.js';
import { acmInventoryRow, everywhereRows, iamRow } from './inventory-rows.js';
import type { Everywhere } from '../../core/accounts/everywhere.js';

/** The inventory's data: loaded on arrival, again whenever the screen is back on top, and after every change. */
export function useInventory() {
  const { services, flash } = useFrame();
  const top = useIsTopScreen();
  const [listing, run] = useTask<ServerCertificateRow[]>();
  const [progress, setProgress] = useState(0);
  const [iamRows, setIamRows] = useState<ServerCertificateRow[]>([]);
  // ACM beside IAM: listed at the same time, its own failure or blind regions said on one line.
  const [acm, listAcm] = useTask<AcmListing>();
  const [acmRows, setAcmRows] = useState<AcmCertificateRow[]>([]);
  // Who serves each certificate, looked up after each listing (every region and CloudFront takes a moment).
  const [usage, scanUsage] = useTask<ServedBy>();
  const load = useCallback(async () => {
    setProgress(0);
    const acmListed = listAcm('Listing ACM certificates…', (signal) => services.listAcmCertificates(signal)).then(
      (found) => {
        if (found) setAcmRows(found.rows);
        return found?.rows ?? [];
      },
    );
    const found = await run('Listing server certificates…', (signal) =>
      services.listServerCertificates(signal, setProgress),
    );
    if (found) setIamRows(found);
    const acmFound = await acmListed;
    const all = [...(found ?? []), ...acmFound.map(acmInventoryRow)];
    if (all.length > 0) void scanUsage('Looking for what serves them…', (signal) => services.servedBy(all, signal));
    return found && { iam: found.length, acm: acmFound.length };
  }, [run, listAcm, scanUsage, services]);
  // Every account (A): each configured profile's account read once, its rows marked with the account.
  const [everywhere, setEverywhere] = useState(false);
  const [all, readAll] = useTask<Everywhere>();
  const loadAll = useCallback(
    () => readAll('Reading every account in the AWS config files…', (signal) => services.inventoryEverywhere(signal)),
    [readAll, services],
  );
  const rows = useMemo(
    () =>
      everywhere
        ? all.status === 'done'
          ? everywhereRows(all.value.holdings)
          : []
        : [...iamRows.map(iamRow), ...acmRows.map(acmInventoryRow)],
    [everywhere, all, iamRows, acmRows],
  );
  const toggleEverywhere = () => {
    if (!everywhere) void loadAll();
    setEverywhere(!everywhere);
  };
  const refresh = useCallback(() => void load(), [load]);
  useEffect(refresh, [refresh]);
  /** The r key: reloads and says so, even when nothing changed; a failure shown before is old news then. */
  const reload = () => {
    forgetFailure();
    return everywhere
      ? void loadAll()
      : void load().then(
          (found) =>
            found &&
            flash(
              `Refreshed: ${found.iam} IAM and ${found.acm} ACM certificate${found.acm === 1 ? '' : 's'} at ${new Date().toTimeString().slice(0, 8)}`,
            ),
        );
  };
  const [action, perform, forgetFailure] = useAction(flash, refresh);
  // Back from another screen (an upload, a rotation): listed again, and a failure from before is not shown as news.
  const wasTop = useRef(top);
  useEffect(() => {
    if (top && !wasTop.current) {
      forgetFailure();
      refresh();
    }
    wasTop.current = top;
  }, [top, refresh, forgetFailure]);

  /** Deletes one after another; stops at the first refusal, saying what was deleted before it. */
  const deleteAll = (targets: ServerCertificateRow[], after: () => void) => {
    const deleted: string[] = [];
    void perform(
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
  return {
    rows,
    load: listing,
    acm,
    progress,
    refresh,
    reload,
    action,
    perform,
    deleteAll,
    usage,
    everywhere,
    all,
    toggleEverywhere,
  };
}
