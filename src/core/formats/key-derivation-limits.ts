import forge from 'node-forge';
import type { Problem } from '../errors.js';

/**
 * A passphrase is stretched before it can even be checked, for as many rounds as the file asks.
 * Real tools ask for little: OpenSSL 2,048, Java 10,000, OWASP's advice for PBKDF2 600,000. A
 * damaged or hostile file asking for billions would keep the reader busy for hours, so such files
 * are refused before any work is done. OpenSSL derives key-file passphrases natively (about 0.4 s
 * per million rounds here); node-forge derives PKCS#12 ones in JavaScript, ten times slower, so a
 * PFX gets a smaller budget for all its derivations together. (OpenSSL caps scrypt's memory itself.)
 */
export const MAX_KEY_FILE_ROUNDS = 1_000_000;
export const MAX_PKCS12_ROUNDS = 100_000;

const { asn1 } = forge;

const PBKDF2 = '1.2.840.113549.1.5.12';
/** PKCS#5 PBES1 and PKCS#12 PBE schemes: their parameters are SEQUENCE { salt, iterations }. */
const SALT_AND_ROUNDS = /^1\.2\.840\.113549\.1\.(5\.(1|3|4|6|10|11)|12\.1\.[1-6])$/;
const MAX_NODES = 10_000;

/** The rounds of all passphrase derivations a DER structure asks for together, as far as it can be read without decrypting. */
export function derivationRounds(der: Buffer): number {
  let rounds = 0;
  let visited = 0;
  const visit = (node: forge.asn1.Asn1, depth: number): void => {
    visited += 1;
    if (visited > MAX_NODES || depth > 64) return;
    if (!Array.isArray(node.value)) {
      // PKCS#12 wraps its bags in OCTET STRINGs of DER.
      const inner = node.type === asn1.Type.OCTETSTRING && typeof node.value === 'string' ? parse(node.value) : undefined;
      if (inner) visit(inner, depth + 1);
      return;
    }
    const [first, second] = node.value;
    if (first?.type === asn1.Type.OID && typeof first.value === 'string' && Array.isArray(second?.value)) {
      const oid = asn1.derToOid(first.value);
      const count = oid === PBKDF2 || SALT_AND_ROUNDS.test(oid) ? second.value[1] : undefined;
      if (count) rounds += integer(count);
    }
    for (const child of node.value) visit(child, depth + 1);
  };
  const root = parse(der.toString('binary'));
  try {
    if (root) visit(root, 0);
  } catch {
    // A malformed structure: what was counted stands, and the reader will refuse the rest itself.
  }
  return rounds;
}

/** The problem with a file whose derivations together exceed the budget, naming the count. */
export function costlyDerivation(totalRounds: number, budget: number, what: string): Problem | undefined {
  if (totalRounds <= budget) return undefined;
  return {
    code: 'KEY_DERIVATION_TOO_COSTLY',
    message: `This ${what} asks for ${totalRounds.toLocaleString('en-US')} passphrase rounds; real tools write a few thousand (iamcert reads up to ${budget.toLocaleString('en-US')}).`,
    fix: 'The file may be damaged or hostile. If it is yours, export it again with standard settings from the tool that made it.',
  };
}

/** The MacData iteration count of a parsed PFX envelope, when it has one. */
export function macIterations(envelope: forge.asn1.Asn1): number {
  const macData = Array.isArray(envelope.value) ? envelope.value[2] : undefined;
  const iterations = macData && Array.isArray(macData.value) ? macData.value[2] : undefined;
  return iterations ? integer(iterations) : 0;
}

function parse(binary: string): forge.asn1.Asn1 | undefined {
  try {
    return asn1.fromDer(forge.util.createBuffer(binary), false);
  } catch {
    return undefined;
  }
}

function integer(node: forge.asn1.Asn1): number {
  if (node.type !== asn1.Type.INTEGER || typeof node.value !== 'string' || node.value.length === 0) return 0;
  const hex = forge.util.bytesToHex(node.value);
  return Number(BigInt(`0x${hex}`));
}
