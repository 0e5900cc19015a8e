import { NEEDS_AWS, needsAws, type Route } from '../../screens/routes.js';

/** The `:` commands (k9s): a screen by name, with an argument where the screen takes one. */
export interface PaletteCommand {
  name: string;
  argument?: string;
  what: string;
  route?(argument: string): Route;
}

export const COMMANDS: PaletteCommand[] = [
  { name: 'certs', what: 'IAM and ACM certificates', route: () => ({ screen: 'servers' }) },
  { name: 'radar', what: 'what expires or is due', route: () => ({ screen: 'radar' }) },
  {
    name: 'signing',
    argument: 'USER',
    what: 'signing certificates (of USER)',
    route: (user) => (user ? { screen: 'signing-user', user } : { screen: 'signing' }),
  },
  { name: 'onboard', what: 'onboard a new IAM user', route: () => ({ screen: 'onboard' }) },
  { name: 'create', what: 'create a key and certificate', route: () => ({ screen: 'create' }) },
  {
    name: 'inspect',
    argument: 'PATH',
    what: 'inspect a file',
    route: (path) => ({ screen: 'inspect', path: path || undefined }),
  },
  {
    name: 'upload',
    what: 'upload a server certificate',
    route: () => ({ screen: 'server-upload' }),
  },
  {
    name: 'import',
    what: 'import a certificate into ACM',
    route: () => ({ screen: 'acm-import' }),
  },
  { name: 'home', what: 'back to the start', route: () => ({ screen: 'home' }) },
  { name: 'profile', argument: 'NAME', what: 'act as another AWS profile (another account)' },
  { name: 'q', what: 'quit' },
];

export type PaletteOutcome =
  | { kind: 'go'; route: Route }
  | { kind: 'profile'; name: string }
  | { kind: 'quit' }
  | { kind: 'unknown'; message: string };

/** "inspect certs/ww" → ["inspect", "certs/ww"]. */
export function split(text: string): [string, string] {
  const trimmed = text.trim().replace(/^:/, '');
  const space = trimmed.search(/\s/);
  return space < 0 ? [trimmed, ''] : [trimmed.slice(0, space), trimmed.slice(space).trim()];
}

/** The commands whose name starts with what is typed. */
export function matchingCommands(text: string): PaletteCommand[] {
  const [name, argument] = split(text);
  if (argument) return COMMANDS.filter((command) => command.name === name);
  return COMMANDS.filter((command) => command.name.startsWith(name));
}

/** A name completed from candidates: the longest start they share beyond what is typed, or what is typed. */
export function completeName(typed: string, names: string[]): { value: string; candidates: string[] } {
  const candidates = names.filter((name) => name.startsWith(typed));
  if (candidates.length === 0) return { value: typed, candidates };
  let shared = candidates[0]!;
  for (const name of candidates) while (!name.startsWith(shared)) shared = shared.slice(0, -1);
  return { value: shared.length > typed.length ? shared : typed, candidates };
}

/** Tab: the one command that matches, completed (with a space when it takes an argument); otherwise as typed. */
export function completeCommand(text: string): string {
  const [, argument] = split(text);
  if (argument) return text;
  const matches = matchingCommands(text);
  if (matches.length !== 1) return text;
  const [command] = matches;
  return command!.argument ? `${command!.name} ` : command!.name;
}

export function runCommand(text: string, options: { offline?: boolean } = {}): PaletteOutcome {
  const [name, argument] = split(text);
  const exact = COMMANDS.find((command) => command.name === name || (name === 'quit' && command.name === 'q'));
  const matches = exact ? [exact] : matchingCommands(name);
  if (matches.length !== 1) {
    return {
      kind: 'unknown',
      message: name
        ? `No command "${name}"; try ${COMMANDS.map((command) => command.name).join(', ')}.`
        : 'Type a command: certs, radar, signing, onboard, create, inspect, upload, import, home, profile, q.',
    };
  }
  const command = matches[0]!;
  if (command.name === 'profile')
    return argument
      ? { kind: 'profile', name: argument }
      : { kind: 'unknown', message: "Give the profile's name: :profile NAME (as in ~/.aws/config)." };
  if (!command.route) return { kind: 'quit' };
  const route = command.route(argument);
  // Refused offline as Home refuses it.
  if (needsAws(route) && options.offline) return { kind: 'unknown', message: NEEDS_AWS };
  return { kind: 'go', route };
}
