/** The browser to drive: $CHROMIUM_PATH, else the first installed of the usual paths. */
export function findChromium(): string | undefined;
/** Installs Debian's chromium when it can (root, apt-get); the browser's path, or why there is none. */
export function ensureChromium(): { path: string; reason?: undefined } | { path?: undefined; reason: string };
