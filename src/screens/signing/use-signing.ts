import { useCallback, useEffect, useReducer } from 'react';
import type { SigningCertificateRow } from '../../core/iam/signing-certificates.js';
import { SIGNING_CERTIFICATES_PER_USER } from '../../core/iam/notices.js';
import { useFrame } from '../../ui/frame-context.js';
import type { Services } from '../../ui/services.js';
import { useAction } from '../../ui/use-action.js';
import { useTask } from '../../ui/use-task.js';
import { initialSigningState, signingReducer } from './signing-state.js';

/** The two changes that break signed requests, each typed back before it happens. */
export const DANGEROUS = {
  deactivate: (id: string, user: string) => ({
    action: `Deactivate signing certificate ${id} of ${user}`,
    warning: 'Requests signed with this certificate fail until it is activated again (a activates it).',
    label: `Deactivating ${id}…`,
    work: (services: Services, signal: AbortSignal) =>
      services.setSigningCertificateStatus(user, id, 'Inactive', signal),
    done: `${id} is now Inactive`,
  }),
  delete: (id: string, user: string) => ({
    action: `Delete signing certificate ${id} of ${user}`,
    warning: 'Requests signed with this certificate will fail. Deactivate first to test, if unsure.',
    label: `Deleting ${id}…`,
    work: (services: Services, signal: AbortSignal) => services.deleteSigningCertificate(user, id, signal),
    done: `Deleted ${id}`,
  }),
};

/** One user's signing certificates: the listing, what is open over it, and the changes made from it. */
export function useSigning(user: string, uploadPath: string | undefined) {
  const { services, flash } = useFrame();
  const [certificates, load] = useTask<SigningCertificateRow[]>();
  const [state, dispatch] = useReducer(signingReducer, uploadPath, initialSigningState);
  const read = useCallback(
    () => load(`Reading ${user}'s signing certificates…`, (signal) => services.listSigningCertificates(user, signal)),
    [user, load, services],
  );
  const refresh = useCallback(() => void read(), [read]);
  useEffect(refresh, [refresh]);
  /** The r key: reloads and says so, even when nothing changed. */
  const reload = () =>
    void read().then(
      (found) =>
        found &&
        flash(
          `Refreshed: ${found.length} signing certificate${found.length === 1 ? '' : 's'} at ${new Date().toTimeString().slice(0, 8)}`,
        ),
    );

  const rows = certificates.status === 'done' ? certificates.value : [];
  const atLimit = rows.length >= SIGNING_CERTIFICATES_PER_USER;
  const [action, performAction] = useAction(flash, refresh);
  const perform = (label: string, work: (signal: AbortSignal) => Promise<unknown>, done: string | (() => string)) => {
    dispatch({ type: 'act' });
    return performAction(label, work, done);
  };
  const full = () =>
    flash(`${user} already has ${SIGNING_CERTIFICATES_PER_USER} signing certificates; delete one first (d).`);

  const createAndUpload = () => {
    if (atLimit) return full();
    let id: string | undefined;
    void perform(
      `Creating a key and certificate for ${user} and uploading it…`,
      async (signal) => {
        const made = await services.createSigningPair(user, signal);
        id = made.certificate.id;
        dispatch({ type: 'made', made });
      },
      () => `Uploaded ${id ?? 'the certificate'} for ${user}`,
    );
  };
  const askUpload = () => (atLimit ? full() : dispatch({ type: 'ask-upload', path: uploadPath ?? '' }));
  // A file that is refused brings the prompt back with the path as typed, to correct it.
  const upload = (path: string) =>
    void perform(
      `Uploading ${path}…`,
      async (signal) => services.uploadSigningCertificate(user, await services.readFile(path), signal),
      `Uploaded ${path} for ${user}`,
    ).then((uploaded) => uploaded || dispatch({ type: 'ask-upload', path }));
  // Deactivating breaks every request signed with it: typed, like a delete. Activating is safe.
  const toggleStatus = (row: SigningCertificateRow) =>
    row.status === 'Active'
      ? dispatch({ type: 'confirm', kind: 'deactivate', row })
      : void perform(
          `Activating ${row.id}…`,
          (signal) => services.setSigningCertificateStatus(user, row.id, 'Active', signal),
          `${row.id} is now Active`,
        );
  const confirmed = (kind: 'delete' | 'deactivate', row: SigningCertificateRow) => {
    const { label, work, done } = DANGEROUS[kind](row.id, user);
    void perform(label, (signal) => work(services, signal), done);
  };

  return {
    certificates,
    rows,
    atLimit,
    action,
    busy: action.status === 'running',
    state,
    dispatch,
    reload,
    createAndUpload,
    askUpload,
    upload,
    toggleStatus,
    confirmed,
  };
}
