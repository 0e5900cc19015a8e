import { CASES, checkKeymaps } from './keymap-table.js';

// The states reached by keys from a screen, first half: modals, forms and later steps.
const reached = CASES.filter((entry) => entry.steps?.length);
checkKeymaps(reached.slice(0, Math.ceil(reached.length / 2)));
