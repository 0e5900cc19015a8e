// The least any Ink app does before its first frame: load Ink and React, lay out one line, draw it.
import { render, Text } from 'ink';

process.stdout.write('\x1b[?1049h');
const app = render(<Text>ink floor: q quit</Text>);
setTimeout(() => {
  app.unmount();
  process.stdout.write('\x1b[?1049l');
}, 2000);
