import type { SigningCertificateRow } from '../../core/iam/signing-certificates.js';
import type { SigningPairMade } from '../../core/signing-pair.js';

/** What is open over a user's signing certificates: the upload prompt, or a typed confirmation. */
export type SigningModal =
  | { kind: 'none' }
  | { kind: 'upload'; path: string }
  | { kind: 'delete'; row: SigningCertificateRow }
  | { kind: 'deactivate'; row: SigningCertificateRow };

export interface SigningState {
  modal: SigningModal;
  /** What `c` made, shown until the next action: both files and the lines for the shell. */
  made?: SigningPairMade;
}

export type SigningAction =
  | { type: 'ask-upload'; path: string }
  | { type: 'edit-upload'; path: string }
  | { type: 'confirm'; kind: 'delete' | 'deactivate'; row: SigningCertificateRow }
  | { type: 'close' }
  /** An action starts: the prompt closes and what `c` made last is no longer the news. */
  | { type: 'act' }
  | { type: 'made'; made: SigningPairMade };

export function initialSigningState(uploadPath: string | undefined): SigningState {
  return { modal: uploadPath ? { kind: 'upload', path: uploadPath } : { kind: 'none' } };
}

export function signingReducer(state: SigningState, action: SigningAction): SigningState {
  switch (action.type) {
    case 'ask-upload':
      return { ...state, modal: { kind: 'upload', path: action.path } };
    case 'edit-upload':
      return state.modal.kind === 'upload' ? { ...state, modal: { kind: 'upload', path: action.path } } : state;
    case 'confirm':
      return { ...state, modal: { kind: action.kind, row: action.row } };
    case 'close':
      return { ...state, modal: { kind: 'none' } };
    case 'act':
      return { modal: { kind: 'none' } };
    case 'made':
      return { ...state, made: action.made };
  }
}
