import { resolve } from 'node:path';

/** Quotes a value for a POSIX shell only when it needs it. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./~-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The lines the legacy EC2 command-line tools read, with absolute paths so they work from any folder. */
export function ec2ExportLines(certificatePath: string, keyPath?: string): string[] {
  return [
    ...(keyPath ? [`export EC2_PRIVATE_KEY=${shellQuote(resolve(keyPath))}`] : []),
    `export EC2_CERT=${shellQuote(resolve(certificatePath))}`,
  ];
}
