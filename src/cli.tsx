#!/usr/bin/env node
// Silence the SDK's Node-version notice before anything can load the SDK: it would corrupt the TUI's frames.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { EXIT, problemLine, processOutput } from './commands/output.js';
import { toProblem } from './core/errors.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Runs a command's work, turning any failure into one line and exit 1; never a stack trace. */
function action<A extends unknown[]>(work: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = await work(...args);
    } catch (error) {
      processOutput.err(problemLine(toProblem(error)));
      process.exitCode = EXIT.problem;
    }
  };
}

const passphraseOption = () => new Option('--passphrase-file <file>', 'read the passphrase from the first line of FILE (or set IAMCERT_PASSPHRASE)');
const keyFormatOption = (description: string) => new Option('--key-format <format>', description).choices(['pkcs8', 'pkcs1']);

export function buildProgram(): Command {
  const program = new Command('iamcert')
    .description('Certificates for AWS IAM, without OpenSSL flags. With no command, opens the full-screen app.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .action(action(async () => (await import('./tui/start.js')).startTui()));

  program
    .command('inspect')
    .description('say what certificate, key, CSR, PKCS#7 or PKCS#12 files hold (any format, any extension)')
    .argument('<file...>', 'files to read')
    .option('--json', 'print one JSON array, one entry per file')
    .addOption(passphraseOption())
    .action(action(async (files: string[], options) => (await import('./commands/inspect.js')).runInspect(files, options, processOutput)));

  program
    .command('convert')
    .description('convert a file to PEM or DER, change key encoding, decrypt, or unpack PKCS#12/PKCS#7')
    .argument('<file>', 'file to convert')
    .addOption(new Option('--to <format>', 'output format').choices(['pem', 'der']).makeOptionMandatory())
    .addOption(keyFormatOption('key encoding (default: keep it)'))
    .option('--out <file>', 'write here instead of stdout')
    .option('--force', 'replace --out if it exists')
    .addOption(passphraseOption())
    .action(
      action(async (file: string, options) =>
        (await import('./commands/convert.js')).runConvert(file, options, processOutput, {
          stdoutIsTerminal: Boolean(process.stdout.isTTY),
          writeStdout: (data) => process.stdout.write(data),
        }),
      ),
    );

  program
    .command('prepare')
    .description('turn whatever you have (PFX, bundle, P7B, DER, encrypted key) into the clean PEM files IAM wants')
    .argument('<file...>', 'certificate, key, chain and bundle files, in any order')
    .requiredOption('--out-dir <dir>', 'where to write certificate.pem, private-key.pem and chain.pem')
    .addOption(keyFormatOption('private key encoding (default: pkcs8)'))
    .option('--force', 'replace existing files')
    .addOption(passphraseOption())
    .action(action(async (files: string[], options) => (await import('./commands/prepare.js')).runPrepare(files, options, processOutput)));

  program
    .command('check')
    .description("run IAM's upload rules on files exactly as given; exits 0 only if IAM would accept them")
    .requiredOption('--cert <file>', 'certificate body (PEM)')
    .requiredOption('--key <file>', 'private key (PEM, unencrypted)')
    .option('--chain <file>', 'certificate chain (PEM)')
    .option('--name <name>', 'server certificate name')
    .option('--path <path>', 'IAM path, e.g. /cloudfront/')
    .option('--cloudfront', 'the certificate is for CloudFront (the path must start with /cloudfront/)')
    .option('--json', 'print the findings as JSON')
    .action(action(async (options) => (await import('./commands/check.js')).runCheck(options, processOutput)));

  program
    .command('create')
    .description('make a private key and a self-signed certificate (or a CSR); defaults follow the classic EC2 signing-certificate recipe')
    .option('--out-dir <dir>', 'folder for the files (default: ~/.ec2)')
    .option('--name <name>', 'file name part: pk-NAME.pem, cert-NAME.pem (default: amazon)')
    .addOption(new Option('--key-type <type>', 'key type').choices(['rsa2048', 'rsa3072', 'rsa4096', 'ec256', 'ec384']).default('rsa2048'))
    .option('--days <n>', 'days the certificate is valid', '3650')
    .option('--subject <dn>', 'subject such as "/CN=www.example.com/O=Example" (default: empty)')
    .option('--san <dns...>', 'DNS names for the certificate (subjectAltName)')
    .addOption(keyFormatOption('private key encoding').default('pkcs8'))
    .option('--csr', 'write a certificate request (csr-NAME.pem) instead of a certificate')
    .option('--force', 'replace existing files')
    .action(action(async (options) => (await import('./commands/create.js')).runCreate(options, processOutput)));

  return program;
}

const SECRET_FLAGS = /^--(passphrase|password|passin|pass|secret)(=|$)/;

export async function main(argv: string[]): Promise<void> {
  if (argv.slice(2).some((arg) => SECRET_FLAGS.test(arg))) {
    processOutput.err('error PASSPHRASE_ON_COMMAND_LINE: iamcert never takes a passphrase as an argument (it would show in ps and shell history). Fix: use --passphrase-file FILE or the IAMCERT_PASSPHRASE variable.');
    process.exitCode = EXIT.usage;
    return;
  }
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? EXIT.ok : EXIT.usage;
      return;
    }
    processOutput.err(problemLine(toProblem(error)));
    process.exitCode = EXIT.problem;
  }
}

await main(process.argv);
