/** Bundled, a CommonJS package loaded with import() arrives as its default export; unbundled, as named exports. */
export function namedExports<T extends object>(loaded: T & { default?: T }, probe: keyof T): T {
  return loaded[probe] !== undefined ? loaded : loaded.default!;
}
