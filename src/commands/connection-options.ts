import { Command, type OptionValues } from 'commander';

/** The connection flags every command and the app take. */
export function withConnectionOptions(program: Command): Command {
  return program
    .option(
      '--profile <name>',
      'AWS profile (default: the SDK chain: env, config files, SSO, instance role); list, usage and expiring take several: a,b,c',
    )
    .option('--region <region>', 'AWS region for signing (IAM is global)', undefined)
    .option(
      '--endpoint-url <url>',
      'send IAM and STS calls here, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)',
    );
}

/**
 * The app's options when ARGV asks for the app (no command, nothing but the connection flags), read by commander
 * without building every command: that is about a twentieth of the app's first frame. Anything else, help and
 * mistakes included, is undefined and goes to the whole program.
 */
export function appOptions(argv: string[]): OptionValues | undefined {
  const program = withConnectionOptions(new Command('iamcert'))
    .helpOption(false)
    .allowUnknownOption()
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  try {
    const { operands, unknown } = program.parseOptions(argv.slice(2));
    return operands.length === 0 && unknown.length === 0 ? program.opts() : undefined;
  } catch {
    return undefined;
  }
}
