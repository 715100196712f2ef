import { describe, expect, it } from 'vitest';
import { TASK_POLL_MIN_MS, TASK_POLL_MS, taskPollDelay } from './tasks';

describe('the task poll pace', () => {
  it('is 10× the last list, between 100 ms (a small swarm) and 1 s (a big one)', () => {
    expect(taskPollDelay(3)).toBe(TASK_POLL_MIN_MS);
    expect(taskPollDelay(25)).toBe(250);
    expect(taskPollDelay(150)).toBe(TASK_POLL_MS);
    expect([TASK_POLL_MIN_MS, TASK_POLL_MS]).toEqual([100, 1000]);
  });
});
