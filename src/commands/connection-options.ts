import type { Command } from 'commander';

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
