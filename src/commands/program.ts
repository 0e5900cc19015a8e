import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option, type OptionValues } from 'commander';
import { problemLine, processOutput } from './output.js';
import { EXIT, endOnSignals } from '../core/lifecycle.js';
import { toProblem } from '../core/errors.js';
import { withConnectionOptions, type AppOptions } from './connection-options.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Runs a headless command's work, turning any failure into one line and exit 1; never a stack trace. */
function action<A extends unknown[]>(work: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    // Ctrl-C, SIGTERM, SIGHUP: the registry's cleanups (temp files, half-written sets) run before exiting.
    endOnSignals(['SIGINT', 'SIGTERM', 'SIGHUP']);
    try {
      process.exitCode = await work(...args);
    } catch (error) {
      processOutput.err(problemLine(toProblem(error)));
      process.exitCode = EXIT.problem;
    }
  };
}

/** A subcommand's options together with the global connection flags, typed as the command expects. */
function globals<T extends OptionValues>(command: Command): T {
  return command.optsWithGlobals<T>();
}

/** "unknown option '--pw=hunter2'" must not print hunter2: a near-miss flag may carry a secret. */
function withoutOptionValues(text: string): string {
  return text.replace(/'(--?[^'=\s]+)=[^']*'/g, "'$1=…'");
}

const passphraseOption = () =>
  new Option('--passphrase-file <file>', 'read the passphrase from the first line of FILE (or set IAMCERT_PASSPHRASE)');
const keyPassphraseOption = () =>
  new Option(
    '--key-passphrase-file <file>',
    "a Java keystore key entry's own password, where it is not the store's (or set IAMCERT_KEY_PASSPHRASE)",
  );
const allProfilesOption = () =>
  new Option('--all-profiles', 'every profile in the AWS config files (SSO ones included), each account read once');
const acmRegionsOption = () =>
  new Option(
    '--acm-regions <list>',
    "ACM regions, comma-separated, or all (default: the profile's region and us-east-1, where CloudFront's live)",
  );
const keyFormatOption = (description: string) =>
  new Option('--key-format <format>', description).choices(['pkcs8', 'pkcs1']);

export function buildProgram(openApp: (options: AppOptions) => Promise<void>): Command {
  const program = withConnectionOptions(
    new Command('iamcert')
      .description('Certificates for AWS IAM, without OpenSSL flags. With no command, opens the full-screen app.')
      .version(version, '-V, --version')
      .showHelpAfterError('(run with --help for usage)')
      .configureOutput({ outputError: (text, write) => write(withoutOptionValues(text)) }),
  )
    .exitOverride()
    .action(() => openApp(program.opts()));

  program
    .command('inspect')
    .description(
      'say what certificate, key, CSR, CRL, PKCS#7, PKCS#12 or Java keystore files hold (any format, any extension)',
    )
    .argument('<file...>', 'files to read')
    .option('--json', 'print one JSON array, one entry per file')
    .addOption(passphraseOption())
    .addOption(keyPassphraseOption())
    .action(
      action(async (files: string[], options) =>
        (await import('./inspect.js')).runInspect(files, options, processOutput),
      ),
    );

  program
    .command('convert')
    .description('convert a file to PEM or DER, change key encoding, decrypt, or unpack PKCS#12/PKCS#7')
    .argument('<file>', 'file to convert')
    .addOption(new Option('--to <format>', 'output format').choices(['pem', 'der']).makeOptionMandatory())
    .addOption(keyFormatOption('key encoding (default: keep it)'))
    .option('--out <file>', 'write here instead of stdout')
    .option('--force', 'replace --out if it exists')
    .addOption(passphraseOption())
    .addOption(keyPassphraseOption())
    .action(
      action(async (file: string, options) =>
        (await import('./convert.js')).runConvert(file, options, processOutput, {
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
    .option('--alias <name>', 'from a Java keystore: the key entry to use (default: the only one)')
    .addOption(passphraseOption())
    .addOption(keyPassphraseOption())
    .action(
      action(async (files: string[], options) =>
        (await import('./prepare.js')).runPrepare(files, options, processOutput),
      ),
    );

  program
    .command('check')
    .description("run IAM's upload rules on files exactly as given; exits 0 only if IAM would accept them")
    .requiredOption('--cert <file>', 'certificate body (PEM)')
    .requiredOption('--key <file>', 'private key (PEM, unencrypted)')
    .option('--chain <file>', 'certificate chain (PEM)')
    .option(
      '--no-chain',
      'a CA-issued certificate without its chain, knowingly (browsers and CloudFront will not trust it)',
    )
    .option('--name <name>', 'server certificate name')
    .option('--path <path>', 'IAM path, e.g. /cloudfront/')
    .option('--cloudfront', 'the certificate is for CloudFront (the path must start with /cloudfront/)')
    .option('--json', 'print the findings as JSON')
    .action(action(async (options) => (await import('./check.js')).runCheck(options, processOutput)));

  program
    .command('create')
    .description(
      'make a private key and a self-signed certificate (or a CSR); defaults follow the classic EC2 signing-certificate recipe',
    )
    .option('--out-dir <dir>', 'folder for the files (default: ~/.ec2)')
    .option('--name <name>', 'file name part: pk-NAME.pem, cert-NAME.pem (default: amazon)')
    .addOption(
      new Option('--key-type <type>', 'key type')
        .choices(['rsa2048', 'rsa3072', 'rsa4096', 'ec256', 'ec384'])
        .default('rsa2048'),
    )
    .option('--days <n>', 'days the certificate is valid', '3650')
    .option('--subject <dn>', 'subject such as "/CN=www.example.com/O=Example" (default: empty)')
    .option('--san <dns...>', 'DNS names for the certificate (subjectAltName)')
    .addOption(keyFormatOption('private key encoding').default('pkcs8'))
    .option('--csr', 'write a certificate request (csr-NAME.pem) instead of a certificate')
    .option('--force', 'replace existing files')
    .action(action(async (options) => (await import('./create.js')).runCreate(options, processOutput)));

  program
    .command('whoami')
    .description('show the account and identity iamcert acts as (STS GetCallerIdentity)')
    .option('--json', 'print JSON')
    .action(
      action(async (_options, command: Command) =>
        (await import('./iam/server-certificates.js')).runWhoami(globals(command), processOutput),
      ),
    );

  program
    .command('list')
    .description(
      'list IAM server certificates and ACM certificates (every key type), soonest expiry first; exit 3 when some account or region could not be read',
    )
    .option('--path-prefix <prefix>', 'only IAM certificates under this path, e.g. /cloudfront/')
    .addOption(allProfilesOption())
    .addOption(acmRegionsOption())
    .option('--json', 'print a JSON array')
    .action(
      action(async (_options, command: Command) =>
        (await import('./iam/list.js')).runList(globals(command), processOutput),
      ),
    );

  program
    .command('usage')
    .description(
      'where each server certificate is served (classic, application and network load balancers in each region, CloudFront); exit 0 nothing due, 1 one in use is expired or expires soon, 2 usage error, 3 some region or service could not be looked at (the rest is still reported)',
    )
    .argument('[name]', 'only this server certificate')
    .option('--regions <list>', 'regions to look in, comma-separated (default: every region enabled for the account)')
    .option('--within <days>', 'days ahead that count as "expires soon" (default 30)')
    .option('--concurrency <n>', 'regions looked at side by side (default 8)')
    .addOption(allProfilesOption())
    .option('--json', 'print JSON')
    .action(
      action(async (name: string | undefined, _options, command: Command) => {
        const flags = globals<{ profile?: string; allProfiles?: boolean }>(command);
        if (flags.allProfiles || flags.profile?.includes(','))
          return (await import('./iam/usage-accounts.js')).runUsageInAccounts(name, flags, processOutput);
        return (await import('./iam/usage.js')).runUsage(name, flags, processOutput);
      }),
    );

  program
    .command('expiring')
    .description(
      'the expiry radar: IAM server, ACM and signing certificates expired or expiring soon, and access keys too old or unused, in every account asked for',
    )
    .option('--within <days>', 'certificates expiring within DAYS are due (default 30)')
    .option(
      '--max-key-age <days>',
      'access keys older than DAYS are due (default 90: CIS, AWS Config access-keys-rotated)',
    )
    .addOption(allProfilesOption())
    .addOption(acmRegionsOption())
    .option('--json', 'print JSON for machines')
    .option('--pem', "with --json: each due certificate's PEM body")
    .option('--usage', 'also say what serves each due certificate (load balancers in every region, CloudFront)')
    .option('--ics <file>', 'also write a calendar (one event per expiry; a renewed certificate replaces its event)')
    .option('--prometheus <file>', 'also write a node-exporter textfile (absolute timestamps)')
    .addHelpText(
      'after',
      `
Exit status:
  0  nothing due
  1  something is due (listed)
  2  usage error
  3  some account or region could not be read; what could be read is still reported (3 wins over 1)

Access keys unused for 45 days are due too. Signing certificates and access keys come from IAM's credential
report, which IAM makes at most every four hours.`,
    )
    .action(
      action(async (_options, command: Command) =>
        (await import('./iam/expiring.js')).runExpiring(globals(command), processOutput),
      ),
    );

  program
    .command('get')
    .description(
      'show a server certificate: metadata, parsed body and chain (the private key is never returned by IAM)',
    )
    .argument('<name>', 'server certificate name')
    .option('--out-dir <dir>', 'also write NAME.pem and NAME-chain.pem here')
    .option('--force', 'replace existing files in --out-dir')
    .option('--json', 'print JSON')
    .action(
      action(async (name: string, _options, command: Command) =>
        (await import('./iam/server-certificates.js')).runGet(name, globals(command), processOutput),
      ),
    );

  program
    .command('upload')
    .description("upload a server certificate; IAM's rules are checked first and nothing is sent if they fail")
    .requiredOption('--name <name>', 'server certificate name')
    .requiredOption('--cert <file>', 'certificate body (PEM)')
    .requiredOption('--key <file>', 'private key (PEM, unencrypted)')
    .option('--chain <file>', 'certificate chain (PEM); needed unless self-signed')
    .option(
      '--no-chain',
      'upload a CA-issued certificate without its chain, knowingly (browsers and CloudFront will not trust it)',
    )
    .option('--path <path>', 'IAM path; CloudFront needs /cloudfront/...')
    .option('--cloudfront', 'the certificate is for CloudFront')
    .option('--json', 'print the new certificate as JSON')
    .action(
      action(async (_options, command: Command) =>
        (await import('./iam/server-certificates.js')).runUpload(globals(command), processOutput),
      ),
    );

  program
    .command('import')
    .description(
      "import a certificate into ACM from any files that hold it, its key and chain (PEM, DER, PFX, Java keystore); ACM's rules are checked first and nothing is sent if they fail",
    )
    .argument('<file...>', 'certificate, key, chain and bundle files, in any order')
    .option('--arn <arn>', 're-import over this ACM certificate: renews it in place, everything using the ARN keeps it')
    .addOption(
      new Option('--for <service>', 'where it will be served, to check its limits').choices([
        'cloudfront',
        'load-balancer',
      ]),
    )
    .option('--yes', 'really re-import (ACM keeps no copy of the certificate it replaces)')
    .option('--alias <name>', 'from a Java keystore: the key entry to use (default: the only one)')
    .addOption(passphraseOption())
    .addOption(keyPassphraseOption())
    .option('--json', 'print the result as JSON')
    .action(
      action(async (files: string[], _options, command: Command) =>
        (await import('./acm-import.js')).runAcmImport(files, globals(command), processOutput),
      ),
    );

  program
    .command('rename')
    .description('rename a server certificate and/or move it to another path (UpdateServerCertificate)')
    .argument('<name>', 'current name')
    .option('--new-name <name>', 'new name')
    .option('--new-path <path>', 'new path, e.g. /cloudfront/')
    .option('--cloudfront', 'the new path is for CloudFront')
    .action(
      action(async (name: string, _options, command: Command) =>
        (await import('./iam/server-certificates.js')).runRename(name, globals(command), processOutput),
      ),
    );

  program
    .command('delete')
    .description(
      'delete a server certificate (shows the account; needs --yes); refused while a load balancer or distribution serves it',
    )
    .argument('<name>', 'server certificate name')
    .option('--yes', 'really delete it')
    .option(
      '--regions <list>',
      'regions to check for load balancers serving it (default: every region enabled for the account)',
    )
    .action(
      action(async (name: string, _options, command: Command) =>
        (await import('./iam/server-certificates.js')).runDelete(name, globals(command), processOutput),
      ),
    );

  program
    .command('rotate')
    .description(
      'put a new server certificate everywhere the old one is served (classic, application and network load balancers, CloudFront), then retire the old one; resumable',
    )
    .argument('<old>', 'the server certificate to replace')
    .option('--to <name>', 'a server certificate already in IAM that takes over')
    .option('--cert <file>', 'or: the new certificate (PEM), uploaded first')
    .option('--key <file>', 'its private key (PEM, unencrypted)')
    .option('--chain <file>', 'its chain (PEM); needed unless self-signed')
    .option('--no-chain', 'upload a CA-issued certificate without its chain, knowingly')
    .option('--name <name>', 'name for the uploaded certificate (default: the old name with the new expiry date)')
    .addOption(
      new Option('--retire <how>', 'what becomes of the old one once nothing serves it')
        .choices(['rename', 'delete', 'keep'])
        .default('rename'),
    )
    .option('--plan', 'show what would change, change nothing')
    .option('--yes', 'really do it')
    .option('--regions <list>', 'regions to look in, comma-separated (default: every region enabled for the account)')
    .option('--concurrency <n>', 'regions looked at side by side (default 8)')
    .option('--json', 'print JSON')
    .action(
      action(async (old: string, _options, command: Command) =>
        (await import('./iam/rotate.js')).runRotate(old, globals(command), processOutput),
      ),
    );

  program
    .command('move')
    .description(
      'move an IAM server certificate to ACM: its key found among local files, imported into each region it is served in, and every load balancer and CloudFront distribution switched to it; shows the plan without --yes; resumable',
    )
    .argument('<name>', 'the IAM server certificate')
    .requiredOption(
      '--key-folder <dir...>',
      'folders to look in for its private key (PEM, DER, PFX, Java keystores; three levels deep)',
    )
    .addOption(passphraseOption())
    .addOption(keyPassphraseOption())
    .option('--regions <list>', 'regions to look in, comma-separated (default: every region enabled for the account)')
    .option('--yes', 'really move it')
    .option('--json', 'print JSON')
    .action(
      action(async (name: string, _options, command: Command) =>
        (await import('./iam/move.js')).runMove(name, globals(command), processOutput),
      ),
    );

  const signing = program
    .command('signing')
    .description("an IAM user's signing certificates (X.509, for legacy EC2/ELB tools)");
  const userOption = () => new Option('--user <name>', 'IAM user name').makeOptionMandatory();
  signing
    .command('list')
    .description("list a user's signing certificates with status, expiry and fingerprint")
    .addOption(userOption())
    .option('--json', 'print JSON')
    .action(
      action(async (_options, command: Command) =>
        (await import('./iam/signing.js')).runSigningList(globals(command), processOutput),
      ),
    );
  signing
    .command('create')
    .description(
      'make an RSA 2048 key (PKCS#8, 0600) and a self-signed certificate for 3650 days, upload the certificate (never the key) and print the EC2 exports',
    )
    .addOption(userOption())
    .option(
      '--out-dir <dir>',
      'folder for pk-USER.pem and cert-USER.pem (default: ~/.ec2; a second pair gets a dated name)',
    )
    .option('--json', 'print JSON')
    .action(
      action(async (_options, command: Command) =>
        (await import('./iam/signing.js')).runSigningCreate(globals(command), processOutput),
      ),
    );
  signing
    .command('upload')
    .description('upload a certificate (never a key) as a signing certificate')
    .addOption(userOption())
    .requiredOption('--cert <file>', 'certificate file (PEM)')
    .option('--json', 'print JSON')
    .action(
      action(async (_options, command: Command) =>
        (await import('./iam/signing.js')).runSigningUpload(globals(command), processOutput),
      ),
    );
  for (const [verb, status] of [
    ['activate', 'Active'],
    ['deactivate', 'Inactive'],
  ] as const) {
    const command = signing
      .command(verb)
      .description(
        verb === 'deactivate'
          ? 'deactivate a signing certificate (shows the account; needs --yes)'
          : 'activate a signing certificate',
      )
      .addOption(userOption())
      .requiredOption('--id <id>', 'certificate ID (see signing list)');
    if (verb === 'deactivate') command.option('--yes', 'really deactivate it');
    command.action(
      action(async (_options, self: Command) =>
        (await import('./iam/signing.js')).runSigningStatus(globals(self), status, processOutput),
      ),
    );
  }
  signing
    .command('delete')
    .description('delete a signing certificate (shows the account; needs --yes)')
    .addOption(userOption())
    .requiredOption('--id <id>', 'certificate ID (see signing list)')
    .option('--yes', 'really delete it')
    .action(
      action(async (_options, command: Command) =>
        (await import('./iam/signing.js')).runSigningDelete(globals(command), processOutput),
      ),
    );

  program
    .command('onboard')
    .description('create (or resume) a user with group, access key and signing certificate, and print the EC2 exports')
    .requiredOption('--user <name>', 'IAM user to create or reuse')
    .requiredOption('--group <name>', 'group to create or reuse')
    .option('--policy <nameOrArn...>', 'AWS-managed policies to attach to the group')
    .option('--access-key-file <file>', 'where to save the access key CSV (default: OUT_DIR/USER_accessKeys.csv)')
    .option('--no-access-key', 'do not create an access key')
    .option('--signing-cert <create|FILE|none>', 'create a new key and certificate (default), upload FILE, or none')
    .option('--out-dir <dir>', 'folder for pk-USER.pem, cert-USER.pem and the CSV (default: ~/.ec2)')
    .option('--workload', 'the user is for a workload, not a person: leave out the IAM Identity Center note')
    .option('--json', 'print the result as JSON (the secret stays in its file)')
    .action(
      action(async (_options, command: Command) =>
        (await import('./iam/onboard.js')).runOnboard(globals(command), processOutput),
      ),
    );

  return program;
}

/** The whole program: every command, help, the version and mistakes (the app's own start skips it). */
export async function runProgram(argv: string[], openApp: (options: AppOptions) => Promise<void>): Promise<void> {
  try {
    await buildProgram(openApp).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)
        ? EXIT.ok
        : EXIT.usage;
      return;
    }
    throw error;
  }
}
