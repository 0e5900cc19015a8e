import { CASES, checkKeymaps } from './keymap-table.js';

// The states reached by keys from a screen: modals, forms, later steps, the help and the command line.
checkKeymaps(CASES.filter((entry) => entry.steps?.length));
