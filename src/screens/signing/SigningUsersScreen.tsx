import React, { useEffect } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import type { NamedEntity } from '../../core/iam/users-and-groups.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { ListView, type Column } from '../../widgets/list/ListView.js';
import { useList } from '../../widgets/list/use-list.js';
import type { ListShape } from '../../widgets/list/list-state.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useMeasuredHeight } from '../../ui/use-measured-height.js';
import { useTask } from '../../ui/use-task.js';
import { useFrame } from '../../ui/frame-context.js';
import { useNavigation } from '../routes.js';

const USERS: ListShape<NamedEntity> = {
  key: (row) => row.arn || row.name,
  text: (row) => `${row.name} ${row.path}`,
  sorts: [
    { name: 'name', compare: (a, b) => a.name.localeCompare(b.name) },
    {
      name: 'created',
      compare: (a, b) => (b.created ?? '').localeCompare(a.created ?? '') || a.name.localeCompare(b.name),
    },
  ],
};

const COLUMNS: Array<Column<NamedEntity>> = [
  { title: 'USER', min: 16, priority: 0, cut: 'middle', sort: 'name', cell: (row) => row.name },
  { title: 'PATH', min: 6, priority: 1, cell: (row) => row.path },
  { title: 'CREATED', min: 10, priority: 2, sort: 'created', cell: (row) => row.created?.slice(0, 10) ?? '' },
];

/** The first of the signing routes: pick the user whose certificates to see (Enter opens them). */
export function SigningUsersScreen({ uploadPath }: { uploadPath?: string }): React.JSX.Element {
  const { services, columns } = useFrame();
  const navigation = useNavigation();
  const [users, load] = useTask<NamedEntity[]>();
  useEffect(() => {
    void load('Listing users…', (signal) => services.listUsers(signal));
  }, [load, services]);
  const [listBox, height] = useMeasuredHeight();
  const list = useList({
    rows: users.status === 'done' ? users.value : [],
    pageSize: height ?? 1,
    columns: COLUMNS,
    ...USERS,
  });
  const current = list.current;
  useScreenKeymap(
    [
      {
        keys: ['enter'],
        label: 'open user',
        when: current !== undefined,
        run: () => current && navigation.push({ screen: 'signing-user', user: current.name, uploadPath }),
      },
      ...list.bindings,
    ],
    {
      help: ["A user's signing certificates sign requests for the legacy EC2 and ELB tools."],
    },
  );
  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      {users.status === 'running' ? <Spinner label={users.label} /> : null}
      <ProblemLine problem={users.status === 'failed' ? users.problem : undefined} />
      <Text bold>Pick a user{uploadPath ? ` to receive ${uploadPath}` : ''}</Text>
      <Box ref={listBox} flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden">
        {height !== undefined ? (
          <ListView
            list={list}
            columns={COLUMNS}
            width={columns - 2}
            height={height}
            total={users.status === 'done' ? users.value.length : 0}
            empty={
              users.status === 'done'
                ? 'No IAM users in this account yet. Onboard one from the start screen (:onboard).'
                : undefined
            }
          />
        ) : null}
      </Box>
    </Box>
  );
}
