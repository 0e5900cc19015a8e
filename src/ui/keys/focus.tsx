import React, {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useInput, type Key } from 'ink';
import { activeBindings, bindingFor, keyRows, type Binding, type KeyRow } from './keymap.js';
import { keyName } from './key-name.js';
import { splitKeys, type KeyPress } from './split-keys.js';

/**
 * Focus as a stack of scopes: the app, each screen, each modal. A key goes to the top scope only,
 * first to its focused field, then to its keymaps (the innermost first); the first that takes it
 * stops it. Ctrl-C quits from anywhere. Modelled on gemini-cli's KeypressContext.
 */
type Handler = (input: string, key: Key, name: string) => boolean;

interface Layer {
  seq: number;
  kind: 'field' | 'keys';
  active: boolean;
  /** A field's own handling (text, line editing), tried before its bindings. */
  handle?: Handler;
  bindings: Binding[];
  help: string[];
}

interface Scope {
  seq: number;
  parent: Scope | undefined;
  active: boolean;
  layers: Set<Layer>;
}

export interface ShownKeys {
  rows: KeyRow[];
  help: string[];
  typing: boolean;
}

let sequence = 0;

const live = (scope: Scope | undefined): boolean => !scope || (scope.active && live(scope.parent));

/** The layers of a scope in the order keys reach them: focused fields, then keymaps innermost first. */
function ordered(scope: Scope): Layer[] {
  const layers = [...scope.layers].filter((layer) => layer.active);
  return [
    ...layers.filter((layer) => layer.kind === 'field'),
    ...layers.filter((layer) => layer.kind === 'keys').sort((a, b) => b.seq - a.seq),
  ];
}

const typingIn = (scope: Scope) => ordered(scope).some((layer) => layer.kind === 'field');

export class FocusRegistry {
  private readonly scopes = new Set<Scope>();
  private shown = '';
  constructor(private readonly onShown: (shown: ShownKeys) => void) {}

  createScope(parent: Scope | undefined): Scope {
    const scope: Scope = { seq: (sequence += 1), parent, active: true, layers: new Set() };
    this.scopes.add(scope);
    return scope;
  }

  removeScope(scope: Scope): void {
    this.scopes.delete(scope);
  }

  createLayer(scope: Scope, kind: Layer['kind']): Layer {
    const layer: Layer = { seq: (sequence += 1), kind, active: true, bindings: [], help: [] };
    scope.layers.add(layer);
    return layer;
  }

  /** The newest scope whose ancestors are all active: a modal over its screen, the help over everything. */
  top(): Scope | undefined {
    let found: Scope | undefined;
    for (const scope of this.scopes) if (live(scope) && (!found || scope.seq > found.seq)) found = scope;
    return found;
  }

  dispatch(input: string, key: Key): void {
    const scope = this.top();
    if (!scope) return;
    const name = keyName(input, key);
    const typing = typingIn(scope);
    for (const layer of ordered(scope)) {
      if (layer.handle?.(input, key, name)) return;
      const binding = bindingFor(activeBindings(layer.bindings, typing), name);
      if (binding) {
        binding.run(name);
        return;
      }
    }
  }

  /** A field has the keyboard in the top scope: plain text is its, whole. */
  typing(): boolean {
    const scope = this.top();
    return scope ? typingIn(scope) : false;
  }

  /** The keys as the scopes and layers stand now (they are updated as each component renders). */
  current(): ShownKeys {
    const scope = this.top();
    const typing = scope ? typingIn(scope) : false;
    const layers = scope ? ordered(scope) : [];
    return {
      rows: keyRows(layers.flatMap((layer) => activeBindings(layer.bindings, typing))),
      help: layers.flatMap((layer) => layer.help),
      typing,
    };
  }

  /** Tells the footer and the help when the top scope's keys have changed; nothing when they have not. */
  publish(): void {
    const shown = this.current();
    const text = JSON.stringify(shown);
    if (text === this.shown) return;
    this.shown = text;
    this.onShown(shown);
  }
}

/** React has committed what the last key did and run its effects: the next key meets the screen it made. */
async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (let round = 0; round < 3; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

const RegistryContext = createContext<FocusRegistry | undefined>(undefined);
/** Holds the keys back until the returned release is called (a screen still loading takes them when it is drawn). */
const HoldContext = createContext<() => () => void>(() => () => undefined);
const ScopeContext = createContext<Scope | undefined>(undefined);
const KeysChangedContext = createContext(0);

function useRegistry(): FocusRegistry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('keys used outside the FocusProvider');
  return registry;
}

/** The one place the app reads the keyboard. */
export function FocusProvider({
  onQuit,
  onInterrupt = onQuit,
  onShown,
  children,
}: {
  onQuit: () => void;
  /** Ctrl-C: the app ends as a shell user expects of it (exit 130); by default, as a quit. */
  onInterrupt?: () => void;
  onShown?: (shown: ShownKeys) => void;
  children: React.ReactNode;
}): React.JSX.Element {
  // How many times the keys changed: what the footer and the help show is read from the registry (useShownKeys); this
  // only makes them draw again.
  const [changes, setChanges] = useState(0);
  const watcher = useRef(onShown);
  watcher.current = onShown;
  const registry = useMemo(
    () =>
      new FocusRegistry((next) => {
        setChanges((count) => count + 1);
        watcher.current?.(next);
      }),
    [],
  );
  const interrupt = useRef(onInterrupt);
  interrupt.current = onInterrupt;
  // Keys that arrived together are handled one at a time, each after the screen has taken in the one before (a ':'
  // opens the command line, and the letters after it belong there); a key typed meanwhile waits its turn.
  const queue = useRef<KeyPress[]>([]);
  const draining = useRef(false);
  const holds = useRef(0);
  const handle = useCallback(
    ({ input, key }: KeyPress) => {
      if (key.ctrl && input === 'c') interrupt.current();
      else registry.dispatch(input, key);
    },
    [registry],
  );
  const drain = useCallback(async () => {
    draining.current = true;
    while (queue.current.length > 0 && holds.current === 0) {
      handle(queue.current.shift()!);
      await settled();
    }
    draining.current = false;
  }, [handle]);
  const hold = useCallback(() => {
    holds.current += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holds.current -= 1;
      // After the screen that held them has drawn and run its effects, as between any two keys.
      void settled().then(() => {
        if (holds.current === 0 && !draining.current) void drain();
      });
    };
  }, [drain]);
  // Every key goes through the queue: the first is handled at once, and one that Ink hands over in the same tick
  // (it splits "↓↓" read together into two events) waits until the screen has drawn what the first did, or both
  // would act on the same state (two ↓ moving one field).
  useInput((input, key) => {
    queue.current.push(...splitKeys(input, key, registry.typing()));
    if (!draining.current) void drain();
  });
  useEffect(() => registry.publish());
  return (
    <RegistryContext.Provider value={registry}>
      <HoldContext.Provider value={hold}>
        <KeysChangedContext.Provider value={changes}>{children}</KeysChangedContext.Provider>
      </HoldContext.Provider>
    </RegistryContext.Provider>
  );
}

/**
 * While `holding`, keys wait in order instead of reaching what is on screen now: a screen that is still loading gets
 * every key typed at it once it is drawn. Held from the commit that shows the wait, so the key after the one that
 * opened the screen already waits.
 */
export function useHoldKeys(holding: boolean): void {
  const hold = useContext(HoldContext);
  useLayoutEffect(() => (holding ? hold() : undefined), [hold, holding]);
}

/**
 * The keys the footer and the help show: the top scope's. Read from the scopes as they stand, so a footer drawn after
 * the screen shows that screen's keys in the same frame (the first frame has its footer); a change published later
 * makes it draw again.
 */
export function useShownKeys(): ShownKeys {
  useContext(KeysChangedContext);
  return useRegistry().current();
}

/**
 * A level of focus: a screen (active while it is the top screen), a modal (while it is open). Created
 * while rendering, so a parent's scope always comes before its children's.
 */
export function KeyScope({
  active = true,
  children,
}: {
  active?: boolean;
  children: React.ReactNode;
}): React.JSX.Element {
  const registry = useRegistry();
  const [released, setReleased] = useState(false);
  const fields = useMemo(
    () => ({ released, release: () => setReleased(true), resume: () => setReleased(false) }),
    [released],
  );
  const parent = useContext(ScopeContext);
  const scope = useRef<Scope | undefined>(undefined);
  scope.current ??= registry.createScope(parent);
  scope.current.active = active;
  useEffect(() => {
    const created = scope.current!;
    return () => {
      registry.removeScope(created);
      registry.publish();
    };
  }, [registry]);
  useEffect(() => registry.publish());
  return (
    <ScopeContext.Provider value={scope.current}>
      <FieldsContext.Provider value={fields}>{children}</FieldsContext.Provider>
    </ScopeContext.Provider>
  );
}

/**
 * Whether the scope's fields have been left with Esc: the first Esc leaves the field (its keys go
 * back to the screen: ? help, and so on), the second leaves the screen; Enter goes back to the field.
 */
export interface ScopeFields {
  released: boolean;
  release(): void;
  resume(): void;
}

const FieldsContext = createContext<ScopeFields>({
  released: false,
  release: () => undefined,
  resume: () => undefined,
});

export function useScopeFields(): ScopeFields {
  return useContext(FieldsContext);
}

function useLayer(kind: Layer['kind'], active: boolean, bindings: Binding[], help: string[], handle?: Handler): void {
  const registry = useRegistry();
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('keys used outside a KeyScope');
  const layer = useRef<Layer | undefined>(undefined);
  layer.current ??= registry.createLayer(scope, kind);
  // The latest bindings, read at key time: keys typed faster than frames never reach stale state.
  Object.assign(layer.current, { active, bindings, help, handle });
  useEffect(() => {
    const created = layer.current!;
    return () => {
      scope.layers.delete(created);
      registry.publish();
    };
  }, [registry, scope]);
  useEffect(() => registry.publish());
}

/** A screen's, a modal's or a widget's keys, as data: shown in the footer and help, handled in its scope. */
export function useKeymap(bindings: Binding[], options: { help?: string[]; active?: boolean } = {}): void {
  useLayer('keys', options.active ?? true, bindings, options.help ?? []);
}

/**
 * A focused field: `handle` takes text and editing keys; whatever it leaves (Esc, Enter, ↑/↓, …)
 * goes on to its own bindings, then to the scope's keymaps. While one is focused, the scope is typing.
 */
export function useFieldKeys(focus: boolean, handle: Handler, bindings: Binding[] = []): void {
  useLayer('field', focus, bindings, [], handle);
}
