import { runCli } from './cli';
import { deferDockerodeExtras } from './defer-modules';
import { realDeps } from './deps';
import { processIo } from './io';

// Entry of the `berth` command (bundled to dist/cli-<hash>.cjs, started by dist/cli.mjs: launch/launcher.ts).
// Exits explicitly, once stdout is flushed: handles a library forgot to unref (timers, sockets) must not keep a
// finished command alive.
deferDockerodeExtras();
runCli(process.argv.slice(2), processIo(), realDeps()).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
