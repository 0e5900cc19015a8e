import { describe, expect, it } from 'vitest';
import { splitFileNames } from '../../../src/core/formats/split-names.js';
import type { Item } from '../../../src/core/formats/items.js';

const of = (...types: Array<Item['type']>) => types.map((type) => ({ type }) as Item);

describe('the names of split files', () => {
  it('a key and its chain: key.pem, cert-1.pem, cert-2.pem', () => {
    expect(splitFileNames(of('private-key', 'certificate', 'certificate'))).toEqual([
      'key.pem',
      'cert-1.pem',
      'cert-2.pem',
    ]);
  });

  it("a keystore's two entries: two keys, never one name for both", () => {
    const names = splitFileNames(of('private-key', 'certificate', 'private-key', 'certificate', 'csr', 'crl'));
    expect(names).toEqual(['key-1.pem', 'cert-1.pem', 'key-2.pem', 'cert-2.pem', 'csr.pem', 'crl.pem']);
  });

  it('no two items share a name, whatever the mix', () => {
    const types: Array<Item['type']> = ['certificate', 'private-key', 'public-key', 'csr', 'crl'];
    for (let seed = 1; seed < 200; seed += 1) {
      const items = of(...Array.from({ length: (seed % 7) + 1 }, (_, index) => types[(seed * (index + 3)) % 5]!));
      const names = splitFileNames(items);
      expect(new Set(names).size, names.join(' ')).toBe(items.length);
    }
  });
});
