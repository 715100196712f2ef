import { readFile } from 'node:fs/promises';
import { parseDotEnv } from './dotenv';
import { type Lookup } from './interpolate';
import { ComposeIssue } from './problems';

/**
 * Reads a file the user pointed at (env_file, --env-file, secret/config `file:`), with a message that names the
 * file and says what to do when it is missing or unreadable.
 */
export async function readUserFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'is not readable' : `cannot be read (${code ?? String(err)})`;
    throw new ComposeIssue(`${what} ${file} ${reason}`);
  }
}

export async function loadEnvFile(file: string, what: string, lookup: Lookup, onUnset: (name: string) => void): Promise<Record<string, string>> {
  const text = await readUserFile(file, what);
  try {
    return parseDotEnv(text, lookup, onUnset);
  } catch (err) {
    if (err instanceof ComposeIssue) throw new ComposeIssue(`${what} ${file}: ${err.message}`);
    throw err;
  }
}
