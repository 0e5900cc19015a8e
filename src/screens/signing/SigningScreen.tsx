import { useMomentOf } from '../../ui/use-moment-of.js';
import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { createdPaths, defaultOutDir, unusedPairName } from '../../core/crypto/created-files.js';
import { describeIdentity } from '../../core/iam/identity-facts.js';
import { SIGNING_CERTIFICATES_PER_USER } from '../../core/iam/notices.js';
import type { SigningCertificateRow } from '../../core/iam/signing-certificates.js';
import { expiresCell } from '../../widgets/expires-cell.js';
import { ConfirmByTyping } from '../../widgets/ConfirmByTyping.js';
import { PathInput } from '../../widgets/PathInput.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { Toned } from '../../ui/Toned.js';
import { Hanging } from '../../ui/Hanging.js';
import { ec2ExportLines } from '../../core/shell-exports.js';
import { KeyScope } from '../../ui/keys/focus.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useMeasuredHeight } from '../../ui/use-measured-height.js';
import { ListView, type Column } from '../../widgets/list/ListView.js';
import { useList } from '../../widgets/list/use-list.js';
import type { ListShape } from '../../widgets/list/list-state.js';
import { useAction } from '../../ui/use-action.js';
import { useTask } from '../../ui/use-task.js';
import { useFrame } from '../../ui/frame-context.js';
import type { Services } from '../../ui/services.js';

/** The two changes that break signed requests, each typed back before it happens. */
const DANGEROUS = {
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

type Modal =
  | { kind: 'none' }
  | { kind: 'upload'; path: string }
  | { kind: 'delete'; row: SigningCertificateRow }
  | { kind: 'deactivate'; row: SigningCertificateRow };

const CERTIFICATES: ListShape<SigningCertificateRow> = {
  key: (row) => row.id,
  text: (row) => `${row.id} ${row.status} ${row.sha256 ?? ''}`,
  sorts: [
    {
      name: 'expiry',
      compare: (a, b) => (a.notAfter ?? '').localeCompare(b.notAfter ?? '') || a.id.localeCompare(b.id),
    },
  ],
};

function columnsAt(now: Date): Array<Column<SigningCertificateRow>> {
  const expires = (row: SigningCertificateRow) =>
    expiresCell({ expiration: row.notAfter, expiryState: row.expiryState }, now);
  return [
    // An ID's start tells two apart; the date is kept whatever the width.
    { title: 'ID', min: 10, priority: 0, cell: (row) => row.id },
    {
      title: 'STATUS',
      min: 8,
      priority: 1,
      cell: (row) => row.status,
      tone: (row) => (row.status === 'Active' ? 'ok' : 'muted'),
    },
    {
      title: 'EXPIRES',
      min: 11,
      priority: 1,
      sort: 'expiry',
      cell: (row) => expires(row).text,
      narrow: (row) => expires(row).narrow,
      tone: (row) => expires(row).tone,
    },
    { title: 'SHA256', min: 11, priority: 3, cell: (row) => row.sha256 ?? '?' },
  ];
}

interface Made {
  id: string;
  keyPath: string;
  certificatePath: string;
  exportLines: string[];
}

/** The second signing route: one user's signing certificates; Esc goes back to the users. */
export function SigningScreen({ user, uploadPath }: { user: string; uploadPath?: string }): React.JSX.Element {
  const { services, identity, flash, copy, columns } = useFrame();
  const [certificates, load] = useTask<SigningCertificateRow[]>();
  const [modal, setModal] = useState<Modal>(uploadPath ? { kind: 'upload', path: uploadPath } : { kind: 'none' });
  /** What `c` made, shown until the next action: both files and the lines for the shell. */
  const [made, setMade] = useState<Made | undefined>();
  const where = identity.state === 'ready' ? describeIdentity(identity.identity) : 'the current account';
  const read = useCallback(
    () => load(`Reading ${user}'s signing certificates…`, (signal) => services.listSigningCertificates(user, signal)),
    [user, load, services],
  );
  const refresh = useCallback(() => void read(), [read]);
  /** The r key: reloads and says so, even when nothing changed. */
  const reload = () =>
    void read().then(
      (found) =>
        found &&
        flash(
          `Refreshed: ${found.length} signing certificate${found.length === 1 ? '' : 's'} at ${new Date().toTimeString().slice(0, 8)}`,
        ),
    );
  useEffect(refresh, [refresh]);

  const rows = certificates.status === 'done' ? certificates.value : [];
  const now = useMomentOf(certificates);
  const atLimit = rows.length >= SIGNING_CERTIFICATES_PER_USER;
  const [listBox, height] = useMeasuredHeight();
  const cells = useMemo(() => columnsAt(now), [now]);
  const list = useList({ rows, pageSize: height ?? 1, filterable: false, ...CERTIFICATES });
  const current = list.current;

  const [action, performAction] = useAction(flash, refresh);
  const perform = (label: string, work: (signal: AbortSignal) => Promise<unknown>, done: string | (() => string)) => {
    setModal({ kind: 'none' });
    setMade(undefined);
    return performAction(label, work, done);
  };
  const busy = action.status === 'running';

  const createAndUpload = () => {
    let made: Made | undefined;
    setMade(undefined);
    return perform(
      `Creating a key and certificate for ${user} and uploading it…`,
      async (signal) => {
        // The user is looked up first (the listing asks IAM for the user): no key pair is written for one it lacks.
        await services.listSigningCertificates(user, signal);
        // A second pair for this user (onboarding made the first) gets its own dated name; nothing is replaced.
        const fileName = await unusedPairName(defaultOutDir(), user, (paths) => services.existingPaths(paths));
        const paths = createdPaths(defaultOutDir(), fileName, false);
        const created = await services.createKeyAndCertificate({
          keyType: 'rsa2048',
          subject: '',
          days: 3650,
          keyFormat: 'pkcs8',
        });
        await services.writeFiles(
          [
            { path: paths.key, data: created.privateKeyPem, secret: true },
            { path: paths.certificate, data: created.certificatePem! },
          ],
          {},
        );
        const row = await services.uploadSigningCertificate(user, created.certificatePem!, signal);
        made = {
          id: row.id,
          keyPath: paths.key,
          certificatePath: paths.certificate,
          exportLines: ec2ExportLines(paths.certificate, paths.key),
        };
        setMade(made);
      },
      () => `Uploaded ${made?.id ?? 'the certificate'} for ${user}`,
    );
  };
  const full = () =>
    flash(`${user} already has ${SIGNING_CERTIFICATES_PER_USER} signing certificates; delete one first (d).`);

  useScreenKeymap(
    [
      // Not after IAM said the user is not there (c checks again itself before it writes anything).
      {
        keys: ['c'],
        label: 'create & upload',
        when: !busy && certificates.status !== 'failed',
        run: () => (atLimit ? full() : void createAndUpload()),
      },
      {
        keys: ['u'],
        label: 'upload file',
        when: !busy && certificates.status !== 'failed',
        run: () => (atLimit ? full() : setModal({ kind: 'upload', path: uploadPath ?? '' })),
      },
      {
        keys: ['a'],
        label: current?.status === 'Active' ? 'deactivate' : 'activate',
        when: current !== undefined && !busy,
        run: () => {
          if (!current) return;
          // Deactivating breaks every request signed with it: typed, like a delete. Activating is safe.
          if (current.status === 'Active') setModal({ kind: 'deactivate', row: current });
          else
            void perform(
              `Activating ${current.id}…`,
              (signal) => services.setSigningCertificateStatus(user, current.id, 'Active', signal),
              `${current.id} is now Active`,
            );
        },
      },
      {
        keys: ['d'],
        label: 'delete',
        when: current !== undefined && !busy,
        run: () => current && setModal({ kind: 'delete', row: current }),
      },
      { keys: ['r'], label: 'refresh', run: reload },
      {
        keys: ['e'],
        label: 'copy the export lines',
        when: made !== undefined,
        run: () => made && copy(made.exportLines.join('\n'), 'the export lines'),
      },
      {
        keys: ['y'],
        label: 'copy ID',
        when: current !== undefined,
        run: () => {
          if (!current) return;
          copy(current.id, 'the certificate ID');
        },
      },
      ...list.bindings,
    ],
    {
      help: [
        `IAM allows ${SIGNING_CERTIFICATES_PER_USER} signing certificates per user.`,
        'Only the certificate is uploaded; a private key offered as a certificate is refused.',
      ],
    },
  );

  const failed = [certificates, action].find((state) => state.status === 'failed');
  const running = [certificates, action].find((state) => state.status === 'running');
  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      {running && running.status === 'running' ? <Spinner label={running.label} /> : null}
      <ProblemLine problem={failed && failed.status === 'failed' ? failed.problem : undefined} />
      {/* A count only from a listing IAM gave: a failed one (no such user) counts nothing. */}
      {certificates.status === 'done' ? (
        <Text>
          <Text bold>{user}</Text>: {rows.length} of {SIGNING_CERTIFICATES_PER_USER} signing certificates
          {atLimit ? <Toned tone="warning"> (at the limit: delete one before adding another)</Toned> : null}
        </Text>
      ) : null}
      <Box ref={listBox} flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden">
        {height !== undefined ? (
          <ListView
            list={list}
            columns={cells}
            width={columns - 2}
            height={height}
            total={rows.length}
            empty={
              certificates.status === 'done'
                ? 'None yet. Press c to create one and upload it, or u to upload a certificate file.'
                : undefined
            }
          />
        ) : null}
      </Box>
      {made ? (
        <Box flexDirection="column">
          <Toned tone="ok">✓ Created and uploaded {made.id}</Toned>
          <Hanging prefix="  key          ">{`${made.keyPath} (0600)`}</Hanging>
          <Hanging prefix="  certificate  ">{made.certificatePath}</Hanging>
          <Text>Set these in your shell (e copies them):</Text>
          {made.exportLines.map((line) => (
            <Hanging key={line} prefix="  ">
              {line}
            </Hanging>
          ))}
        </Box>
      ) : null}
      {modal.kind === 'upload' ? (
        <KeyScope>
          <PathInput
            label="Certificate file"
            value={modal.path}
            focus
            listRows={4}
            onChange={(path) => setModal({ kind: 'upload', path })}
            submitLabel="upload"
            onCancel={() => setModal({ kind: 'none' })}
            onSubmit={(path) =>
              // A file that is refused brings the prompt back with the path as typed, to correct it.
              void perform(
                `Uploading ${path}…`,
                async (signal) => services.uploadSigningCertificate(user, await services.readFile(path), signal),
                `Uploaded ${path} for ${user}`,
              ).then((uploaded) => uploaded || setModal({ kind: 'upload', path }))
            }
          />
        </KeyScope>
      ) : null}
      {modal.kind === 'deactivate' || modal.kind === 'delete' ? (
        <ConfirmByTyping
          {...DANGEROUS[modal.kind](modal.row.id, user)}
          where={where}
          expected={modal.row.id.slice(0, 8)}
          alsoAccepted={[modal.row.id]}
          onCancel={() => setModal({ kind: 'none' })}
          onConfirm={() => {
            const { label, work, done } = DANGEROUS[modal.kind](modal.row.id, user);
            void perform(label, (signal) => work(services, signal), done);
          }}
        />
      ) : null}
    </Box>
  );
}
