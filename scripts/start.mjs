// `npm start` / `npm run web`: builds when dist is missing or stale, then runs the desktop app when Electron can
// run here, otherwise web mode (`berth web`), passing on the remaining arguments and signals.
import { spawnSync } from 'node:child_process';
import { runForeground } from './lib/child.mjs';
import { electronAvailability } from './lib/electron.mjs';
import { buildState } from './lib/freshness.mjs';
import { root, targets } from './lib/paths.mjs';

const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const rest = args.filter((a) => a !== '--web');

const state = buildState();
if (state.stale) {
  console.log(`Building first: ${state.reason}.`);
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const electron = forceWeb ? undefined : electronAvailability();
if (electron?.usable) {
  // Chromium refuses to run as root without --no-sandbox; that is the only case where we turn it off.
  const sandboxFlag = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  runForeground(electron.binary, [root, ...sandboxFlag, ...rest], { cwd: root });
} else {
  console.log(
    forceWeb
      ? 'Starting web mode (--web).'
      : `${electron?.reason ?? 'Electron is unavailable'}; starting web mode.`,
  );
  runForeground(process.execPath, [targets.cli.out, 'web', ...rest], { cwd: root });
}
