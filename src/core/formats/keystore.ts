import { IamcertError } from '../errors.js';
import { certificateItem } from '../crypto/certificate.js';
import { privateKeyItem, wrongPassphrase } from '../crypto/read-private-key.js';
import { namedExports } from '../commonjs.js';
import type { CertificateItem, Item, PrivateKeyItem, ReadOptions } from './items.js';
import { scanPemBlocks } from './pem.js';

/**
 * Java keystores (keystore-kind.ts tells them apart): JKS through jks-js, its integrity check verified with the store
 * password and each key entry opened with its own; JCEKS, whose certificates are read and whose key entries are
 * refused with the keytool command that turns the store into PKCS#12.
 */

type JksModule = typeof import('jks-js');
interface JksEntry {
  alias: string;
  cert?: { value: Buffer };
  chain?: Array<{ value: Buffer }>;
  protectedPrivateKey?: Buffer;
}

const loadJks = async (): Promise<JksModule> => namedExports<JksModule>(await import('jks-js'), 'parseJks');

function damaged(kind: string, detail: string): IamcertError {
  return new IamcertError({
    code: 'KEYSTORE_DAMAGED',
    message: `This ${kind} keystore could not be read: ${detail}.`,
    fix: 'Get a fresh copy of the keystore; or list it with keytool -list -keystore FILE to see whether Java reads it.',
  });
}

/** Every entry of a keystore: each key entry's key (opened with its own password) and chain, each trusted one. */
export async function readKeystore(der: Buffer, kind: 'jks' | 'jceks', options: ReadOptions): Promise<Item[]> {
  const jks = await loadJks();
  let entries: JksEntry[];
  try {
    // JCEKS shares JKS's layout; its integrity check differs, so it is read unchecked, for its certificates.
    const bytes = kind === 'jceks' ? Buffer.concat([Buffer.from('feedfeed', 'hex'), der.subarray(4)]) : der;
    entries = jks.parseJks(bytes, kind === 'jks' ? (options.passphrase ?? '') : '');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Password verification failed/.test(message))
      throw new IamcertError({
        code: 'WRONG_PASSPHRASE',
        message: "The password does not match this keystore's integrity check.",
        fix: 'Check the keystore password (only its first line is read from --passphrase-file) and try again.',
        appFix: 'Check the keystore password and type it again.',
      });
    if (kind === 'jceks' && /Unrecognized keystore entry/.test(message)) throw jceksKeys('a secret key entry');
    throw damaged(kind.toUpperCase(), message);
  }
  const items: Item[] = [];
  for (const entry of entries) {
    if (entry.protectedPrivateKey) {
      items.push(
        kind === 'jceks'
          ? {
              type: 'private-key',
              encoding: 'pkcs8',
              encrypted: true,
              alias: entry.alias,
              problem: jceksKeys(`the key entry "${entry.alias}"`).toProblem(),
            }
          : await keyEntry(jks, entry, options),
      );
      items.push(
        ...(entry.chain ?? []).map((certificate) => withAlias(certificateItem(certificate.value), entry.alias)),
      );
    } else if (entry.cert) items.push(withAlias(certificateItem(entry.cert.value), entry.alias));
  }
  return items;
}

function withAlias<T extends CertificateItem | PrivateKeyItem>(item: T, alias: string): T {
  return { ...item, alias };
}

/** A key entry, opened with its own password where given, else the store's (keytool's default: the same). */
async function keyEntry(jks: JksModule, entry: JksEntry, options: ReadOptions): Promise<PrivateKeyItem> {
  const closed: PrivateKeyItem = { type: 'private-key', encoding: 'pkcs8', encrypted: true, alias: entry.alias };
  const password = options.keyPassphrase ?? options.passphrase;
  if (password === undefined) return closed;
  let pem: string;
  try {
    pem = String(jks.decrypt(entry.protectedPrivateKey!, password));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/Cannot recover key/.test(message)) throw damaged('JKS', `the key entry "${entry.alias}": ${message}`);
    // Its own check proves the password wrong; the store's password opened the store, so this key has its own.
    return {
      ...closed,
      problem:
        options.keyPassphrase === undefined
          ? {
              code: 'KEY_PASSPHRASE_NEEDED',
              message: `The key entry "${entry.alias}" has a password of its own, not the keystore's.`,
              fix: "Give the key's password too, with --key-passphrase-file.",
              appFix: "Type the key's password when it is asked for.",
            }
          : { ...wrongPassphrase(), message: `The key password does not open the key entry "${entry.alias}".` },
    };
  }
  const [block] = scanPemBlocks(pem);
  if (!block || 'damaged' in block) throw damaged('JKS', `the key entry "${entry.alias}" holds no key`);
  return { ...privateKeyItem({ der: block.der, pem: block.pem }, 'pkcs8', false), encrypted: true, alias: entry.alias };
}

function jceksKeys(what: string): IamcertError {
  return new IamcertError({
    code: 'JCEKS_KEY_ENTRY',
    message: `This JCEKS keystore holds ${what}, protected by a scheme only Java opens.`,
    fix: 'Convert the store with Java first: keytool -importkeystore -srckeystore FILE -srcstoretype JCEKS -destkeystore FILE.p12 -deststoretype PKCS12, then give iamcert FILE.p12.',
  });
}
