import { type Problem, fixOf } from '../errors.js';
import { prefix } from './field-prefix.js';
import type { PreflightReport } from './server-certificate.js';
import type { Field } from './rules.js';

/**
 * A field whose file could not be read says why (FILE_NOT_FOUND, NOT_A_REGULAR_FILE, …), as the headless check
 * does, instead of being checked as if it were empty: "the certificate is empty" for a mistyped path misleads.
 */
export function withReadProblems(report: PreflightReport, problems: Partial<Record<Field, Problem>>): PreflightReport {
  const fields = Object.keys(problems) as Field[];
  if (fields.length === 0) return report;
  return {
    ...report,
    ok: false,
    findings: [
      // The field's own code, so the checklist marks the rule that reads that file (never a tick for it).
      ...fields.map((field) => ({
        code: `${prefix(field)}_UNREADABLE`,
        message: problems[field]!.message,
        ...fixOf(problems[field]!),
        severity: 'error' as const,
        field,
      })),
      ...report.findings.filter((finding) => !fields.includes(finding.field)),
    ],
  };
}
