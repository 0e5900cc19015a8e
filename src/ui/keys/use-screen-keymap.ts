import { useFrame } from '../frame-context.js';
import { useNavigation } from '../navigation.js';
import type { Binding } from './keymap.js';
import { useKeymap } from './focus.js';

/** The keys every screen has, from the same table as its own: Esc back, ? help, : commands, q quit from home. */
export function globalBindings(actions: {
  home: boolean;
  back(): void;
  help(): void;
  palette(): void;
  quit(): void;
}): Binding[] {
  return [
    { keys: ['esc'], label: 'back', run: actions.back, when: !actions.home },
    { keys: ['?'], label: 'help', run: actions.help },
    { keys: [':'], label: 'command (:certs, :inspect PATH, …)', run: actions.palette, footer: false },
    { keys: ['q'], label: 'quit', run: actions.quit, when: actions.home },
    // Taken before any scope (the app quits whatever has focus); listed here so the help shows it.
    { keys: ['ctrl-c'], label: 'quit from anywhere', run: actions.quit, footer: false },
  ];
}

/** A screen's keymap: its own bindings first (a screen's own Esc wins), then the global ones. */
export function useScreenKeymap(bindings: Binding[], options: { help?: string[]; home?: boolean } = {}): void {
  const frame = useFrame();
  const navigation = useNavigation();
  const home = options.home ?? false;
  useKeymap(
    [
      ...bindings,
      ...globalBindings({
        home,
        back: navigation.pop,
        help: frame.openHelp,
        palette: frame.openPalette,
        quit: navigation.quit,
      }),
    ],
    { help: options.help },
  );
}
