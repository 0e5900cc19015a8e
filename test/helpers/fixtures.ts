import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openssl } from './openssl.js';

export const PASSPHRASE = 'correct horse battery staple';
/** The Java keystores' store password (keytool's default is changeit) and one key entry's own password. */
export const STORE_PASSWORD = 'changeit-store';
export const KEY_PASSWORD = 'tomcat-key-only';

export function hasKeytool(): boolean {
  try {
    execFileSync('keytool', ['-help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every format, encryption and key type the core must read, made by openssl
 * in a fresh temp folder. Paths are relative to `dir`.
 */
export interface Fixtures {
  dir: string;
  path(name: string): string;
  read(name: string): Buffer;
  cleanup(): void;
}

export function makeFixtures(): Fixtures {
  const dir = mkdtempSync(join(tmpdir(), 'iamcert-fixtures-'));
  const run = (...args: string[]) => openssl(args, { cwd: dir });
  const write = (name: string, data: string | Buffer) => writeFileSync(join(dir, name), data);
  const pass = `pass:${PASSPHRASE}`;

  // Keys of every type, PKCS#8 PEM.
  for (const bits of [1024, 2048, 3072, 4096])
    run('genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', `rsa${bits}.key`);
  for (const curve of ['P-256', 'P-384', 'P-521'])
    run('genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`, '-out', `ec-${curve}.key`);
  run('genpkey', '-algorithm', 'ED25519', '-out', 'ed25519.key');

  // Traditional encodings and DER forms.
  run('rsa', '-in', 'rsa2048.key', '-traditional', '-out', 'rsa2048-pkcs1.key');
  run('ec', '-in', 'ec-P-256.key', '-out', 'ec-P-256-sec1.key');
  run('pkcs8', '-topk8', '-nocrypt', '-in', 'rsa2048.key', '-outform', 'DER', '-out', 'rsa2048-pkcs8.der');
  run('rsa', '-in', 'rsa2048.key', '-traditional', '-outform', 'DER', '-out', 'rsa2048-pkcs1.der');
  run('ec', '-in', 'ec-P-256.key', '-outform', 'DER', '-out', 'ec-P-256-sec1.der');
  run('pkey', '-in', 'rsa2048.key', '-pubout', '-out', 'rsa2048-spki.pub');
  run('pkey', '-in', 'rsa2048.key', '-pubout', '-outform', 'DER', '-out', 'rsa2048-spki.pub.der');
  run('rsa', '-in', 'rsa2048.key', '-RSAPublicKey_out', '-out', 'rsa2048-pkcs1.pub');
  run('rsa', '-in', 'rsa2048.key', '-RSAPublicKey_out', '-outform', 'DER', '-out', 'rsa2048-pkcs1.pub.der');

  // Encrypted keys.
  run('rsa', '-in', 'rsa2048.key', '-traditional', '-aes256', '-passout', pass, '-out', 'enc-legacy-aes.key');
  run('rsa', '-in', 'rsa2048.key', '-traditional', '-des3', '-passout', pass, '-out', 'enc-legacy-des3.key');
  run('ec', '-in', 'ec-P-256.key', '-aes128', '-passout', pass, '-out', 'enc-legacy-ec.key');
  run('pkcs8', '-topk8', '-in', 'rsa2048.key', '-v2', 'aes-256-cbc', '-passout', pass, '-out', 'enc-pbes2.key');
  run('pkcs8', '-topk8', '-in', 'rsa2048.key', '-v1', 'PBE-SHA1-3DES', '-passout', pass, '-out', 'enc-sha1-3des.key');
  run('pkcs8', '-topk8', '-in', 'ec-P-384.key', '-scrypt', '-passout', pass, '-out', 'enc-scrypt.key');
  run(
    'pkcs8',
    '-topk8',
    '-in',
    'rsa2048.key',
    '-v2',
    'aes-256-cbc',
    '-passout',
    pass,
    '-outform',
    'DER',
    '-out',
    'enc-pbes2.der',
  );
  run(
    'pkcs8',
    '-topk8',
    '-in',
    'ec-P-256.key',
    '-v2',
    'aes-256-cbc',
    '-passout',
    'pass:another one',
    '-out',
    'enc-other.key',
  );
  // Passphrase stretching: OWASP's 600,000 rounds is fine; just over a million is refused unread.
  run(
    'pkcs8',
    '-topk8',
    '-in',
    'ec-P-256.key',
    '-v2',
    'aes-256-cbc',
    '-iter',
    '600000',
    '-passout',
    pass,
    '-out',
    'enc-owasp.key',
  );
  run(
    'pkcs8',
    '-topk8',
    '-in',
    'ec-P-256.key',
    '-v2',
    'aes-256-cbc',
    '-iter',
    '1000001',
    '-passout',
    pass,
    '-outform',
    'DER',
    '-out',
    'enc-costly.der',
  );

  // A CA chain: root → intermediate → leaf, plus a self-signed signing certificate.
  write(
    'ca.ext',
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  write(
    'leaf.ext',
    'basicConstraints=CA:FALSE\nsubjectAltName=DNS:www.example.com,DNS:example.com\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  run(
    'req',
    '-x509',
    '-new',
    '-key',
    'rsa4096.key',
    '-subj',
    '/CN=Test Root CA/O=iamcert tests',
    '-days',
    '3650',
    '-out',
    'root.pem',
  );
  run(
    'req',
    '-new',
    '-key',
    'rsa3072.key',
    '-subj',
    '/CN=Test Intermediate CA/O=iamcert tests',
    '-out',
    'intermediate.csr',
  );
  run(
    'x509',
    '-req',
    '-in',
    'intermediate.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'rsa4096.key',
    '-CAcreateserial',
    '-days',
    '1825',
    '-extfile',
    'ca.ext',
    '-out',
    'intermediate.pem',
  );
  run('req', '-new', '-key', 'rsa2048.key', '-subj', '/CN=www.example.com/O=Example Ltd', '-out', 'leaf.csr');
  run(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'intermediate.pem',
    '-CAkey',
    'rsa3072.key',
    '-CAcreateserial',
    '-days',
    '397',
    '-extfile',
    'leaf.ext',
    '-out',
    'leaf.pem',
  );
  write('chain.pem', Buffer.concat([readFileSync(join(dir, 'intermediate.pem')), readFileSync(join(dir, 'root.pem'))]));
  write(
    'fullchain.pem',
    Buffer.concat([
      readFileSync(join(dir, 'leaf.pem')),
      readFileSync(join(dir, 'intermediate.pem')),
      readFileSync(join(dir, 'root.pem')),
    ]),
  );
  run('x509', '-in', 'leaf.pem', '-outform', 'DER', '-out', 'leaf.der');
  run('req', '-x509', '-new', '-key', 'rsa2048.key', '-subj', '/', '-days', '3650', '-out', 'selfsigned.pem');
  run(
    'req',
    '-x509',
    '-new',
    '-key',
    'ec-P-256.key',
    '-subj',
    '/CN=ec.example.com',
    '-days',
    '365',
    '-out',
    'ec-selfsigned.pem',
  );
  run('req', '-new', '-key', 'ec-P-384.key', '-subj', '/CN=ec-csr.example.com', '-out', 'ec.csr');
  run('req', '-in', 'leaf.csr', '-outform', 'DER', '-out', 'leaf.csr.der');
  run(
    'req',
    '-new',
    '-key',
    'rsa2048.key',
    '-subj',
    '/CN=www.example.com',
    '-addext',
    'subjectAltName=DNS:www.example.com,DNS:example.com,IP:192.0.2.7,email:ops@example.com',
    '-out',
    'san.csr',
  );

  // Certificates outside their validity window, made with `openssl ca`, the one 3.0 tool that sets dates freely.
  write('index.txt', '');
  write(
    'ca.cnf',
    [
      '[ca]',
      'default_ca=test',
      '[test]',
      'database=index.txt',
      'new_certs_dir=.',
      'serial=ca.srl',
      'default_md=sha256',
      'policy=anything',
      'unique_subject=no',
      '[anything]',
      'commonName=supplied',
    ].join('\n'),
  );
  write('ca.srl', '1000\n');
  run(
    'ca',
    '-batch',
    '-config',
    'ca.cnf',
    '-selfsign',
    '-keyfile',
    'rsa2048.key',
    '-in',
    'leaf.csr',
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20210101000000Z',
    '-notext',
    '-out',
    'expired.pem',
  );
  run(
    'ca',
    '-batch',
    '-config',
    'ca.cnf',
    '-selfsign',
    '-keyfile',
    'rsa2048.key',
    '-in',
    'leaf.csr',
    '-startdate',
    '20991231000000Z',
    '-enddate',
    '21001231000000Z',
    '-notext',
    '-out',
    'future.pem',
  );

  // PKCS#12 and PKCS#7 containers.
  run(
    'pkcs12',
    '-export',
    '-in',
    'leaf.pem',
    '-inkey',
    'rsa2048.key',
    '-certfile',
    'chain.pem',
    '-passout',
    pass,
    '-out',
    'modern.p12',
  );
  run(
    'pkcs12',
    '-export',
    '-legacy',
    '-in',
    'leaf.pem',
    '-inkey',
    'rsa2048.key',
    '-certfile',
    'chain.pem',
    '-passout',
    pass,
    '-out',
    'legacy.p12',
  );
  run('pkcs12', '-export', '-in', 'ec-selfsigned.pem', '-inkey', 'ec-P-256.key', '-passout', pass, '-out', 'ec.p12');
  run('pkcs12', '-export', '-in', 'selfsigned.pem', '-inkey', 'rsa2048.key', '-passout', 'pass:', '-out', 'nopass.p12');
  run(
    'pkcs12',
    '-export',
    '-in',
    'ec-selfsigned.pem',
    '-inkey',
    'ec-P-256.key',
    '-iter',
    '10000',
    '-passout',
    pass,
    '-out',
    'java-rounds.p12',
  );
  run(
    'pkcs12',
    '-export',
    '-in',
    'ec-selfsigned.pem',
    '-inkey',
    'ec-P-256.key',
    '-iter',
    '1400000',
    '-passout',
    pass,
    '-out',
    'costly.p12',
  );
  // Firefox's export: PKCS#12's own KDF, 600,000 rounds for the MAC, the 3DES key and the RC2-40 certificates.
  run(
    'pkcs12',
    '-export',
    '-legacy',
    '-in',
    'ec-selfsigned.pem',
    '-inkey',
    'ec-P-256.key',
    '-iter',
    '600000',
    '-macalg',
    'sha1',
    '-passout',
    pass,
    '-out',
    'firefox-like.p12',
  );
  // Only a MAC, at 1,200,000 rounds of PKCS#12's own KDF: one chain no worker can share.
  run(
    'pkcs12',
    '-export',
    '-in',
    'ec-selfsigned.pem',
    '-inkey',
    'ec-P-256.key',
    '-keypbe',
    'NONE',
    '-certpbe',
    'NONE',
    '-iter',
    '1200000',
    '-passout',
    pass,
    '-out',
    'long-mac.p12',
  );
  run('crl2pkcs7', '-nocrl', '-certfile', 'fullchain.pem', '-out', 'chain.p7b');
  run('crl2pkcs7', '-nocrl', '-certfile', 'fullchain.pem', '-outform', 'DER', '-out', 'chain.p7b.der');

  // Messy bundles, as people really have them.
  write('bag-attributes.pem', openssl(['pkcs12', '-in', 'modern.p12', '-nodes', '-passin', pass], { cwd: dir }));
  write('text-dump.pem', openssl(['x509', '-in', 'leaf.pem', '-text'], { cwd: dir }));
  const leaf = readFileSync(join(dir, 'leaf.pem'), 'utf8');
  write('crlf-bom.pem', '\uFEFF' + leaf.replace(/\n/g, '  \r\n'));
  const root = readFileSync(join(dir, 'root.pem'), 'utf8');
  const intermediate = readFileSync(join(dir, 'intermediate.pem'), 'utf8');
  write('shuffled.pem', `Some notes someone pasted\n${root}\n${leaf}\nmore notes\n${intermediate}`);
  // An unrelated certificate first, then the leaf's chain: the stranger is not the leaf.
  write('stranger-first.pem', `${readFileSync(join(dir, 'ec-selfsigned.pem'), 'utf8')}${leaf}${intermediate}${root}`);
  run('x509', '-in', 'leaf.pem', '-trustout', '-addtrust', 'serverAuth', '-out', 'trusted.pem');

  // DSA, which IAM does not take: traditional PEM and DER.
  run('genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048', '-out', 'dsa.param');
  run('genpkey', '-paramfile', 'dsa.param', '-out', 'dsa.key');
  run('dsa', '-in', 'dsa.key', '-out', 'dsa-traditional.pem');
  run('dsa', '-in', 'dsa.key', '-outform', 'DER', '-out', 'dsa-traditional.der');
  run('req', '-x509', '-new', '-key', 'dsa.key', '-subj', '/CN=dsa.example.com', '-days', '30', '-out', 'dsa-cert.pem');
  // Old ciphers: DES in a PEM header, and PKCS#8 with PBES2/DES (both need OpenSSL's legacy provider).
  // Without the legacy provider, OpenSSL 3 writes this key unencrypted, silently.
  run(
    'rsa',
    '-provider',
    'legacy',
    '-provider',
    'default',
    '-in',
    'rsa2048.key',
    '-traditional',
    '-des',
    '-passout',
    pass,
    '-out',
    'enc-legacy-des.key',
  );
  run(
    'pkcs8',
    '-topk8',
    '-provider',
    'legacy',
    '-provider',
    'default',
    '-in',
    'rsa2048.key',
    '-v2',
    'des-cbc',
    '-passout',
    pass,
    '-out',
    'enc-pbes2-des.key',
  );
  // The rest of what OpenSSL 1.x, Windows and Keychain wrote, each needing OpenSSL's legacy provider to make.
  const legacy = ['-provider', 'legacy', '-provider', 'default'];
  const topk8 = (scheme: string[], out: string) =>
    run('pkcs8', '-topk8', ...legacy, '-in', 'rsa2048.key', ...scheme, '-passout', pass, '-out', out);
  topk8(['-v1', 'PBE-MD5-DES'], 'enc-pbes1-md5-des.key');
  topk8(['-v1', 'PBE-SHA1-RC2-64'], 'enc-pbes1-sha1-rc2.key');
  topk8(['-v2', 'rc2-cbc'], 'enc-pbes2-rc2.key');
  topk8(['-v2', 'bf-cbc'], 'enc-pbes2-bf.key');
  run('rsa', ...legacy, '-in', 'rsa2048.key', '-traditional', '-rc2', '-passout', pass, '-out', 'enc-legacy-rc2.key');
  run('rsa', ...legacy, '-in', 'rsa2048.key', '-traditional', '-bf', '-passout', pass, '-out', 'enc-legacy-bf.key');
  run('ec', ...legacy, '-in', 'ec-P-256.key', '-des', '-passout', pass, '-out', 'enc-legacy-ec-des.key');
  run('dsa', ...legacy, '-in', 'dsa.key', '-des', '-passout', pass, '-out', 'enc-legacy-dsa-des.key');
  const pfx = (pbe: string, out: string) =>
    run(
      'pkcs12',
      '-export',
      ...legacy,
      '-in',
      'leaf.pem',
      '-inkey',
      'rsa2048.key',
      '-certpbe',
      pbe,
      '-keypbe',
      pbe,
      '-macalg',
      'sha1',
      '-passout',
      pass,
      '-out',
      out,
    );
  pfx('PBE-SHA1-3DES', 'des3.p12');
  pfx('PBE-SHA1-RC2-40', 'rc2.p12');
  pfx('PBE-SHA1-RC4-128', 'rc4.p12');

  // A CRL revoking two certificates, in PEM and DER.
  write(
    'crl-index.txt',
    'R\t271231000000Z\t261101000000Z\t1001\tunknown\t/CN=revoked-one\n' +
      'R\t271231000000Z\t261115000000Z\t1002\tunknown\t/CN=revoked-two\n',
  );
  write('crlnumber', '01\n');
  write(
    'crl.cnf',
    '[ca]\ndefault_ca=d\n[d]\ndatabase=crl-index.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=30\n',
  );
  run('ca', '-config', 'crl.cnf', '-gencrl', '-keyfile', 'rsa2048.key', '-cert', 'leaf.pem', '-out', 'revoked.crl.pem');
  run('crl', '-in', 'revoked.crl.pem', '-outform', 'DER', '-out', 'revoked.crl.der');

  // CMS SignedData whose signer is named by its key identifier (version 3), as `openssl cms -keyid` writes it.
  write('signed.txt', 'signed content\n');
  run(
    'cms',
    '-sign',
    '-in',
    'signed.txt',
    '-signer',
    'leaf.pem',
    '-inkey',
    'rsa2048.key',
    '-certfile',
    'chain.pem',
    '-keyid',
    '-nodetach',
    '-outform',
    'DER',
    '-out',
    'signed-by-keyid.p7',
  );

  // Java keystores, made by keytool where Java is installed (keystoreFixtures says whether they were).
  if (hasKeytool()) {
    run(
      'pkcs12',
      '-export',
      '-in',
      'leaf.pem',
      '-inkey',
      'rsa2048.key',
      '-certfile',
      'chain.pem',
      '-name',
      'tomcat',
      '-passout',
      `pass:${STORE_PASSWORD}`,
      '-out',
      'for-keytool.p12',
    );
    const keytool = (...args: string[]) =>
      execFileSync('keytool', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const fromPkcs12 = (type: string, out: string, keyPassword?: string) =>
      keytool(
        '-importkeystore',
        '-noprompt',
        '-srckeystore',
        'for-keytool.p12',
        '-srcstoretype',
        'PKCS12',
        '-srcstorepass',
        STORE_PASSWORD,
        '-destkeystore',
        out,
        '-deststoretype',
        type,
        '-deststorepass',
        STORE_PASSWORD,
        ...(keyPassword ? ['-destkeypass', keyPassword] : []),
      );
    fromPkcs12('JKS', 'store.jks');
    fromPkcs12('JKS', 'own-key-password.jks', KEY_PASSWORD);
    fromPkcs12('JCEKS', 'store.jceks');
    keytool(
      '-importcert',
      '-noprompt',
      '-alias',
      'rootca',
      '-file',
      'root.pem',
      '-keystore',
      'own-key-password.jks',
      '-storetype',
      'JKS',
      '-storepass',
      STORE_PASSWORD,
    );
    // Two key entries (tomcat, from leaf.pem, and backup, made here): a question for the user, never a guess.
    fromPkcs12('JKS', 'two-keys.jks');
    keytool(
      '-genkeypair',
      '-noprompt',
      '-alias',
      'backup',
      '-keyalg',
      'RSA',
      '-keysize',
      '2048',
      '-validity',
      '365',
      '-dname',
      'CN=backup.example.com',
      '-keystore',
      'two-keys.jks',
      '-storetype',
      'JKS',
      '-storepass',
      STORE_PASSWORD,
      '-keypass',
      STORE_PASSWORD,
    );
    write('.keystores', 'made by keytool');
  }

  return {
    dir,
    path: (name) => join(dir, name),
    read: (name) => readFileSync(join(dir, name)),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
