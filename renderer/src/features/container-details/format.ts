// formatBytes is re-exported only for FilesTab, which the file-browser work replaces; import it from the contract.
export { formatBytes } from '../../api/contract';

/** A command as a shell would show it (quoting words with spaces). */
export const formatCommand = (words: string[]): string =>
  words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
