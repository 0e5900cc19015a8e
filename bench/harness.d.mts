export function median(values: number[]): number;
export function timeShell(command: string, options?: object): number;
export function sideBySide(
  ours: () => number | Promise<number>,
  theirs: () => number | Promise<number>,
  options?: { runs?: number; warmup?: number },
): Promise<{ ours: number; theirs: number; ratio: number }>;
