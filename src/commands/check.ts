import { describeKeyShape } from '../core/crypto/key-facts.js';
import { itemFacts } from '../core/formats/facts.js';
import { preflightServerCertificate, type PreflightReport } from '../core/preflight/server-certificate.js';
import type { Finding } from '../core/preflight/rules.js';
import { describeExpiry } from '../core/time/expiry.js';
import { printJson, type Output } from './output.js';
import { EXIT } from '../core/lifecycle.js';
import { readInputFile } from '../core/files/read-input.js';

export interface CheckOptions {
  cert: string;
  key: string;
  /** A file, or false for --no-chain. */
  chain?: string | false;
  name?: string;
  path?: string;
  cloudfront?: boolean;
  json?: boolean;
}

export function findingLine(finding: Finding): string {
  const mark = finding.severity === 'error' ? '✗' : finding.severity === 'warning' ? '!' : '·';
  return `${mark} ${finding.severity} ${finding.code}: ${finding.message} Fix: ${finding.fix}`;
}

export function reportLines(report: PreflightReport, now = new Date()): string[] {
  const lines: string[] = [];
  if (report.certificate) {
    const certificate = report.certificate;
    lines.push(
      `certificate: ${certificate.subject || '(empty subject)'}, ${describeKeyShape(certificate)}, ${describeExpiry(certificate.notAfter, now)}`,
    );
  }
  if (report.chain.length > 0)
    lines.push(`chain: ${report.chain.map((link) => link.subject || '(empty subject)').join(' → ')}`);
  lines.push(...report.findings.map(findingLine));
  lines.push(report.ok ? '✓ IAM would accept this upload.' : '✗ IAM would reject this upload; fix the errors above.');
  return lines;
}

export async function runCheck(options: CheckOptions, output: Output): Promise<number> {
  const report = await preflightServerCertificate({
    certificate: await readInputFile(options.cert),
    privateKey: await readInputFile(options.key),
    chain: options.chain ? await readInputFile(options.chain) : undefined,
    name: options.name,
    path: options.path,
    cloudfront: options.cloudfront,
    allowMissingChain: options.chain === false,
  });
  if (options.json) {
    printJson(output, {
      ok: report.ok,
      findings: report.findings,
      certificate: report.certificate ? itemFacts(report.certificate) : undefined,
      chain: report.chain.map(itemFacts),
    });
  } else {
    output.out(reportLines(report).join('\n'));
  }
  return report.ok ? EXIT.ok : EXIT.problem;
}
