import React from 'react';
import { Box } from 'ink';
import type { DueItem } from '../../core/radar/due.js';
import { dueWords, itemTitle } from '../../core/radar/words.js';
import { useFrame } from '../../ui/frame-context.js';
import { Hanging } from '../../ui/Hanging.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useNavigation } from '../../ui/navigation.js';
import { useMeasuredHeight } from '../../ui/use-measured-height.js';
import { ListView, type Column } from '../../widgets/list/ListView.js';
import { useList } from '../../widgets/list/use-list.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { appFix, fixRoute, kindCell, nameCell, RADAR_SHAPE } from './radar-rows.js';
import { useRadar } from './use-radar.js';

function columnsFor(width: number): Array<Column<DueItem>> {
  const wide = width >= 110;
  // The marker column, one space between columns, and a spare one so nothing reaches the edge.
  const fixed = 22 + 14 + (wide ? 49 : 0) + 3 + 3 + 1;
  return [
    {
      title: 'DUE',
      // "expired 5323 days ago" whole: the count is what tells two expired rows apart.
      width: 22,
      cell: dueWords,
      tone: (item) => (item.reason === 'expired' ? 'danger' : item.kind === 'access-key' ? 'warning' : undefined),
    },
    { title: 'NAME', width: Math.max(16, width - fixed), cell: nameCell },
    { title: 'KIND', width: 14, cell: kindCell },
    ...(wide ? [{ title: 'FIX', width: 48, cell: appFix }] : []),
  ];
}

/** What is due in the account, most overdue first, each with its fix; Enter goes to the fix where there is one. */
export function RadarScreen(): React.JSX.Element {
  const { columns, flash } = useFrame();
  const navigation = useNavigation();
  const radar = useRadar();
  const items = radar.state.status === 'done' ? radar.state.value.items : [];
  const [listBox, height] = useMeasuredHeight();
  const list = useList({ rows: items, pageSize: height ?? 1, ...RADAR_SHAPE });
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
            columns={columnsFor(columns - 2)}
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
