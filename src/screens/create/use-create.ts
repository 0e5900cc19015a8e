import { rememberFolder } from '../../ui/remembered-folders.js';
import { useReducer, useState } from 'react';
import { createdPaths } from '../../core/crypto/created-files.js';
import { sha256Hex } from '../../core/crypto/key-facts.js';
import { toProblem } from '../../core/errors.js';
import { ec2ExportLines } from '../../core/shell-exports.js';
import { useFrame } from '../../ui/frame-context.js';
import { signingUseOf } from './signing-in-use.js';
import {
  createReducer,
  namesAskedFor,
  fileNameProblem,
  initialCreateState,
  subjectString,
  SUBJECT_FIELDS,
  type Purpose,
} from './create-state.js';

function subjectFieldIds(purpose: Purpose): string[] {
  return [...SUBJECT_FIELDS.map(([field]) => field), ...(purpose === 'signing' ? [] : ['DNS'])];
}

/**
 * Create's flow: the wizard's state, the field in focus, and the key generation and writes (asking before replacing).
 */
export function useCreate(purpose?: Purpose) {
  const { services, identity } = useFrame();
  const [state, dispatch] = useReducer(createReducer, purpose, initialCreateState);
  const [field, setField] = useState(0);

  const fieldsOfStep =
    state.step === 'subject'
      ? subjectFieldIds(state.purpose)
      : state.step === 'output'
        ? ['outDir', 'name']
        : state.step === 'validity'
          ? ['days']
          : [];
  const typing = fieldsOfStep.length > 0;

  const create = async (force: boolean) => {
    const csr = state.purpose === 'csr';
    const paths = createdPaths(state.outDir, state.name, csr);
    if (!force) {
      const existing = await services.existingPaths([paths.key, paths.certificate]);
      if (existing.length > 0) {
        // Asked of IAM only where it can answer; offline, the header says so already.
        const note =
          existing.includes(paths.certificate) && !csr && identity.state === 'ready'
            ? await signingUseOf(services, paths.certificate, state.name)
            : undefined;
        return dispatch({ type: 'existing', paths: existing, note });
      }
    }
    dispatch({ type: 'creating' });
    try {
      const created = await services.createKeyAndCertificate({
        keyType: state.keyType,
        subject: subjectString(state.subject),
        days: csr ? 1 : Number(state.days),
        keyFormat: state.keyFormat,
        csr,
        dnsNames: namesAskedFor(state),
      });
      const certificateText = (csr ? created.csrPem : created.certificatePem) ?? '';
      await services.writeFiles(
        [
          { path: paths.key, data: created.privateKeyPem, secret: true },
          { path: paths.certificate, data: certificateText },
        ],
        { force },
      );
      if (state.purpose !== 'signing') rememberFolder('create', state.outDir);
      const der = (await services.readItems(Buffer.from(certificateText))).items[0];
      dispatch({
        type: 'created',
        files: {
          keyPath: paths.key,
          certificatePath: paths.certificate,
          sha256: der && 'der' in der ? sha256Hex(der.der) : undefined,
          // The EC2 lines belong to the signing recipe; a server certificate or a request has none.
          exportLines: state.purpose === 'signing' ? ec2ExportLines(paths.certificate, paths.key) : [],
        },
      });
    } catch (error) {
      dispatch({ type: 'failed', problem: toProblem(error) });
    }
  };

  const advanceField = () => {
    if (field < fieldsOfStep.length - 1) return setField(field + 1);
    // A name that is not one file name is refused where it is typed; the reducer says why.
    if (state.step === 'output') return fileNameProblem(state.name) ? dispatch({ type: 'next' }) : void create(false);
    // A refused step keeps the focus where it was; the reason shows under the fields.
    const next = createReducer(state, { type: 'next' });
    if (next.step !== state.step) setField(0);
    dispatch({ type: 'next' });
  };

  return { state, dispatch, field, setField, fieldsOfStep, typing, create, advanceField };
}
