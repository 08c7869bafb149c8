// ESLint for the generator's own source (npm run lint): generator/, scripts/, bin/, bench/, test/.
// typescript-eslint's recommended rules without type information, so a run takes seconds, not a
// TypeScript program per file; `npm run typecheck` is what checks the types.
// The generated package (output/) is checked by its own tsc build and by `generate --check`, and is
// not linted here: its style is the templates' (templates/*.hbs), fixed by the golden tests. Its
// static runtime (templates/runtime/*.ts) is real TypeScript, and linted here.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'output/',
      'input/',
      'dist/',
      'node_modules/',
      'coverage/',
      // Test inputs and expected outputs: their text is what the tests read or compare, not code to tidy.
      'test/**/fixtures/',
      'test/**/__snapshots__/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'warn',
    },
    rules: {
      // Control characters in a pattern are the point here: the emitters escape them, the readers
      // reject them in JSON strings, the tests look for them (ANSI escapes of the progress line).
      'no-control-regex': 'off',
      // Two spaces in a pattern stand for the two of an indent or a table's padding, as the text has them.
      'no-regex-spaces': 'off',
      // `eat(';') || eat(',')`, `ok ? resolve() : reject()`: a call made for its effect, on a condition.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // A leading underscore marks a parameter, variable or caught error that is there on purpose
      // (a callback's place in a signature, a destructured field left out of a rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // An array spread into a call's arguments puts every element on the stack: past some 100,000
    // (a table of 170,000 rows) it throws a RangeError. The generator reads input of any size.
    files: ['generator/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
          message: 'No spread into a call in generator/: an array of any length overflows the stack; use pushAll or maxOf (generator/arrays.ts), or a loop.',
        },
      ],
    },
  },
  {
    // The bin is a CommonJS script (bin/package.json): Node starts one faster than an ES module.
    files: ['bin/**'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The Standard Schema interface is a declared namespace, as its spec writes it.
    files: ['templates/runtime/**'],
    rules: {
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  {
    // Tests read generated JSON documents (openapi.json, package.json) and poke into them.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
