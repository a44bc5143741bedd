import { Injectable } from '@nestjs/common';

/** Time behind a seam: tests move it; the domain never reads a clock of its own. */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Only tests and demos call this. */
  setNow(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
