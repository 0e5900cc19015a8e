import { describe, expect, it } from 'vitest';
import { compare, corpusPresent, CORPUS, manifest, type Comparison } from './compare.js';

/**
 * Files OpenSSL 3 reads that iamcert does not, each with the reason (the README lists them too).
 * Anything missing that is not here fails the test; so does anything here that iamcert now reads.
 */
const RC4 =
  'encrypted with RC4, which OpenSSL 3 opens only with its legacy provider and no maintained JavaScript library implements: CIPHER_NOT_AVAILABLE, naming it';
const KNOWN_MISSING: Record<string, string> = {
  'mbedtls__parse_input__test_csr_v3_all_malformed_extension_data_len1.csr.der':
    'a request whose extension value has a length that does not add up; OpenSSL never looks inside attribute values, iamcert parses the request whole and refuses it',
  // This process runs with no Node flags, as `node dist/cli.js` does: DES and RC2 open (node-forge); RC4 does not.
  'mbedtls__ec_prv.pk8.pw.der': RC4,
  'mbedtls__ec_prv.pk8.pw.pem': RC4,
  'pyca__asymmetric__PKCS8__enc-ec-sha1-128-rc4.pem': RC4,
};

describe.skipIf(!corpusPresent())('the real-world corpus, with OpenSSL 3 as referee', () => {
  it('every file OpenSSL reads gives the same items and digests; every file it rejects, a clean error', async () => {
    const results: Comparison[] = [];
    for (const entry of manifest()) results.push(await compare(entry));
    const by = (verdict: Comparison['verdict']) => results.filter((result) => result.verdict === verdict);
    console.log(
      `real-world corpus: ${by('agree').length} agree, ${by('wrong').length} wrong, ${by('missing').length} missing, ${by('crash').length} crashes (of ${results.length})`,
    );
    expect(by('crash')).toEqual([]);
    expect(by('wrong')).toEqual([]);
    expect(
      by('missing')
        .map((result) => result.file)
        .sort(),
    ).toEqual(Object.keys(KNOWN_MISSING).sort());
    expect(results.length).toBe(1616);
  }, 300_000);
});

if (!corpusPresent()) {
  console.warn(
    `\n*** The real-world corpus is not at ${CORPUS}: its 1,616-file check is SKIPPED. ***\n*** It lives beside the project in this workspace (../shared/corpus/real-world).   ***\n`,
  );
}
