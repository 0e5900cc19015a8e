import { describe, expect, it } from 'vitest';
import { appOptions } from '../../src/commands/connection-options.js';
import { runCli } from '../helpers/cli.js';

const argv = (...args: string[]) => ['node', 'iamcert', ...args];

describe('the app is started without building every command', () => {
  it('reads the connection flags, in both spellings, when nothing else is given', () => {
    expect(appOptions(argv())).toEqual({});
    expect(
      appOptions(argv('--profile', 'prod', '--region', 'eu-west-1', '--endpoint-url', 'http://127.0.0.1:5000')),
    ).toEqual({ profile: 'prod', region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:5000' });
    expect(appOptions(argv('--endpoint-url=http://127.0.0.1:5000'))).toEqual({ endpointUrl: 'http://127.0.0.1:5000' });
  });

  it('leaves commands, help, the version and mistakes to the whole program', () => {
    for (const args of [
      ['list'],
      ['--profile', 'prod', 'list'],
      ['--help'],
      ['-h'],
      ['-V'],
      ['--version'],
      ['--profile'],
      ['--endpoint-ur', 'x'],
      ['--region', 'eu-west-1', 'extra'],
    ])
      expect(appOptions(argv(...args)), args.join(' ')).toBeUndefined();
  });

  it('the built command still answers help, the version and a missing value as before', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--endpoint-url <url>/);
    expect(help.stdout).toMatch(/inspect/);
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const missing = await runCli(['--profile']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/argument missing/);
    // And the app itself, with its flags, still starts (here without a terminal, which it says).
    const app = await runCli(['--endpoint-url', 'http://127.0.0.1:9']);
    expect(app.code).toBe(1);
    expect(app.stderr).toMatch(/needs a terminal/);
  });
});
