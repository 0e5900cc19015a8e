import { useEffect, useRef, useState } from 'react';
import { useFieldKeys, useKeymap, useScopeFields } from '../keys/focus.js';
import type { Binding } from '../keys/keymap.js';
import { editLine, lineAt, type LineAction, type LineState } from './line-editor.js';
import { insertedText, LINE_KEYS } from './line-keys.js';

export interface LineEditorOptions {
  value: string;
  focus: boolean;
  onChange(value: string): void;
  onSubmit?(value: string): void;
  /**
   * Esc in the field (close the filter, cancel the form); without it the first Esc leaves the field and the next goes
   * on to the scope's keys (back).
   */
  onCancel?(): void;
  /** What Enter and Esc do here, for the footer: 'upload', 'next field', 'clear the filter'. */
  submitLabel?: string;
  cancelLabel?: string;
  /** The field's own keys beyond editing (Tab completes, ↑/↓ pick), shown in the footer and help. */
  bindings?: Binding[];
}

/**
 * The one text field's keys. While it has focus it is the first layer of its scope: text (q, ?, /
 * and all) and editing keys are its own; what it leaves goes on to the scope's keymaps. The line
 * lives in a ref, so keys arriving faster than frames each see the last one's result.
 */
export function useLineEditor({
  value,
  focus,
  onChange,
  onSubmit,
  onCancel,
  submitLabel = 'ok',
  cancelLabel = 'cancel',
  bindings = [],
}: LineEditorOptions): LineState & { focused: boolean } {
  const line = useRef<LineState>(lineAt(value));
  const emitted = useRef(value);
  const [, redraw] = useState(0);
  if (value !== emitted.current) {
    // Set from outside (completion, prefill, the next field): the cursor goes to the end.
    emitted.current = value;
    line.current = lineAt(value);
  }
  const edit = (action: LineAction) => {
    const next = editLine(line.current, action);
    line.current = next;
    redraw((count) => count + 1);
    if (next.value !== emitted.current) {
      emitted.current = next.value;
      onChange(next.value);
    }
  };
  const fields = useScopeFields();
  const focused = focus && !fields.released;
  // A field given focus (the next field, a new step) is edited again.
  useEffect(() => {
    if (focus) fields.resume();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of focus resumes it
  }, [focus]);
  const own: Binding[] = [
    ...(onSubmit ? [{ keys: ['enter'], label: submitLabel, run: () => onSubmit(line.current.value) }] : []),
    onCancel
      ? { keys: ['esc'], label: cancelLabel, run: onCancel }
      : { keys: ['esc'], label: 'leave the field', run: fields.release },
  ];
  // Left with Esc: Enter (or i) goes back to editing it.
  useKeymap([{ keys: ['enter', 'i'], label: 'edit the field again', run: fields.resume }], {
    active: focus && fields.released,
  });
  const editing: Binding[] = LINE_KEYS.map(({ keys, label, action }) => ({
    keys,
    label,
    footer: false,
    run: () => edit(action),
  }));
  useFieldKeys(
    focused,
    (input, key) => {
      const text = insertedText(input, key);
      if (text === undefined) return false;
      edit({ type: 'insert', text });
      return true;
    },
    [...bindings, ...own, ...editing],
  );
  return { ...line.current, focused };
}
