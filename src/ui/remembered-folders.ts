import { resolve } from 'node:path';

/** The folder each task last wrote to in this session: the next export or new key is offered the same one. */
export type FolderTask = 'export' | 'create';

const folders = new Map<FolderTask, string>();

/** The last folder this task used, else the one the user started in. */
export function lastFolder(task: FolderTask): string {
  return folders.get(task) ?? process.cwd();
}

export function rememberFolder(task: FolderTask, folder: string): void {
  folders.set(task, resolve(folder));
}
