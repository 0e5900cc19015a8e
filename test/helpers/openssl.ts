import { execFileSync } from 'node:child_process';

/** Runs the openssl CLI, our referee. Throws with openssl's stderr when it fails. */
export function openssl(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): Buffer {
  try {
    return execFileSync('openssl', args, { cwd: options.cwd, input: options.input, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`openssl ${args.join(' ')} failed: ${stderr}`, { cause: error });
  }
}

export function opensslText(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): string {
  return openssl(args, options).toString('utf8');
}

/** SHA-256 of a certificate's DER, as openssl computes it (lowercase hex, no colons). */
export function opensslCertSha256(path: string, cwd?: string): string {
  const line = opensslText(['x509', '-in', path, '-noout', '-fingerprint', '-sha256'], { cwd });
  return line.split('=')[1]!.trim().replace(/:/g, '').toLowerCase();
}

/** SHA-256 of the DER SubjectPublicKeyInfo of a key or certificate, as openssl computes it. */
export function opensslSpkiSha256(
  path: string,
  kind: 'cert' | 'key' | 'csr',
  cwd?: string,
  passphrase?: string,
): string {
  const spkiPem =
    kind === 'cert'
      ? openssl(['x509', '-in', path, '-noout', '-pubkey'], { cwd })
      : kind === 'csr'
        ? openssl(['req', '-in', path, '-noout', '-pubkey'], { cwd })
        : openssl(['pkey', '-in', path, '-pubout', ...(passphrase ? ['-passin', `pass:${passphrase}`] : [])], { cwd });
  const der = openssl(['pkey', '-pubin', '-outform', 'DER'], { cwd, input: spkiPem });
  return openssl(['dgst', '-sha256', '-r'], { input: der }).toString().split(' ')[0]!;
}
