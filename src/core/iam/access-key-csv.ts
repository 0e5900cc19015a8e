/**
 * The key ID from a CSV written by accessKeyCsv (or the console), if the text is one. No SDK here: the app reads it.
 */
export function accessKeyIdFromCsv(text: string): string | undefined {
  const [header, row] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!header?.startsWith('Access key ID') || !row) return undefined;
  const id = row.split(',')[0]?.trim();
  return id || undefined;
}
