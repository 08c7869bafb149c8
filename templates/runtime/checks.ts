// What the generated validators (validators.ts) call: the guards and checks of values, the
// reporting of issues with their paths, and the schema object built from a type's guard and check.
// Internal: the package entry point exports the schemas, not these.

import { ValidationError, type Issue, type Schema, type StandardSchemaV1, type ValidateOptions } from './schema.js';

const VENDOR = 'booster-codegen';
/** Deeper payloads are reported, not followed, so that a cyclic type cannot overflow the stack. */
export const MAX_DEPTH = 64;
/** A huge bad array yields this many issues, then one saying the rest were left out. */
const MAX_ISSUES = 1000;

/** ISO 8601 date or date-time (seconds, fraction and offset optional), or ServiceStack's `/Date(ms[±hhmm])/`. */
export const DATE =
  /^(?:\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?|\/Date\(-?\d+(?:[+-]\d{4})?\)\/)$/;
/** 32 hex digits, bare (ServiceStack JSON) or in 8-4-4-4-12 groups. */
export const GUID = /^(?:[\da-fA-F]{32}|[\da-fA-F]{8}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{12})$/;
/** ISO 8601 duration (ServiceStack's TimeSpan format) or .NET's `[-][d.]hh:mm[:ss[.fffffff]]`. */
export const DURATION =
  /^(?:-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?|-?(?:\d+\.)?\d{1,2}:[0-5]\d(?::[0-5]\d(?:\.\d{1,7})?)?)$/;
export const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,7})?)?$/;

export interface Context {
  readonly issues: Issue[];
  /** Path of the value being checked; grows and shrinks as checks descend. */
  readonly path: (string | number)[];
  readonly strict: boolean;
}

export type Check = (value: unknown, c: Context, d: number) => void;

export function objectLike(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasOwn(v: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(v, key);
}

/** For member names Object.prototype also has: an absent `constructor` must not read as `Object`. */
export function ownMember(v: Record<string, unknown>, key: string): unknown {
  return hasOwn(v, key) ? v[key] : undefined;
}

export function integer(x: unknown, min: number, max: number): boolean {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}

/** `path` and then `key`, as a new array: array literals for the usual short paths are much faster than copying. */
function pathWith(path: readonly (string | number)[], key: string | number): (string | number)[] {
  switch (path.length) {
    case 0:
      return [key];
    case 1:
      return [path[0]!, key];
    case 2:
      return [path[0]!, path[1]!, key];
    case 3:
      return [path[0]!, path[1]!, path[2]!, key];
    default:
      return path.concat(key);
  }
}

export function report(c: Context, key: string | number | undefined, message: string): void {
  if (c.issues.length > MAX_ISSUES) return;
  if (c.issues.length === MAX_ISSUES)
    c.issues.push({ message: `more issues left out (only the first ${MAX_ISSUES} are listed)`, path: [] });
  else c.issues.push({ message, path: key === undefined ? c.path.slice() : pathWith(c.path, key) });
}

/** Reports a value that is no object, or one nested too deeply. */
export function objectShape(v: unknown, c: Context, d: number): v is Record<string, unknown> {
  if (!objectLike(v)) report(c, undefined, 'expected an object');
  else if (d > MAX_DEPTH) report(c, undefined, `nested more than ${MAX_DEPTH} levels deep`);
  else return true;
  return false;
}

export function reportUnknown(v: object, known: ReadonlySet<string>, c: Context): void {
  for (const key of Object.keys(v)) if (!known.has(key)) report(c, key, 'unknown member');
}

function collect(value: unknown, check: Check, options: ValidateOptions | undefined): Issue[] {
  const c: Context = { issues: [], path: [], strict: options?.strict === true };
  check(value, c, 0);
  return c.issues;
}

function fail(typeName: string, issues: Issue[]): never {
  throw new ValidationError(typeName, issues);
}

function standardResult<T>(value: unknown, issues: Issue[]): StandardSchemaV1.Result<T> {
  return issues.length ? { issues } : { value: value as T };
}

/** Standard Schema callers may pass `{ libraryOptions: { strict: true } }`. */
function standardOptions(options: StandardSchemaV1.Options | undefined): ValidateOptions | undefined {
  return options?.libraryOptions?.strict === true ? { strict: true } : undefined;
}

/** The public schema of a type, from its guard `is` and its issue collector `check`. */
export function schema<T>(typeName: string, is: (v: unknown, d: number) => v is T, check: Check): Schema<T> {
  const self: Schema<T> = {
    '~standard': {
      version: 1,
      vendor: VENDOR,
      validate: (v, o) => standardResult<T>(v, self.validate(v, standardOptions(o))),
    },
    is: (v): v is T => is(v, 0),
    validate: (v, options) => (!options?.strict && is(v, 0) ? [] : collect(v, check, options)),
    parse: (v) => (is(v, 0) ? v : fail(typeName, collect(v, check, undefined))),
  };
  return self;
}
