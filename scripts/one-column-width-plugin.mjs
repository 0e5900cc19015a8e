// An esbuild plugin: every `import stringWidth from 'string-width'` in the bundle (Ink's output and text measuring,
// wrap-ansi, widest-line, cli-truncate, each with its own version) gets a wrapper that answers a line of one-column
// characters by its length and leaves every other line, and any call with options, to that same string-width. Ink
// measures each text it draws, and string-width's only fast path is ASCII: the app's ·, →, ✓ and … sent every line
// that holds one through grapheme segmentation and Unicode property regexes (bench/README.md, session 13).
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAMESPACE = 'one-column-width';
const helper = fileURLToPath(new URL('../src/ui/one-column-width.ts', import.meta.url));

export const oneColumnWidthPlugin = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === NAMESPACE) return undefined;
      const real = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: NAMESPACE,
      });
      if (real.errors.length > 0) return { errors: real.errors };
      // The path names the module in the bundle's comments: relative, so no build machine's folder is published.
      return { path: relative(process.cwd(), real.path), namespace: NAMESPACE, pluginData: real.path };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      loader: 'js',
      resolveDir: dirname(args.pluginData),
      contents: [
        `import stringWidth from ${JSON.stringify(args.pluginData)};`,
        // The strip-ansi that string-width itself uses: Ink measures its text with the colours in.
        "import stripAnsi from 'strip-ansi';",
        `import { oneColumnWidth } from ${JSON.stringify(helper)};`,
        'export default function width(text, options) {',
        "  if (options !== undefined || typeof text !== 'string') return stringWidth(text, options);",
        "  const plain = text.includes('\\u001B') || text.includes('\\u009B') ? stripAnsi(text) : text;",
        '  return oneColumnWidth(plain) ?? stringWidth(text);',
        '}',
      ].join('\n'),
    }));
  },
};
