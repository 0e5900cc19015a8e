import { displayKey, isText } from './key-name.js';

/**
 * One key of a screen or a modal, as data: the footer, the `?` help and the key handling are all
 * made from the same list, so a key is shown exactly where it works and does what its label says.
 */
export interface Binding {
  /** Key names (see keyName): ['d'], ['up', 'k'], ['enter']. */
  keys: string[];
  label: string;
  /** Runs with the name of the key pressed, for bindings that share a label (↑/↓ move). */
  run(key: string): void;
  /** Whether it applies now; a binding that does not apply is neither shown nor handled. */
  when?: boolean;
  /** False keeps it out of the footer (the help still lists it). */
  footer?: boolean;
  /** How to write the keys when the names alone read badly: '↑/↓ j/k'. */
  display?: string;
}

export type KeyRow = [key: string, label: string, footer: boolean];

/**
 * The bindings that work now. While a field has focus, text keys are the field's: a binding keeps
 * only its other keys (Esc, Enter, Tab, arrows, control keys), and one with none left is dropped.
 */
export function activeBindings(bindings: Binding[], typing: boolean): Binding[] {
  return bindings.flatMap((binding) => {
    if (binding.when === false) return [];
    if (!typing) return [binding];
    const keys = binding.keys.filter((key) => !isText(key));
    if (keys.length === 0) return [];
    return [{ ...binding, keys, display: keys.length === binding.keys.length ? binding.display : undefined }];
  });
}

/** The first binding for this key; earlier bindings win, so a screen's own Esc comes before the global one. */
export function bindingFor(bindings: Binding[], key: string): Binding | undefined {
  return bindings.find((binding) => binding.keys.includes(key));
}

export function displayOf(binding: Binding): string {
  return binding.display ?? binding.keys.map(displayKey).join('/');
}

/** What the footer and the help show: one row a binding, a key never listed twice. */
export function keyRows(bindings: Binding[]): KeyRow[] {
  const taken = new Set<string>();
  const rows: KeyRow[] = [];
  for (const binding of bindings) {
    const keys = binding.keys.filter((key) => !taken.has(key));
    if (keys.length === 0) continue;
    for (const key of keys) taken.add(key);
    rows.push([
      keys.length === binding.keys.length ? displayOf(binding) : keys.map(displayKey).join('/'),
      binding.label,
      binding.footer !== false,
    ]);
  }
  return rows;
}
