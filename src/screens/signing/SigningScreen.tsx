import { useMomentOf } from '../../ui/use-moment-of.js';
import React, { useMemo } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
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
import { KeyScope } from '../../ui/keys/focus.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useMeasuredHeight } from '../../ui/use-measured-height.js';
import { ListView, type Column } from '../../widgets/list/ListView.js';
import { useList } from '../../widgets/list/use-list.js';
import type { ListShape } from '../../widgets/list/list-state.js';
import { useFrame } from '../../ui/frame-context.js';
import { DANGEROUS, useSigning } from './use-signing.js';

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

/** The second signing route: one user's signing certificates; Esc goes back to the users. */
export function SigningScreen({ user, uploadPath }: { user: string; uploadPath?: string }): React.JSX.Element {
  const { identity, copy, columns } = useFrame();
  const signing = useSigning(user, uploadPath);
  const { certificates, rows, atLimit, action, busy, state, dispatch } = signing;
  const { modal, made } = state;
  const where = identity.state === 'ready' ? describeIdentity(identity.identity) : 'the current account';
  const now = useMomentOf(certificates);
  const [listBox, height] = useMeasuredHeight();
  const cells = useMemo(() => columnsAt(now), [now]);
  const list = useList({ rows, pageSize: height ?? 1, filterable: false, ...CERTIFICATES });
  const current = list.current;

  useScreenKeymap(
    [
      // Not after IAM said the user is not there (c checks again itself before it writes anything).
      {
        keys: ['c'],
        label: 'create & upload',
        when: !busy && certificates.status !== 'failed',
        run: signing.createAndUpload,
      },
      {
        keys: ['u'],
        label: 'upload file',
        when: !busy && certificates.status !== 'failed',
        run: signing.askUpload,
      },
      {
        keys: ['a'],
        label: current?.status === 'Active' ? 'deactivate' : 'activate',
        when: current !== undefined && !busy,
        run: () => current && signing.toggleStatus(current),
      },
      {
        keys: ['d'],
        label: 'delete',
        when: current !== undefined && !busy,
        run: () => current && dispatch({ type: 'confirm', kind: 'delete', row: current }),
      },
      { keys: ['r'], label: 'refresh', run: signing.reload },
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
          <Toned tone="ok">✓ Created and uploaded {made.certificate.id}</Toned>
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
            onChange={(path) => dispatch({ type: 'edit-upload', path })}
            submitLabel="upload"
            onCancel={() => dispatch({ type: 'close' })}
            onSubmit={signing.upload}
          />
        </KeyScope>
      ) : null}
      {modal.kind === 'deactivate' || modal.kind === 'delete' ? (
        <ConfirmByTyping
          {...DANGEROUS[modal.kind](modal.row.id, user)}
          where={where}
          expected={modal.row.id.slice(0, 8)}
          alsoAccepted={[modal.row.id]}
          onCancel={() => dispatch({ type: 'close' })}
          onConfirm={() => signing.confirmed(modal.kind, modal.row)}
        />
      ) : null}
    </Box>
  );
}
