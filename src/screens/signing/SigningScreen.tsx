import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { Box } from 'ink';
import { Text } from '../../tui/safe-text.js';
import { createdPaths, defaultOutDir, unusedPairName } from '../../core/crypto/created-files.js';
import { describeIdentity } from '../../core/iam/identity-facts.js';
import { SIGNING_CERTIFICATES_PER_USER } from '../../core/iam/notices.js';
import type { SigningCertificateRow } from '../../core/iam/signing-certificates.js';
import type { NamedEntity } from '../../core/iam/users-and-groups.js';
import { expiresCell } from '../../components/expires-cell.js';
import { copyToClipboard } from '../../components/clipboard.js';
import { ConfirmByTyping } from '../../components/ConfirmByTyping.js';
import { FilterLine } from '../../components/FilterLine.js';
import { PathInput } from '../../components/PathInput.js';
import { ProblemLine } from '../../components/ProblemLine.js';
import { Spinner } from '../../components/Spinner.js';
import { Toned } from '../../components/Toned.js';
import { useScreenKeys } from '../../components/use-screen-keys.js';
import { useAction } from '../../components/use-action.js';
import { useTask } from '../../components/use-task.js';
import { WindowedTable, type Column } from '../../components/WindowedTable.js';
import { useFrame } from '../../tui/frame-context.js';
import type { Services } from '../../tui/services.js';

/** The two changes that break signed requests, each typed back before it happens. */
const DANGEROUS = {
  deactivate: (id: string, user: string) => ({
    action: `Deactivate signing certificate ${id} of ${user}`,
    warning: 'Requests signed with this certificate fail until it is activated again (a activates it).',
    label: `Deactivating ${id}…`,
    work: (services: Services, signal: AbortSignal) => services.setSigningCertificateStatus(user, id, 'Inactive', signal),
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

type Modal = { kind: 'none' } | { kind: 'filter' } | { kind: 'upload'; path: string } | { kind: 'delete'; row: SigningCertificateRow } | { kind: 'deactivate'; row: SigningCertificateRow };

export function SigningScreen({ user: initialUser, uploadPath }: { user?: string; uploadPath?: string }): React.JSX.Element {
  const { services, identity, rows: terminalRows, flash } = useFrame();
  const [user, setUser] = useState<string | undefined>(initialUser);
  const [users, loadUsers] = useTask<NamedEntity[]>();
  const [certificates, loadCertificates] = useTask<SigningCertificateRow[]>();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState(0);
  const [modal, setModal] = useState<Modal>({ kind: 'none' });
  const where = identity.state === 'ready' ? describeIdentity(identity.identity) : 'the current account';

  useEffect(() => {
    if (!user) void loadUsers('Listing users…', (signal) => services.listUsers(signal));
  }, [user, loadUsers, services]);
  const refresh = useCallback(() => {
    if (user) void loadCertificates(`Reading ${user}'s signing certificates…`, (signal) => services.listSigningCertificates(user, signal));
  }, [user, loadCertificates, services]);
  useEffect(() => {
    refresh();
    setSelected(0);
    if (user && uploadPath) setModal({ kind: 'upload', path: uploadPath });
  }, [refresh, user, uploadPath]);

  const userRows = useMemo(() => {
    const all = users.status === 'done' ? users.value : [];
    const needle = filter.toLowerCase();
    return all.filter((entry) => entry.name.toLowerCase().includes(needle));
  }, [users, filter]);
  const certificateRows = certificates.status === 'done' ? certificates.value : [];
  const now = useMemo(() => new Date(), [certificates]);
  const atLimit = certificateRows.length >= SIGNING_CERTIFICATES_PER_USER;

  const [action, performAction] = useAction(flash, refresh);
  const perform = (label: string, work: (signal: AbortSignal) => Promise<unknown>, done: string | (() => string)) => {
    setModal({ kind: 'none' });
    performAction(label, work, done);
  };

  const createAndUpload = (name: string) => {
    let made = '';
    return perform(
      `Creating a key and certificate for ${name} and uploading it…`,
      async (signal) => {
        // A second pair for this user (onboarding made the first) gets its own dated name; nothing is replaced.
        const fileName = await unusedPairName(defaultOutDir(), name, (paths) => services.existingPaths(paths));
        const paths = createdPaths(defaultOutDir(), fileName, false);
        const created = await services.createKeyAndCertificate({ keyType: 'rsa2048', subject: '', days: 3650, keyFormat: 'pkcs8' });
        await services.writeFiles([{ path: paths.key, data: created.privateKeyPem, secret: true }, { path: paths.certificate, data: created.certificatePem! }], {});
        const row = await services.uploadSigningCertificate(name, created.certificatePem!, signal);
        made = `Uploaded ${row.id}: key ${paths.key} (0600), certificate ${paths.certificate}`;
      },
      () => made,
    );
  };

  const listLength = user ? certificateRows.length : userRows.length;
  const active = useScreenKeys({
    typing: modal.kind === 'filter' || modal.kind === 'upload',
    enabled: modal.kind !== 'delete' && modal.kind !== 'deactivate',
    hints: !user
      ? modal.kind === 'filter'
        ? [['enter', 'keep'], ['esc', 'clear']]
        : [['enter', 'open user'], ['/', 'filter'], ['esc', 'back'], ['↑/↓ j/k', 'move']]
      : modal.kind === 'upload'
        ? [['tab', 'complete'], ['enter', 'upload'], ['esc', 'cancel']]
        : [['c', 'create & upload'], ['u', 'upload file'], ['a', 'activate/deactivate'], ['d', 'delete'], ['esc', 'users'], ['r', 'refresh'], ['y', 'copy ID'], ['↑/↓ j/k', 'move']],
    help: [`IAM allows ${SIGNING_CERTIFICATES_PER_USER} signing certificates per user.`, 'Only the certificate is uploaded; a private key offered as a certificate is refused.'],
    onKey: (input, key) => {
      if (action.status === 'running') return true;
      if (modal.kind === 'filter') {
        if (key.escape) setFilter('');
        if (key.escape || key.return) setModal({ kind: 'none' });
        return true;
      }
      if (modal.kind === 'upload') {
        if (key.escape) setModal({ kind: 'none' });
        return key.escape;
      }
      if (key.upArrow || input === 'k') setSelected(Math.max(0, selected - 1));
      else if (key.downArrow || input === 'j') setSelected(Math.min(listLength - 1, selected + 1));
      else if (!user) {
        if (input === '/') setModal({ kind: 'filter' });
        else if (key.return && userRows[selected]) setUser(userRows[selected]!.name);
        else return false;
      } else if (key.escape && !initialUser) {
        setUser(undefined);
        setSelected(0);
      } else if (input === 'r') refresh();
      else if (input === 'u' || input === 'c') {
        if (atLimit) flash(`${user} already has ${SIGNING_CERTIFICATES_PER_USER} signing certificates; delete one first (d).`);
        else if (input === 'u') setModal({ kind: 'upload', path: uploadPath ?? '' });
        else createAndUpload(user);
      } else if (!certificateRows[selected]) return false;
      else if (input === 'a') {
        const row = certificateRows[selected]!;
        // Deactivating breaks every request signed with it: typed, like a delete. Activating is safe.
        if (row.status === 'Active') setModal({ kind: 'deactivate', row });
        else perform(`Activating ${row.id}…`, (signal) => services.setSigningCertificateStatus(user, row.id, 'Active', signal), `${row.id} is now Active`);
      } else if (input === 'd') setModal({ kind: 'delete', row: certificateRows[selected]! });
      else if (input === 'y') {
        copyToClipboard(certificateRows[selected]!.id);
        flash('Copied the certificate ID');
      } else return false;
      return true;
    },
  });

  const userColumns: Array<Column<NamedEntity>> = [
    { title: 'USER', width: 32, cell: (row) => row.name },
    { title: 'PATH', width: 12, cell: (row) => row.path },
    { title: 'CREATED', width: 10, cell: (row) => row.created?.slice(0, 10) ?? '' },
  ];
  const certificateColumns: Array<Column<SigningCertificateRow>> = [
    { title: 'ID', width: 32, cell: (row) => row.id },
    { title: 'STATUS', width: 8, cell: (row) => row.status, tone: (row) => (row.status === 'Active' ? 'ok' : 'muted') },
    { title: 'EXPIRES', width: 22, cell: (row) => expiresCell({ expiration: row.notAfter, expiryState: row.expiryState }, now).text, tone: (row) => expiresCell({ expiration: row.notAfter, expiryState: row.expiryState }, now).tone },
    { title: 'SHA256', width: 12, cell: (row) => (row.sha256 ? `${row.sha256.slice(0, 10)}…` : '?') },
  ];
  const height = Math.max(3, terminalRows - 10 - (modal.kind === 'none' ? 0 : 6));
  const busy = [users, certificates, action].find((state) => state.status === 'running');
  const failed = [users, certificates, action].find((state) => state.status === 'failed');

  return (
    <Box flexDirection="column" paddingX={1}>
      {busy && busy.status === 'running' ? <Spinner label={busy.label} /> : null}
      <ProblemLine problem={failed && failed.status === 'failed' ? failed.problem : undefined} />
      {!user ? (
        <Box flexDirection="column">
          <Text bold>Pick a user{uploadPath ? ` to receive ${uploadPath}` : ''}</Text>
          {userRows.length > 0 ? <WindowedTable rows={userRows} columns={userColumns} selected={selected} height={height} rowKey={(row) => row.arn || row.name} /> : users.status === 'done' ? <Text>No users{filter ? ` match "${filter}"` : ''}.</Text> : null}
          {modal.kind === 'filter' ? (
            <FilterLine value={filter} focus={active} onChange={(value) => { setFilter(value); setSelected(0); }} />
          ) : null}
        </Box>
      ) : (
        <Box flexDirection="column">
          <Text>
            <Text bold>{user}</Text>: {certificateRows.length} of {SIGNING_CERTIFICATES_PER_USER} signing certificates
            {atLimit ? <Toned tone="warning"> (at the limit: delete one before adding another)</Toned> : null}
          </Text>
          {certificateRows.length > 0 ? <WindowedTable rows={certificateRows} columns={certificateColumns} selected={selected} height={height} rowKey={(row) => row.id} /> : certificates.status === 'done' ? <Text>None yet. Press c to create one and upload it, or u to upload a certificate file.</Text> : null}
          {modal.kind === 'upload' ? (
            <PathInput
              label="Certificate file"
              value={modal.path}
              focus={active}
              listRows={4}
              onChange={(path) => setModal({ kind: 'upload', path })}
              onSubmit={(path) => perform(`Uploading ${path}…`, async (signal) => services.uploadSigningCertificate(user, await services.readFile(path), signal), `Uploaded ${path} for ${user}`)}
            />
          ) : null}
          {modal.kind === 'deactivate' || modal.kind === 'delete' ? (
            <ConfirmByTyping
              {...DANGEROUS[modal.kind](modal.row.id, user)}
              where={where}
              expected={modal.row.id.slice(0, 8)}
              onCancel={() => setModal({ kind: 'none' })}
              onConfirm={() => {
                const { label, work, done } = DANGEROUS[modal.kind](modal.row.id, user);
                perform(label, (signal) => work(services, signal), done);
              }}
            />
          ) : null}
        </Box>
      )}
    </Box>
  );
}
