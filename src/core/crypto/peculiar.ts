import { webcrypto } from 'node:crypto';

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
    const loadedModule: X509Module & { default?: X509Module } = await import('@peculiar/x509');
    // Bundled, the CommonJS build arrives as a default export; unbundled, as named exports.
    const x509 = loadedModule.cryptoProvider ? loadedModule : loadedModule.default!;
    x509.cryptoProvider.set(webcrypto as unknown as Crypto);
    return x509;
  })();
  return loaded;
}
