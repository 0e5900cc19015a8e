import { webcrypto } from 'node:crypto';
import { namedExports } from '../commonjs.js';

type X509Module = typeof import('@peculiar/x509');
let loaded: Promise<X509Module> | undefined;

/**
 * @peculiar/x509 builds and reads what Node's crypto can't (certificates and
 * CSRs for EC keys, PKCS#7). It needs the reflect polyfill and costs start-up
 * time, so it is loaded only when a task needs it.
 */
export function loadX509(): Promise<X509Module> {
  loaded ??= (async () => {
    await import('reflect-metadata');
    const x509 = namedExports<X509Module>(await import('@peculiar/x509'), 'cryptoProvider');
    x509.cryptoProvider.set(webcrypto as unknown as Crypto);
    return x509;
  })();
  return loaded;
}
