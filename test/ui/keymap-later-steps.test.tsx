import { CASES, checkKeymaps } from './keymap-table.js';

// The states reached by keys from a screen, second half: later steps, the help and the command line.
const reached = CASES.filter((entry) => entry.steps?.length);
checkKeymaps(reached.slice(Math.ceil(reached.length / 2)));
