import { useRef, useState } from 'react';
import { useInput } from 'ink';
import { editLine, lineAt, type LineState } from './line-editor.js';
import { lineActionFor } from './line-keys.js';

export interface LineEditorOptions {
  value: string;
  focus: boolean;
  onChange(value: string): void;
  onSubmit?(value: string): void;
  /** Esc in the field; without it Esc is left to the screen. */
  onCancel?(): void;
}

/**
 * Keys only: turns key presses into line edits while the field has focus. The line lives in a ref,
 * so keys arriving faster than frames each see the last one's result, none lost or reordered.
 */
export function useLineEditor({ value, focus, onChange, onSubmit, onCancel }: LineEditorOptions): LineState {
  const line = useRef<LineState>(lineAt(value));
  const emitted = useRef(value);
  const [, redraw] = useState(0);
  if (value !== emitted.current) {
    // Set from outside (completion, prefill, the next field): the cursor goes to the end.
    emitted.current = value;
    line.current = lineAt(value);
  }
  const handlers = useRef({ onChange, onSubmit, onCancel });
  handlers.current = { onChange, onSubmit, onCancel };
  useInput(
    (input, key) => {
      if (key.return) {
        handlers.current.onSubmit?.(line.current.value);
        return;
      }
      if (key.escape) {
        handlers.current.onCancel?.();
        return;
      }
      const action = lineActionFor(input, key);
      if (!action) return;
      const next = editLine(line.current, action);
      line.current = next;
      redraw((count) => count + 1);
      if (next.value !== emitted.current) {
        emitted.current = next.value;
        handlers.current.onChange(next.value);
      }
    },
    { isActive: focus },
  );
  return line.current;
}
