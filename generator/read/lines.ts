/** A page's lines, whatever its line ends (CRLF, CR or LF). */
export function splitLines(text: string): string[] {
  // Most pages have LF only: a plain split is several times faster than the pattern.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}
