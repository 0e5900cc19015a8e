import { homedir } from 'node:os';
import { join } from 'node:path';

/** The classic guide keeps EC2 credentials in ~/.ec2. */
export function defaultOutDir(): string {
  return join(homedir(), '.ec2');
}

/** pk-NAME.pem, and cert-NAME.pem (or csr-NAME.pem for a request). */
export function createdPaths(outDir: string, name: string, csr: boolean): { key: string; certificate: string } {
  return { key: join(outDir, `pk-${name}.pem`), certificate: join(outDir, csr ? `csr-${name}.pem` : `cert-${name}.pem`) };
}
