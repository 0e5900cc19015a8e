import { lstat } from 'node:fs/promises';

/** Which of these paths already exist (files, folders or links). */
export async function existingPaths(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    try {
      await lstat(path);
      found.push(path);
    } catch {
      // absent
    }
  }
  return found;
}
