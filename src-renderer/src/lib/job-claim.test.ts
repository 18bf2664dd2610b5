import { describe, expect, it } from 'vitest';
import { createJobClaim } from './job-claim';

interface Progress {
  jobId: string;
  done: number;
}

describe('job claim', () => {
  it('hands progress that overtook the call to the claim, and later progress straight through', () => {
    let current: string | undefined = undefined;
    const jobs = createJobClaim<Progress>(() => current);
    expect(jobs.isClaimed({ jobId: 'a', done: 1 })).toBe(false);
    expect(jobs.isClaimed({ jobId: 'a', done: 2 })).toBe(false);
    const claimed = jobs.claim('a', { jobId: 'a', done: 0 });
    expect(claimed).toEqual({ jobId: 'a', done: 2 });
    current = 'a';
    expect(jobs.isClaimed({ jobId: 'a', done: 3 })).toBe(true);
  });

  it('starts from the call’s answer when no progress came first, and forgets other jobs on a claim', () => {
    const jobs = createJobClaim<Progress>(() => undefined);
    jobs.isClaimed({ jobId: 'other', done: 5 });
    expect(jobs.claim('mine', { jobId: 'mine', done: 0 })).toEqual({ jobId: 'mine', done: 0 });
    expect(jobs.claim('other', { jobId: 'other', done: 0 })).toEqual({ jobId: 'other', done: 0 });
  });

  it('keeps at most 20 unclaimed jobs', () => {
    const jobs = createJobClaim<Progress>(() => undefined);
    for (let i = 0; i < 25; i++) jobs.isClaimed({ jobId: `j${i}`, done: i });
    expect(jobs.claim('j19', { jobId: 'j19', done: 0 }).done).toBe(19);
    for (let i = 0; i < 25; i++) jobs.isClaimed({ jobId: `j${i}`, done: i });
    expect(jobs.claim('j20', { jobId: 'j20', done: 0 }).done).toBe(0);
  });
});
