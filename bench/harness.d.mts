export function median(values: number[]): number;
export function timeShell(command: string, options?: object): number;
export function sideBySide(ours: () => number, theirs: () => number, options?: { runs?: number; warmup?: number }): { ours: number; theirs: number; ratio: number };
