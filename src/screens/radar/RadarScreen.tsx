import React from 'react';
import { Box } from 'ink';
import type { DueItem } from '../../core/radar/due.js';
import { dueWords, itemTitle } from '../../core/radar/words.js';
import { useFrame } from '../../ui/frame-context.js';
import { Hanging } from '../../ui/Hanging.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useNavigation } from '../routes.js';
import { useMeasuredHeight } from '../../ui/use-measured-height.js';
import { ListView, type Column } from '../../widgets/list/ListView.js';
import { useList } from '../../widgets/list/use-list.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { appFix, fixRoute, kindCell, nameCell, RADAR_SHAPE } from './radar-rows.js';
import { useRadar } from './use-radar.js';

/** DUE and NAME tell rows apart; KIND next; the fix (under the list for the highlighted row) where there is room. */
const COLUMNS: Array<Column<DueItem>> = [
  {
    title: 'DUE',
    // "expired 5323 days ago" whole: the count is what tells two expired rows apart.
    min: 21,
    priority: 0,
    cell: dueWords,
    tone: (item) => (item.reason === 'expired' ? 'danger' : item.kind === 'access-key' ? 'warning' : undefined),
  },
  { title: 'NAME', min: 16, priority: 0, cut: 'middle', cell: nameCell },
  { title: 'KIND', min: 10, priority: 1, cell: kindCell },
  { title: 'FIX', min: 30, priority: 3, cell: appFix },
];

/** What is due in the account, most overdue first, each with its fix; Enter goes to the fix where there is one. */
export function RadarScreen(): React.JSX.Element {
  const { columns, flash } = useFrame();
  const navigation = useNavigation();
  const radar = useRadar();
  const items = radar.state.status === 'done' ? radar.state.value.items : [];
  const [listBox, height] = useMeasuredHeight();
  const list = useList({ rows: items, pageSize: height ?? 1, columns: COLUMNS, ...RADAR_SHAPE });
  const current = list.current;
  useScreenKeymap(
    [
      {
        keys: ['enter'],
        label: 'fix',
        when: current !== undefined,
        run: () => {
          if (!current) return;
          const route = fixRoute(current);
          if (route) navigation.push(route);
          else
            flash(`No screen for this in iamcert yet: ${appFix(current)} (IAM console, Users → Security credentials).`);
        },
      },
      ...list.bindings,
      { keys: ['r'], label: 'refresh', run: radar.reload },
    ],
    {
      help: [
        'Expired and due certificates in IAM and ACM (within 30 days), signing certificates, and access keys older than 90 days or unused for 45.',
        "Users' keys and signing certificates come from IAM's credential report, which IAM makes at most every four hours.",
        'In CI the same radar is iamcert expiring: it exits 1 when something is due and 3 when something could not be read.',
      ],
    },
  );
  const view = radar.state.status === 'done' ? radar.state.value : undefined;
  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      {radar.state.status === 'running' ? <Spinner label={radar.state.label} /> : null}
      <ProblemLine problem={radar.state.status === 'failed' ? radar.state.problem : undefined} />
      <Box ref={listBox} flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden">
        {height !== undefined ? (
          <ListView
            list={list}
            columns={COLUMNS}
            width={columns - 2}
            height={height}
            total={items.length}
            empty={view ? 'Nothing due: no certificate expires within 30 days and no access key is due.' : undefined}
          />
        ) : null}
      </Box>
      {current ? <Hanging prefix="fix ">{`${itemTitle(current)}: ${appFix(current)}`}</Hanging> : null}
      {view && view.notes.length > 0 ? (
        <Hanging prefix="! " tone="warning">{`Not read, so not on the radar: ${view.notes
          .map((note) => `${note.where} (${note.code})`)
          .join('; ')}.`}</Hanging>
      ) : null}
    </Box>
  );
}
