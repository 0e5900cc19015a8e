import { CASES, checkKeymaps } from './keymap-table.js';

// The screens themselves; their modals are in keymap-modals.test.tsx.
checkKeymaps(CASES.filter((entry) => !entry.steps?.length));
