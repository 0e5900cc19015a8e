import { parseArgs } from 'node:util';

/** The connection flags, as the app takes them (see withConnectionOptions for the commands). */
export interface AppOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

/**
 * The app's options when ARGV asks for the app (no command, nothing but the connection flags), read without loading
 * commander: its load was a tenth of the app's first frame. Anything else, help and mistakes included, is undefined
 * and goes to the whole program, which says what is wrong.
 */
export function appOptions(argv: string[]): AppOptions | undefined {
  try {
    const { values, positionals } = parseArgs({
      args: argv.slice(2),
      options: { profile: { type: 'string' }, region: { type: 'string' }, 'endpoint-url': { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) return undefined;
    const options: AppOptions = {};
    if (values.profile !== undefined) options.profile = values.profile;
    if (values.region !== undefined) options.region = values.region;
    if (values['endpoint-url'] !== undefined) options.endpointUrl = values['endpoint-url'];
    return options;
  } catch {
    return undefined;
  }
}
