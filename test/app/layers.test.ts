import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The arrows of the design point down: app → screens → widgets → ui → core, and commands → core. A module may import
 * its own layer and the ones below it; the core imports no UI package. Widgets and the kit reach files only through
 * the Services port (node:path is a string library, not the file system).
 */
const SRC = resolve(import.meta.dirname, '../../src');
const BELOW: Record<string, string[]> = {
  core: ['core'],
  ui: ['ui', 'core'],
  widgets: ['widgets', 'ui', 'core'],
  screens: ['screens', 'widgets', 'ui', 'core'],
  commands: ['commands', 'core'],
  app: ['app', 'screens', 'widgets', 'ui', 'core'],
};
const UI_PACKAGES = /^(react|ink|ink-.*|react-.*)$/;
const FILE_SYSTEM = /^(node:)?(fs|fs\/promises|child_process)$/;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sources(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map(
    (match) => (match[1] ?? match[2])!,
  );
}

const layerOf = (path: string) => relative(SRC, path).split('/')[0]!;

describe('layers', () => {
  it('every import points to its own layer or one below it', () => {
    const wrong: string[] = [];
    for (const file of sources(SRC)) {
      const layer = layerOf(file);
      const allowed = BELOW[layer];
      if (!allowed) continue;
      for (const target of importsOf(file)) {
        const where = `${relative(SRC, file)} imports ${target}`;
        if (target.startsWith('.')) {
          const to = layerOf(resolve(dirname(file), target));
          if (!allowed.includes(to)) wrong.push(where);
        } else if (layer === 'core' && UI_PACKAGES.test(target)) wrong.push(where);
        else if (['ui', 'widgets'].includes(layer) && FILE_SYSTEM.test(target)) wrong.push(where);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the kit and the widgets name no screen: routes and the : commands belong to the app and its screens', () => {
    const naming = [...sources(join(SRC, 'ui')), ...sources(join(SRC, 'widgets'))].filter((file) =>
      /screen: '|screen === '/.test(readFileSync(file, 'utf8')),
    );
    expect(naming.map((file) => relative(SRC, file))).toEqual([]);
  });

  it('is a check that can fail: an upward import is found', () => {
    const file = join(SRC, 'ui/navigation.tsx');
    expect(layerOf(resolve(dirname(file), '../screens/routes.js'))).toBe('screens');
    expect(BELOW.ui).not.toContain('screens');
    expect(importsOf(join(SRC, 'app/App.tsx'))).toContain('../screens/routes.js');
  });
});
