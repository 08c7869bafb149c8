/**
 * One generated file compared with the one on disk as its text comes, piece by piece, and
 * (for a write) staged from the first difference on: an unchanged file is never written, and
 * neither the new text nor the old file is ever held whole (tens of megabytes at scale).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { forEachPiece, type FileContent } from './file-content.js';

/** Characters per piece encoded, compared and written at once. */
const PIECE = 1 << 20;

export interface Compared {
  /** True when the file on disk is missing or holds other bytes. */
  differs: boolean;
  /** sha256 of the new content, when asked for (`hash`). */
  sha256?: string;
}

/**
 * Compares `content` with the file `current`; with `staged`, writes the content to that path when
 * it differs (nothing is written when it does not). `hash`: also return the content's sha256.
 */
export async function compareFile(content: FileContent, current: string, options: { staged?: string; hash?: boolean } = {}): Promise<Compared> {
  const old = openExisting(current);
  const hash = options.hash ? createHash('sha256') : undefined;
  const out = new DifferenceWriter(old, options.staged);
  try {
    await forEachPiece(content, PIECE, (piece) => {
      if (out.settled && !hash) return;
      const bytes = Buffer.from(piece);
      hash?.update(bytes);
      out.add(bytes);
    });
    out.end();
  } finally {
    out.close();
  }
  return { differs: out.differs, ...(hash ? { sha256: hash.digest('hex') } : {}) };
}

interface Existing {
  fd: number;
  size: number;
}

/** The file on disk opened for reading, or undefined when it is missing or no regular file (it then differs). */
function openExisting(file: string): Existing | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  const stats = fstatSync(fd);
  if (stats.isFile()) return { fd, size: stats.size };
  closeSync(fd);
  return undefined;
}

/** Tracks whether the bytes so far equal the old file's, and writes the content to `staged` once they do not. */
class DifferenceWriter {
  differs: boolean;
  /** Bytes of the content so far. */
  private offset = 0;
  private outFd: number | undefined;
  private scratch = Buffer.alloc(0);

  constructor(
    private readonly old: Existing | undefined,
    private readonly staged: string | undefined,
  ) {
    this.differs = !old;
  }

  /** Whether the bytes still matter: for a comparison alone, not once a difference is found. */
  get settled(): boolean {
    return this.differs && this.staged === undefined;
  }

  add(bytes: Buffer): void {
    if (!this.differs && !this.sameAsOld(bytes)) this.differs = true;
    if (this.differs && this.staged !== undefined) {
      this.outFd ??= this.openStaged();
      writeSync(this.outFd, bytes);
    }
    this.offset += bytes.length;
  }

  /** The content ended: one shorter than the old file differs too. */
  end(): void {
    if (!this.differs && this.offset !== this.old!.size) this.differs = true;
    if (this.differs && this.staged !== undefined) this.outFd ??= this.openStaged();
  }

  close(): void {
    if (this.old) closeSync(this.old.fd);
    if (this.outFd !== undefined) closeSync(this.outFd);
  }

  private sameAsOld(bytes: Buffer): boolean {
    if (this.offset + bytes.length > this.old!.size) return false;
    return this.readOld(this.offset, bytes.length).equals(bytes);
  }

  /** The staged file, holding the content so far: the old file's first bytes, which equal it. */
  private openStaged(): number {
    const fd = openSync(this.staged!, 'w');
    for (let at = 0; at < this.offset; at += PIECE) writeSync(fd, this.readOld(at, Math.min(PIECE, this.offset - at)));
    return fd;
  }

  private readOld(at: number, length: number): Buffer {
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(length);
    const read = readSync(this.old!.fd, this.scratch, 0, length, at);
    return this.scratch.subarray(0, read);
  }
}
