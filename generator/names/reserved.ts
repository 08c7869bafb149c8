/**
 * The top-level names each template declares, as data: the names generated from the docs keep
 * clear of them (model/name-symbols.ts). test/names/reserved.test.ts checks this list against the
 * templates' text, so that it cannot drift; the generator never reads templates for names.
 */

export interface TemplateNames {
  /** What the generated module exports (`ApiError`, `Issue`…). */
  exported: readonly string[];
  /** Module-private names (`report`, `objectLike`…), and namespace imports (`import * as T`). */
  private: readonly string[];
}

export const TEMPLATE_NAMES = {
  'types.ts.hbs': { exported: ['Operations'], private: [] },
  'validators.ts.hbs': {
    exported: ['StandardSchemaV1', 'Issue', 'ValidateOptions', 'Schema', 'formatPath', 'ValidationError'],
    private: [
      'Types',
      'VENDOR',
      'MAX_DEPTH',
      'MAX_ISSUES',
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
      'pathWith',
      'report',
      'objectShape',
      'reportUnknown',
      'collect',
      'fail',
      'standardResult',
      'standardOptions',
      'schema',
    ],
  },
  'client.ts.hbs': {
    exported: [
      'Credential',
      'Auth',
      'RetryOptions',
      'CallInfo',
      'ResponseDrift',
      'ClientOptions',
      'CallOptions',
      'FieldError',
      'ErrorResponseStatus',
      'ApiError',
      'NetworkError',
      'TimeoutError',
      'ResponseTooLargeError',
    ],
    private: [
      'T',
      'S',
      'member',
      'text',
      'Route',
      'Op',
      'invalid',
      'target',
      'queryValue',
      'secret',
      'lower',
      'callerHeaders',
      'authHeaders',
      'read',
      'IDEMPOTENT',
      'TRANSIENT',
      'retryDelay',
      'sleep',
      'Fix',
      'date',
      'at',
      'each',
      'values',
      'parse',
    ],
  },
  'index.ts.hbs': { exported: [], private: [] },
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
