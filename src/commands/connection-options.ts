import { parseArgs } from 'node:util';
import type { Command } from 'commander';

/** The connection flags, as the app takes them and as commander names them for the commands. */
export interface AppOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

/** The connection flags every command and the app take: one list, read by commander and by the app's own start. */
const CONNECTION_FLAGS: Array<{ flag: string; value: string; key: keyof AppOptions; description: string }> = [
  {
    flag: 'profile',
    value: 'name',
    key: 'profile',
    description:
      'AWS profile (default: the SDK chain: env, config files, SSO, instance role); list, usage and expiring take several: a,b,c',
  },
  { flag: 'region', value: 'region', key: 'region', description: 'AWS region for signing (IAM is global)' },
  {
    flag: 'endpoint-url',
    value: 'url',
    key: 'endpointUrl',
    description: 'send IAM and STS calls here, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)',
  },
];

export function withConnectionOptions(program: Command): Command {
  for (const { flag, value, description } of CONNECTION_FLAGS) program.option(`--${flag} <${value}>`, description);
  return program;
}

/**
 * The app's options when ARGV asks for the app (no command, nothing but the connection flags), read with
 * util.parseArgs, so the app's start does not load commander (a tenth of its first frame). Anything else, help and
 * mistakes included, is undefined and goes to the whole program, which says what is wrong.
 */
export function appOptions(argv: string[]): AppOptions | undefined {
  try {
    const { values, positionals } = parseArgs({
      args: argv.slice(2),
      options: Object.fromEntries(CONNECTION_FLAGS.map(({ flag }) => [flag, { type: 'string' as const }])),
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) return undefined;
    const options: AppOptions = {};
    for (const { flag, key } of CONNECTION_FLAGS) {
      const value = values[flag];
      if (typeof value === 'string') options[key] = value;
    }
    return options;
  } catch {
    return undefined;
  }
}
