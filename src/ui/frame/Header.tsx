import React from 'react';
import { Box } from 'ink';
import { Text } from '../safe-text.js';
import type { IdentityState } from '../frame-context.js';
import { Toned } from '../Toned.js';

function who(identity: IdentityState): { text: string; tone?: 'warning' | 'muted' } {
  if (identity.state === 'loading') return { text: 'connecting…', tone: 'muted' };
  // The message itself is on the screen below, once.
  if (identity.state === 'offline') return { text: `offline (${identity.problem.code})`, tone: 'warning' };
  const { account, arn, endpoint } = identity.identity;
  if (!account) return { text: `account unknown (no STS at ${endpoint})`, tone: 'warning' };
  return { text: `account ${account}  ${arn ?? ''}` };
}

/** App name and who you act as: nobody should delete a certificate in the wrong account. */
export function Header({
  identity,
  title,
  columns,
}: {
  identity: IdentityState;
  title: string;
  columns: number;
}): React.JSX.Element {
  const { text, tone } = who(identity);
  const details = identity.state === 'ready' ? identity.identity : undefined;
  const context = details
    ? [
        details.fromEnvironment ? 'keys from the environment' : `profile ${details.profile ?? 'default'}`,
        `region ${details.region}`,
        details.endpoint !== 'AWS' ? `endpoint ${details.endpoint}` : '',
      ]
        .filter(Boolean)
        .join('  ')
    : '';
  return (
    <Box flexDirection="column" width={columns} flexShrink={0}>
      <Text wrap="truncate-end">
        <Text bold>iamcert</Text> › {title} <Toned tone={tone}>{text}</Toned>
      </Text>
      {context ? (
        <Toned tone="muted" wrap="truncate-end">
          {context}
        </Toned>
      ) : null}
    </Box>
  );
}
