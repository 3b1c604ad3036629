import type { Clock } from "../../src/clock.js";

/** A clock that only moves when the test says so. */
export class TestClock implements Clock {
  constructor(private current = Date.UTC(2026, 10, 23, 1, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
