import { runCli } from './cli';
import { deferDockerodeExtras } from './defer-modules';
import { realDeps } from './deps';
import { processIo } from './io';

// Entry of the `berth` command (bundled to dist/cli.mjs). Exits explicitly, once stdout is flushed: handles a
// library forgot to unref (timers, sockets) must not keep a finished command alive.
deferDockerodeExtras();
const code = await runCli(process.argv.slice(2), processIo(), realDeps());
process.stdout.write('', () => process.exit(code));
