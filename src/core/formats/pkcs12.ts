import forge from 'node-forge';
import { createPrivateKey } from 'node:crypto';
import { fail, IamcertError } from '../errors.js';
import { certificateItem } from '../crypto/certificate.js';
import { keyShape, spkiSha256 } from '../crypto/key-facts.js';
import { wrongPassphrase } from '../crypto/read-private-key.js';
import type { Item, PrivateKeyItem } from './items.js';
import { costlyDerivation, derivationRounds, macIterations, MAX_PKCS12_ROUNDS } from './key-derivation-limits.js';

const { asn1, pki, pkcs12 } = forge;

function toDer(node: forge.asn1.Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

/** Parses DER as a PFX envelope; undefined when the bytes are not PKCS#12 at all. */
function parseEnvelope(der: Buffer): forge.asn1.Asn1 | undefined {
  try {
    const root = asn1.fromDer(forge.util.createBuffer(der.toString('binary')), false);
    const [version, authSafe] = Array.isArray(root.value) ? root.value : [];
    const isVersion3 = version?.type === asn1.Type.INTEGER && version.value === '\x03';
    const authSafeOid = Array.isArray(authSafe?.value) ? authSafe.value[0] : undefined;
    const isData = authSafeOid?.type === asn1.Type.OID && asn1.derToOid(authSafeOid.value as string) === pki.oids.data;
    return isVersion3 && isData ? root : undefined;
  } catch {
    return undefined;
  }
}

function open(envelope: forge.asn1.Asn1, password: string): forge.pkcs12.Pkcs12Pfx | undefined {
  try {
    return pkcs12.pkcs12FromAsn1(envelope, false, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/MAC could not be verified|wrong password|Invalid password/i.test(message)) return undefined;
    fail('PKCS12_UNSUPPORTED', `This PKCS#12 file could not be opened: ${message}`, 'Re-export it with OpenSSL 3 defaults (openssl pkcs12 -export) and try again.');
  }
}

/** Keys first, then certificates, in the order the file holds them. Undefined when the bytes are not PKCS#12. */
export function readPkcs12(der: Buffer, passphrase?: string): Item[] | undefined {
  const envelope = parseEnvelope(der);
  if (!envelope) return undefined;
  const tooCostly = costlyDerivation(macIterations(envelope) + derivationRounds(der), MAX_PKCS12_ROUNDS, 'PKCS#12 (PFX) file');
  if (tooCostly) throw new IamcertError(tooCostly);
  const pfx = open(envelope, passphrase ?? '');
  if (!pfx) {
    if (passphrase === undefined) {
      fail('PASSPHRASE_REQUIRED', 'This PKCS#12 (PFX) file is protected by a password.', 'Give it with --passphrase-file FILE or the IAMCERT_PASSPHRASE variable.');
    }
    const problem = wrongPassphrase();
    fail(problem.code, 'The password does not open this PKCS#12 (PFX) file.', problem.fix);
  }
  const keys: PrivateKeyItem[] = [];
  const certificates: Item[] = [];
  for (const safeContents of pfx.safeContents) {
    for (const bag of safeContents.safeBags) {
      if (bag.type === pki.oids.certBag) {
        const node = bag.cert ? pki.certificateToAsn1(bag.cert) : bag.asn1;
        if (node) certificates.push(certificateItem(toDer(node)));
      } else if (bag.type === pki.oids.pkcs8ShroudedKeyBag || bag.type === pki.oids.keyBag) {
        const key = bag.key
          ? createPrivateKey({ key: toDer(pki.privateKeyToAsn1(bag.key)), format: 'der', type: 'pkcs1' })
          : bag.asn1 && createPrivateKey({ key: toDer(bag.asn1), format: 'der', type: 'pkcs8' });
        if (!key) continue;
        const encrypted = bag.type === pki.oids.pkcs8ShroudedKeyBag;
        keys.push({ type: 'private-key', encoding: 'pkcs8', encrypted, key, spkiSha256: spkiSha256(key), ...keyShape(key) });
      }
    }
  }
  return [...keys, ...certificates];
}
