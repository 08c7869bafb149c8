import type { Plugin } from 'esbuild';

export declare const lazyStringWidth: Plugin;
