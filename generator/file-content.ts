/**
 * What an emitter hands over for one generated file: its text, or, for files of tens of
 * megabytes (api-model.json, validators.ts at 10,000 operations), a producer that writes the text
 * in pieces, so that no copy of the whole file need exist at once.
 */

/** Writes a file's text, in order, through `write`; done when it returns (or its promise settles). */
export type StreamedText = (write: (text: string) => void) => void | Promise<void>;

export type FileContent = string | StreamedText;

/**
 * The pieces of `content` in order, of about `size` characters: a text is cut (never inside a
 * surrogate pair, which would not encode), a streamed one's pieces are joined up to that size.
 */
export async function forEachPiece(content: FileContent, size: number, use: (piece: string) => void): Promise<void> {
  if (typeof content === 'string') {
    let start = 0;
    do {
      let end = Math.min(start + size, content.length);
      if (end < content.length && isHighSurrogate(content.charCodeAt(end - 1))) end++;
      use(content.slice(start, end));
      start = end;
    } while (start < content.length);
    return;
  }
  let pending = '';
  await content((text) => {
    pending += text;
    if (pending.length >= size) {
      use(pending);
      pending = '';
    }
  });
  if (pending) use(pending);
}

/** The whole text of `content`, as one string. */
export async function textOf(content: FileContent): Promise<string> {
  if (typeof content === 'string') return content;
  const pieces: string[] = [];
  await content((text) => pieces.push(text));
  return pieces.join('');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
