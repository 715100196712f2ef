import { describe, expect, it } from 'vitest';
import { streams } from '../../contract';
import { resolveEnv } from './compose-actions';

describe('compose run -e', () => {
  it('resolves a bare KEY from the user environment and drops an unset one', () => {
    expect(resolveEnv(['A=1', 'B', 'C', 'D=x=y'], { B: 'two' })).toEqual(['A=1', 'B=two', 'D=x=y']);
  });

  it('the compose.run stream accepts only KEY=VALUE, so a web caller cannot read the server environment', () => {
    const input = streams['compose.run'].params;
    const base = { source: { files: [], workingDir: '/p' }, service: 's' };
    expect(input.safeParse({ ...base, env: ['HOME'] }).success).toBe(false);
    expect(input.safeParse({ ...base, env: ['=x'] }).success).toBe(false);
    expect(input.safeParse({ ...base, env: ['A=1', 'B='] }).success).toBe(true);
  });
});
