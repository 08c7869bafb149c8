// The validation interface shared by the validators and the client: Standard Schema v1, the
// issues a check reports, and the error that lists them. No runtime dependency.

/** The Standard Schema v1 interface (https://standardschema.dev), so that any compatible library accepts these schemas. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/** One problem: where it is (member names and array indexes) and what to do about it. */
export interface Issue {
  message: string;
  path: (string | number)[];
}

export interface ValidateOptions {
  /** Also report members the docs do not describe (ServiceStack ignores them). */
  strict?: boolean;
}

export interface Schema<T> extends StandardSchemaV1<T> {
  /** Type guard: true when `value` is a valid `T`. Fast; says nothing about why not. */
  is(value: unknown): value is T;
  /** Every issue of `value` (none when it is valid). */
  validate(value: unknown, options?: ValidateOptions): Issue[];
  /** Returns `value` as a `T`, or throws a ValidationError listing every issue. */
  parse(value: unknown): T;
}

/** `emails[0].isMainEmail` */
export function formatPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

export class ValidationError extends Error {
  readonly issues: Issue[];

  constructor(typeName: string, issues: Issue[]) {
    const lines = issues.map((i) => `\n  ${formatPath(i.path) || '(value)'}: ${i.message}`);
    super(`Invalid ${typeName} (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}):${lines.join('')}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}
