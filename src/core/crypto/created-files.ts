import { homedir } from 'node:os';
import { join } from 'node:path';

/** The classic guide keeps EC2 credentials in ~/.ec2. */
export function defaultOutDir(): string {
  return join(homedir(), '.ec2');
}

/** pk-NAME.pem, and cert-NAME.pem (or csr-NAME.pem for a request). */
export function createdPaths(outDir: string, name: string, csr: boolean): { key: string; certificate: string } {
  return {
    key: join(outDir, `pk-${name}.pem`),
    certificate: join(outDir, csr ? `csr-${name}.pem` : `cert-${name}.pem`),
  };
}

/**
 * A name whose pk-/cert- files are not there yet: the name itself, else the name and the date,
 * else that with -2, -3 … so a second pair for the same user never replaces the first.
 */
export async function unusedPairName(
  outDir: string,
  name: string,
  existing: (paths: string[]) => Promise<string[]>,
  now = new Date(),
): Promise<string> {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const candidates = [
    name,
    `${name}-${day}`,
    ...Array.from({ length: 98 }, (_, index) => `${name}-${day}-${index + 2}`),
  ];
  for (const candidate of candidates) {
    const paths = createdPaths(outDir, candidate, false);
    if ((await existing([paths.key, paths.certificate])).length === 0) return candidate;
  }
  return `${name}-${now.getTime()}`;
}

/**
 * The user a pair's name may stand for, read back from what unusedPairName makes: "bob" for bob, and for a second
 * pair's bob-20261204 or bob-20261204-2 both that name and bob.
 */
export function usersNamedBy(name: string): string[] {
  const undated = name.replace(/-\d{8}(-\d+)?$/, '');
  return undated === name ? [name] : [name, undated];
}
