/**
 * The top-level names each template and runtime module of the generated package declares, as
 * data: the names generated from the docs keep clear of them (model/name-symbols.ts).
 * test/names/reserved.test.ts checks this list against the files' text, so that it cannot drift;
 * the generator never reads templates for names.
 */

export interface TemplateNames {
  /** What the generated module exports (`ApiError`, `Issue`…). */
  exported: readonly string[];
  /** Module-private names (`report`, `objectLike`…), imported names and namespace imports (`import * as T`). */
  private: readonly string[];
  /** Members of the class the module declares (the client class's `client`), which its methods keep clear of. */
  members?: readonly string[];
}

export const TEMPLATE_NAMES = {
  'types.ts.hbs': { exported: ['Operations'], private: [] },
  'validators.ts.hbs': {
    exported: [],
    private: [
      'Types',
      'DATE',
      'DURATION',
      'GUID',
      'MAX_DEPTH',
      'TIME_OF_DAY',
      'hasOwn',
      'integer',
      'objectLike',
      'objectShape',
      'ownMember',
      'report',
      'reportUnknown',
      'schema',
      'Context',
    ],
  },
  'dates.ts.hbs': { exported: [], private: ['Fix', 'date', 'at', 'each', 'values'] },
  'operations.ts.hbs': { exported: [], private: ['T', 'ApiClient', 'CallOptions', 'call', 'D'] },
  'client.ts.hbs': {
    exported: [],
    private: ['T', 'S', 'O', 'createClient', 'callOptionsOf', 'clientOptionsOf', 'ApiClient', 'CallOptions', 'ClassCallOptions', 'ClassOptions', 'Schema'],
    members: ['client'],
  },
  'index.ts.hbs': { exported: [], private: [] },
  'runtime/schema.ts': {
    exported: ['StandardSchemaV1', 'Issue', 'ValidateOptions', 'Schema', 'formatPath', 'ValidationError'],
    private: [],
  },
  'runtime/core.ts': {
    exported: [
      'Credential',
      'AuthScheme',
      'Auth',
      'RetryOptions',
      'CallInfo',
      'Failure',
      'RetryPolicy',
      'ResponseDrift',
      'ClientOptions',
      'CallOptions',
      'ClassOptions',
      'ClassCallOptions',
      'ApiClient',
      'createClient',
      'FieldError',
      'ErrorResponseStatus',
      'ApiError',
      'NetworkError',
      'TimeoutError',
      'ResponseTooLargeError',
    ],
    private: ['Issue', 'member', 'text'],
  },
  // Internal: validators.ts imports these.
  'runtime/checks.ts': {
    exported: [
      'MAX_DEPTH',
      'DATE',
      'GUID',
      'DURATION',
      'TIME_OF_DAY',
      'Context',
      'Check',
      'objectLike',
      'hasOwn',
      'ownMember',
      'integer',
      'report',
      'objectShape',
      'reportUnknown',
      'schema',
    ],
    private: [
      'ValidationError',
      'Issue',
      'Schema',
      'StandardSchemaV1',
      'ValidateOptions',
      'VENDOR',
      'MAX_ISSUES',
      'pathWith',
      'collect',
      'fail',
      'standardResult',
      'standardOptions',
    ],
  },
  'runtime/auth.ts': {
    exported: ['bearer', 'basic', 'apiKey', 'refreshOn401'],
    private: ['ApiError', 'AuthScheme', 'Credential', 'Failure', 'RetryPolicy', 'secret', 'earlier401'],
  },
  'runtime/retry.ts': {
    exported: ['retryPolicy'],
    private: ['RetryOptions', 'RetryPolicy', 'IDEMPOTENT', 'TRANSIENT', 'retryDelay', 'sleep'],
  },
  // Internal: the client class imports it; the package entry point exports nothing of it.
  'runtime/class-options.ts': {
    exported: ['clientOptionsOf', 'callOptionsOf'],
    private: [
      'apiKey',
      'basic',
      'bearer',
      'refreshOn401',
      'retryPolicy',
      'Auth',
      'AuthScheme',
      'CallOptions',
      'ClassCallOptions',
      'ClassOptions',
      'ClientOptions',
      'RetryOptions',
      'RetryPolicy',
      'retryOf',
      'authSchemeOf',
    ],
  },
  // Internal: operations.ts imports `call`; the package entry point exports nothing of it.
  'runtime/call.ts': {
    exported: ['Route', 'Operation', 'call'],
    private: [
      'ApiError',
      'NetworkError',
      'ResponseTooLargeError',
      'TimeoutError',
      'ApiClient',
      'CallInfo',
      'CallOptions',
      'Failure',
      'ValidationError',
      'Issue',
      'invalid',
      'target',
      'queryValue',
      'lower',
      'callerHeaders',
      'send',
      'read',
      'result',
      'parse',
    ],
  },
} as const satisfies Record<string, TemplateNames>;

export type TemplateFile = keyof typeof TEMPLATE_NAMES;

/** Every name `template` declares at the top level, exported or not. */
export function declaredNames(template: TemplateFile): string[] {
  const names: TemplateNames = TEMPLATE_NAMES[template];
  return [...names.exported, ...names.private];
}

/** The names the given templates export. */
export function exportedNames(...templates: TemplateFile[]): string[] {
  return templates.flatMap((t) => TEMPLATE_NAMES[t].exported);
}

/** What the package entry point exports besides the generated names: the types module's, the validation interface's, the client core's and its opt-in credentials' and retries'. */
export function runtimeExports(): string[] {
  return exportedNames('types.ts.hbs', 'runtime/schema.ts', 'runtime/core.ts', 'runtime/auth.ts', 'runtime/retry.ts');
}

/** The client class's own members. */
export function classMembers(): readonly string[] {
  return TEMPLATE_NAMES['client.ts.hbs'].members;
}
