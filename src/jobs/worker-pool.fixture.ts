/** Worker used by worker-pool.test.ts: doubles n; n < 0 spins forever (to test aborts). */
export default function double(task: { n: number }): number {
  if (task.n < 0) for (;;) {}
  return task.n * 2;
}
