import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { fixInApp, toProblem, type Problem } from '../../src/core/errors.js';
import { checkWritable } from '../../src/core/files/safe-write.js';
import { wrongPassphrase } from '../../src/core/crypto/read-private-key.js';
import { preflightServerCertificate } from '../../src/core/preflight/server-certificate.js';
import { made } from '../helpers/made-certificates.js';
import { fixtures } from '../helpers/use-fixtures.js';

/**
 * A fix names what to do in the words of the front end that shows it: flags headless, keys and screens in the app.
 * These are the hints a new user met inside the app, worded for the command line.
 */
const fx = fixtures();
const folder = mkdtempSync(join(tmpdir(), 'iamcert-wording-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const FLAG_OR_COMMAND = /--[a-z]|\biamcert (convert|create|prepare|inspect|usage|rotate|signing|list|get|rename)\b/;

function wordedForBoth(problem: Pick<Problem, 'fix' | 'appFix'>, cli: RegExp): void {
  expect(problem.fix).toMatch(cli);
  expect(fixInApp(problem)).not.toMatch(FLAG_OR_COMMAND);
}

async function finding(input: Parameters<typeof preflightServerCertificate>[0], code: string) {
  const report = await preflightServerCertificate(input);
  const found = report.findings.find((each) => each.code === code);
  expect(found, `${code} in ${report.findings.map((each) => each.code).join(', ')}`).toBeDefined();
  return found!;
}

describe('fixes in the words of each front end', () => {
  it('a file that exists: --force headless, never in the app', async () => {
    const existing = join(folder, 'there.pem');
    writeFileSync(existing, 'x');
    const problem = toProblem(await checkWritable(existing).catch((error: unknown) => error));
    expect(problem.code).toBe('FILE_EXISTS');
    wordedForBoth(problem, /--force/);
  });

  it('a passphrase that does not open the key: --passphrase-file headless, type it again in the app', () => {
    wordedForBoth(wrongPassphrase(), /--passphrase-file/);
    expect(fixInApp(wrongPassphrase())).toMatch(/type it again/);
  });

  it('an encrypted key for an upload: iamcert convert headless, Inspect and Prepare in the app', async () => {
    const encrypted = await finding(
      { certificate: fx.read('leaf.pem'), privateKey: fx.read('enc-pbes2.key'), chain: fx.read('chain.pem') },
      'KEY_ENCRYPTED',
    );
    wordedForBoth(encrypted, /iamcert convert/);
    expect(fixInApp(encrypted)).toMatch(/Inspect/);
  });

  it('a missing chain: --no-chain headless; the app, which cannot upload without one, names Prepare', async () => {
    const missing = await finding(
      { certificate: fx.read('leaf.pem'), privateKey: fx.read('rsa2048.key') },
      'CHAIN_MISSING',
    );
    wordedForBoth(missing, /--no-chain/);
  });

  it('an expired certificate: iamcert create headless, the Create screen in the app', async () => {
    const expired = await made('RSA-2048', { notAfter: new Date(Date.now() - 86_400_000) });
    const found = await finding(
      { certificate: expired.x509.toString(), privateKey: fx.read('rsa2048.key') },
      'CERT_EXPIRED',
    );
    wordedForBoth(found, /iamcert create/);
    expect(fixInApp(found)).toMatch(/Create/);
  });

  it('a fix carried into another problem keeps both wordings', async () => {
    const { IamcertError, fixOf } = await import('../../src/core/errors.js');
    const carried = new IamcertError({ code: 'X', message: 'y', ...fixOf(wrongPassphrase()) }).toProblem();
    expect(carried.appFix).toBe(wrongPassphrase().appFix);
  });
});

/**
 * Every text in the core and the app that names one of iamcert's flags or commands, and how the app avoids showing it.
 * The core does not know which front end shows a fix, so a fix naming a flag carries the app's words beside it.
 */
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const IAMCERT_FLAG_OR_COMMAND =
  /(?<![\w-])--[a-z][a-z0-9-]*|\biamcert (inspect|convert|prepare|check|create|upload|list|get|rename|delete|usage|rotate|signing|onboard|expiring|move|import)\b/;
/** An aws CLI command line with its own flags ("aws sso login --profile NAME") is run in a shell, not in iamcert. */
const AWS_COMMAND = /\baws [a-z0-9-]+( [a-z0-9-]+)*( --[a-z-]+( [A-Za-z0-9${}._-]+)?)*/g;
/** Where naming a command is the point, each with why. */
const MEANT: Array<{ file: string; text: RegExp; why: string }> = [
  {
    file: 'core/iam/errors.ts',
    text: /^` --profile \$\{context\.profile\}`$/,
    why: 'the profile argument of aws CLI commands',
  },
  { file: 'core/onboard-advice.ts', text: /iamcert expiring/, why: 'the command to put in CI, shown as such' },
  { file: 'screens/radar/RadarScreen.tsx', text: /In CI the same radar is iamcert expiring/, why: 'the CI command' },
  { file: 'app/start.tsx', text: /needs a terminal/, why: 'printed to the shell when there is no terminal' },
  // Moving to ACM has no screen: only `iamcert move` plans and runs it (checked below).
  { file: 'core/acm/move.ts', text: /./, why: 'headless only' },
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(folder, entry.name)]
        : [],
  );
}

/** Is this literal the command-line half of worded(cli, app), or the fix of an object that has an appFix? */
function hasAppWording(node: ts.Node, source: ts.SourceFile): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isCallExpression(parent) && parent.expression.getText(source) === 'worded')
      return parent.arguments[0] === child;
    if (
      ts.isPropertyAssignment(parent) &&
      parent.name.getText(source) === 'fix' &&
      ts.isObjectLiteralExpression(parent.parent) &&
      parent.parent.properties.some((property) => property.name?.getText(source) === 'appFix')
    )
      return true;
    if (ts.isStatement(parent)) return false;
  }
  return false;
}

function cliOnlyTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node) ||
      ts.isJsxText(node)
    ) {
      const text = node.getText(source);
      if (IAMCERT_FLAG_OR_COMMAND.test(text.replace(AWS_COMMAND, 'aws …')) && !hasAppWording(node, source)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${relative(SRC, file)}:${line + 1} ${text}`);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no text in the app names a flag of iamcert', () => {
  const shared = ['core', 'screens', 'ui', 'widgets', 'app'].flatMap((folder) => sourceFiles(join(SRC, folder)));

  it('every fix the core words for the command line has the words of the app beside it', () => {
    const unworded = shared
      .flatMap(cliOnlyTexts)
      .filter(
        (hit) =>
          !MEANT.some((meant) => hit.startsWith(`${meant.file}:`) && meant.text.test(hit.slice(hit.indexOf(' ') + 1))),
      );
    expect(unworded).toEqual([]);
  });

  it('the check sees a flag in a fix without app words, and passes one with them', () => {
    const folder = mkdtempSync(join(tmpdir(), 'iamcert-wording-scan-'));
    try {
      const file = join(folder, 'sample.ts');
      writeFileSync(
        file,
        [
          "fail('A', 'b', 'Pass --force to replace it.');",
          "fail('A', 'b', worded('Pass --force to replace it.', 'Press y to replace it.'));",
          "fail('A', 'b', worded('Replace it.', 'Pass --force.'));",
          "const p = { code: 'A', message: 'b', fix: 'Use --alias NAME.', appFix: 'Choose one.' };",
          "fail('A', 'b', 'Run aws sso login --profile NAME.');",
        ].join('\n'),
      );
      expect(cliOnlyTexts(file).map((hit) => hit.split(' ')[0]!.split(':').pop())).toEqual(['1', '3']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("the app reads a problem's fix only through fixInApp, which picks the app's words", () => {
    const direct = shared
      .filter((file) => !file.includes(`${SRC}core`))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) =>
            /\.fix\b/.test(line) ? [`${relative(SRC, file)}:${index + 1} ${line.trim()}`] : [],
          ),
      )
      // The crash line is printed to the shell after the app has closed: the command line's words are right there.
      .filter((hit) => !hit.startsWith('app/start.tsx:') || !hit.includes('stopped unexpectedly'));
    expect(direct).toEqual([]);
  });

  it('moving to ACM, left worded for the command line, has no screen', () => {
    const importers = shared.filter(
      (file) => !file.includes(`${join('core', 'acm')}`) && /acm\/move\.js/.test(readFileSync(file, 'utf8')),
    );
    expect(importers.map((file) => relative(SRC, file))).toEqual([]);
  });
});
