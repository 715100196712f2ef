import { invalid } from '../yaml';

/**
 * Splits a command line into words the way a POSIX shell does for a pasted `docker run`: single and double
 * quotes, backslash escapes, and backslash-newline continuations. Expansions ($VAR, globs) are kept literally.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1] ?? '')) {
        if (line[i + 1] !== '\n') word += line[i + 1];
        i++;
      } else word += c;
    } else if (c === '\\') {
      if (line[i + 1] !== '\n' && i + 1 < line.length) {
        word += line[i + 1];
        inWord = true;
      }
      i++;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === ';' || c === '|' || c === '&') {
      throw invalid(`The command line has "${c}": paste a single docker run command, without other commands.`);
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw invalid(`The command line has an unclosed ${quote} quote.`);
  if (inWord) words.push(word);
  return words;
}
