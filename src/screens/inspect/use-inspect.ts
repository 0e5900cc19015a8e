import { useReducer } from 'react';
import { join } from 'node:path';
import { toProblem } from '../../core/errors.js';
import type { ReadResult } from '../../core/formats/items.js';
import type { FileToWrite } from '../../core/files/safe-write.js';
import { preparedFiles } from '../../core/prepared-files.js';
import { useFrame } from '../../ui/frame-context.js';
import { useNavigation } from '../../ui/navigation.js';
import type { InspectAction } from './inspect-actions.js';
import { initialInspectState, inspectReducer, type InspectState } from './inspect-state.js';

const locked = (result: ReadResult) =>
  result.items.some((item) => item.type === 'private-key' && item.encrypted && !item.key && !item.problem);

/**
 * Inspect's effects: reading files (asking for a passphrase when one is needed or the last one fails), converting and
 * preparing.
 */
export function useInspect(initialPath?: string) {
  const { services, flash } = useFrame();
  const navigation = useNavigation();
  const [state, dispatch] = useReducer(inspectReducer, initialPath, initialInspectState);

  const open = async (
    file: string,
    secret: string | undefined = state.passphrase,
    keySecret: string | undefined = state.keyPassphrase,
  ) => {
    dispatch({ type: 'busy', label: `Reading ${file}…` });
    try {
      const result = await services.readItems(await services.readFile(file), secret, keySecret);
      if (locked(result) && secret === undefined) return dispatch({ type: 'needs-passphrase', file });
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
          problem: ownPassword.problem?.code === 'WRONG_PASSPHRASE' ? ownPassword.problem : undefined,
        });
      // The passphrase remembered from another file does not open this one: ask again, saying so.
      const refused = result.items.find(
        (item) => item.type === 'private-key' && item.problem?.code === 'WRONG_PASSPHRASE',
      );
      if (refused?.type === 'private-key' && secret !== undefined)
        return dispatch({ type: 'needs-passphrase', file, problem: refused.problem });
      dispatch({ type: 'loaded', file, result });
    } catch (error) {
      const found = toProblem(error);
      if (found.code === 'PASSPHRASE_REQUIRED' || found.code === 'WRONG_PASSPHRASE')
        dispatch({ type: 'needs-passphrase', file, problem: found.code === 'WRONG_PASSPHRASE' ? found : undefined });
      else dispatch({ type: 'failed', problem: found });
    }
  };

  const givePassphrase = (file: string, value: string, key?: boolean) => {
    dispatch({ type: 'passphrase', value, key });
    void (key ? open(file, state.passphrase, value) : open(file, value));
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
        let certificate = 0;
        const files: FileToWrite[] = [];
        for (const item of result.items) {
          const single: ReadResult = { ...result, items: [item] };
          const name =
            item.type === 'private-key'
              ? 'key.pem'
              : item.type === 'certificate'
                ? `cert-${++certificate}.pem`
                : `${item.type}.pem`;
          files.push({
            path: join(target, name),
            data: await services.convert(single, { to: 'pem' }),
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

  const runAction = async (chosen: InspectAction, target: string, force: boolean) => {
    const current = state;
    try {
      if (chosen === 'prepare' || chosen === 'upload' || chosen === 'acm-import') {
        dispatch({ type: 'busy', label: 'Preparing for IAM…' });
        const inputs = await Promise.all(
          current.loaded.map(async (entry) => ({ name: entry.file, bytes: await services.readFile(entry.file) })),
        );
        const prepared = await services.prepare(inputs, {
          passphrase: current.passphrase,
          keyPassphrase: current.keyPassphrase,
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
      flash(`Wrote ${files.length === 1 ? files[0]!.path : `${files.length} files to ${target}`}`);
      dispatch({ type: 'written' });
    } catch (error) {
      dispatch({ type: 'failed', problem: toProblem(error) });
    }
  };

  return { state, dispatch, open, givePassphrase, runAction };
}
