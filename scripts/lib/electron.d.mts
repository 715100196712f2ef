export type ElectronAvailability = { usable: true; binary: string } | { usable: false; reason: string };
export function electronAvailability(options?: {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  requireFrom?: string;
}): ElectronAvailability;
