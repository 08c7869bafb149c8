/** Crawl progress on stderr: a bar redrawn in place on a terminal, one plain line per page otherwise (logs, CI). */

export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

const WIDTH = 24;

export class Progress {
  private done = 0;
  private total = 0;

  constructor(private readonly out: ProgressSink) {}

  /** More pages to fetch were discovered. */
  expect(count: number): void {
    this.total += count;
  }

  /** One page is settled: `what` says which and how (saved, unchanged, failed). */
  step(what: string): void {
    this.done++;
    if (!this.out.isTTY) {
      this.out.write(`crawl [${this.done}/${this.total}] ${what}\n`);
      return;
    }
    const filled = this.total ? Math.round((WIDTH * this.done) / this.total) : 0;
    const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
    this.out.write(`\r\x1b[K[${bar}] ${this.done}/${this.total} ${what.slice(0, 60)}`);
  }

  end(): void {
    if (this.out.isTTY && this.done) this.out.write('\n');
  }
}
