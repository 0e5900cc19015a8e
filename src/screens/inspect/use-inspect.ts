import { useEffect, useReducer, useRef } from 'react';
import { basename, join } from 'node:path';
import { toProblem, type Problem } from '../../core/errors.js';
import type { ReadResult } from '../../core/formats/items.js';
import type { FileToWrite } from '../../core/files/safe-write.js';
import { preparedFiles } from '../../core/prepared-files.js';
import { splitFileNames } from '../../core/formats/split-names.js';
import { useFrame } from '../../ui/frame-context.js';
import { useNavigation } from '../routes.js';
import type { InspectAction } from './inspect-actions.js';
import { initialInspectState, inspectReducer, keyEntries, type InspectState } from './inspect-state.js';

const locked = (result: ReadResult) =>
  result.items.some((item) => item.type === 'private-key' && item.encrypted && !item.key && !item.problem);

/** The problem of a key the passphrase given did not open. */
const refusedKey = (result: ReadResult) =>
  result.items.flatMap((item) =>
    item.type === 'private-key' && item.problem?.code === 'WRONG_PASSPHRASE' ? [item.problem] : [],
  )[0];

/** A read: what the file holds, or the passphrase it is locked by. */
type Attempt = { result: ReadResult } | { lockedBy: Problem };

/**
 * Inspect's effects: reading files (asking for a passphrase when one is needed or the last one fails), converting and
 * preparing.
 */
export function useInspect(initialPath?: string) {
  const { services, flash } = useFrame();
  const navigation = useNavigation();
  const [state, dispatch] = useReducer(inspectReducer, initialPath, initialInspectState);

  /**
   * Reads a file: first as it is (an empty password opens most PFX files), then, for a locked one, with the passphrase
   * given on this screen for another file (and says so when that opens it). A passphrase is reported wrong only after
   * the user typed one for this file: nothing is marked ✗ before their own attempt.
   */
  const open = async (file: string, typed?: { secret?: string; keySecret?: string }) => {
    dispatch({ type: 'busy', label: `Reading ${file}…` });
    const read = async (secret: string | undefined, keySecret: string | undefined) =>
      services.readItems(await services.readFile(file), secret, keySecret);
    const keySecret = typed?.keySecret ?? state.keyPassphrase;
    const attempt = async (secret: string | undefined): Promise<Attempt> => {
      try {
        return { result: await read(secret, keySecret) };
      } catch (error) {
        const found = toProblem(error);
        if (found.code === 'PASSPHRASE_REQUIRED' || found.code === 'WRONG_PASSPHRASE') return { lockedBy: found };
        throw error;
      }
    };
    try {
      let outcome = await attempt(typed?.secret);
      let remembered = false;
      const stillLocked = 'lockedBy' in outcome || locked(outcome.result);
      if (stillLocked && typed?.secret === undefined && state.passphrase !== undefined) {
        const again = await attempt(state.passphrase);
        if ('result' in again && !locked(again.result) && !refusedKey(again.result)) {
          outcome = again;
          remembered = true;
        }
      }
      if ('lockedBy' in outcome)
        return dispatch({
          type: 'needs-passphrase',
          file,
          problem: typed?.secret !== undefined ? outcome.lockedBy : undefined,
        });
      const result = outcome.result;
      if (locked(result)) return dispatch({ type: 'needs-passphrase', file });
      // A keystore key entry with a password of its own: asked for next, by its alias.
      const ownPassword = result.items.find(
        (item) =>
          item.type === 'private-key' &&
          (item.problem?.code === 'KEY_PASSPHRASE_NEEDED' ||
            (keySecret !== undefined && item.alias !== undefined && item.problem?.code === 'WRONG_PASSPHRASE')),
      );
      if (ownPassword?.type === 'private-key' && ownPassword.alias !== undefined)
        return dispatch({
          type: 'needs-passphrase',
          file,
          key: { alias: ownPassword.alias },
          problem:
            typed?.keySecret !== undefined && ownPassword.problem?.code === 'WRONG_PASSPHRASE'
              ? ownPassword.problem
              : undefined,
        });
      // The passphrase typed for this file does not open its key: ask again, saying so.
      const refused = refusedKey(result);
      if (refused && typed?.secret !== undefined) return dispatch({ type: 'needs-passphrase', file, problem: refused });
      dispatch({ type: 'loaded', file, result, relations: await services.relationsOf(result.items) });
      if (remembered) flash(`Opened with the passphrase you gave for the file before; ${basename(file)} shares it.`);
    } catch (error) {
      const problem = toProblem(error);
      // A folder opens in the listing, to pick a file from.
      if (problem.code === 'FILE_IS_FOLDER') return dispatch({ type: 'open-folder', folder: file });
      dispatch({ type: 'failed', problem });
    }
  };

  // `:inspect PATH` opens the file at once.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !initialPath?.trim()) return;
    opened.current = true;
    void open(initialPath.trim());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the path the screen was opened with
  }, []);

  const givePassphrase = (file: string, value: string, key?: boolean) => {
    dispatch({ type: 'passphrase', value, key });
    void open(file, key ? { secret: state.passphrase, keySecret: value } : { secret: value });
  };

  const filesToWrite = async (current: InspectState, chosen: InspectAction, target: string): Promise<FileToWrite[]> => {
    const primary = current.loaded[0];
    if (!primary) return [];
    const result = primary.result;
    const holdsKey = result.items.some((item) => item.type === 'private-key');
    switch (chosen) {
      case 'to-pem':
        return [{ path: target, data: await services.convert(result, { to: 'pem' }), secret: holdsKey }];
      case 'to-der':
        return [{ path: target, data: await services.convert(result, { to: 'der' }), secret: holdsKey }];
      case 'to-pkcs8':
      case 'to-pkcs1':
      case 'decrypt': {
        const keyOnly: ReadResult = { ...result, items: result.items.filter((item) => item.type === 'private-key') };
        const keyFormat = chosen === 'to-pkcs1' ? 'pkcs1' : 'pkcs8';
        return [
          {
            path: target,
            data: await services.convert(keyOnly, {
              to: 'pem',
              keyFormat: chosen === 'decrypt' ? undefined : keyFormat,
            }),
            secret: true,
          },
        ];
      }
      case 'split': {
        const names = splitFileNames(result.items);
        const files: FileToWrite[] = [];
        for (const [index, item] of result.items.entries()) {
          files.push({
            path: join(target, names[index]!),
            data: await services.convert({ ...result, items: [item] }, { to: 'pem' }),
            secret: item.type === 'private-key',
          });
        }
        return files;
      }
      default:
        return [];
    }
  };

  /** Writes, unless a file exists and the user has not said yes to replacing it: then asks. */
  const writeAfterAsking = async (
    files: FileToWrite[],
    chosen: InspectAction,
    target: string,
    force: boolean,
  ): Promise<boolean> => {
    if (!force) {
      const clash = await services.existingPaths(files.map((file) => file.path));
      if (clash.length > 0) {
        dispatch({ type: 'existing', paths: clash, action: chosen, target });
        return false;
      }
    }
    await services.writeFiles(files, { force });
    return true;
  };

  const runAction = async (chosen: InspectAction, target: string, force: boolean, alias = state.alias) => {
    const current = state;
    try {
      if (chosen === 'prepare' || chosen === 'upload' || chosen === 'acm-import') {
        const aliases = keyEntries(current.loaded);
        if (aliases.length > 1 && (alias === undefined || !aliases.includes(alias)))
          return dispatch({ type: 'pick-entry', action: chosen, target, aliases });
        dispatch({ type: 'busy', label: 'Preparing for IAM…' });
        const inputs = await Promise.all(
          current.loaded.map(async (entry) => ({ name: entry.file, bytes: await services.readFile(entry.file) })),
        );
        const prepared = await services.prepare(inputs, {
          passphrase: current.passphrase,
          keyPassphrase: current.keyPassphrase,
          ...(aliases.length > 1 ? { alias } : {}),
        });
        if (!prepared.report.ok) return dispatch({ type: 'prepared', prepared, target });
        const files = preparedFiles(prepared, target);
        if (!(await writeAfterAsking(files, chosen, target, force))) return;
        const written = {
          certificate: files[0]!.path,
          privateKey: files[1]!.path,
          ...(files[2] ? { chain: files[2].path } : {}),
        };
        dispatch({ type: 'prepared', prepared, target, written });
        if (chosen === 'upload' || chosen === 'acm-import') {
          dispatch({ type: 'report' });
          navigation.push({ screen: chosen === 'upload' ? 'server-upload' : 'acm-import', ...written });
        } else flash(`Wrote ${files.length} files to ${target}`);
        return;
      }
      const files = await filesToWrite(current, chosen, target);
      if (!(await writeAfterAsking(files, chosen, target, force))) return;
      // A key that was encrypted in the file is not in what was written: said, with its mode.
      const decrypted = files.some((file) => file.secret)
        ? current.loaded
            .flatMap((entry) => entry.result.items)
            .filter((item) => item.type === 'private-key' && item.encrypted).length
        : 0;
      const keys = decrypted === 1 ? 'the key is' : `the ${decrypted} keys are`;
      flash(
        `Wrote ${files.length === 1 ? files[0]!.path : `${files.length} files to ${target}`}${decrypted > 0 ? `; ${keys} written decrypted, readable by you alone (0600)` : ''}`,
      );
      dispatch({ type: 'written' });
    } catch (error) {
      dispatch({ type: 'failed', problem: toProblem(error) });
    }
  };

  return { state, dispatch, open, givePassphrase, runAction };
}
