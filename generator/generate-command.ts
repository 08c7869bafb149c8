/** The command that writes the output, as generated files and messages name it (cheap to import: the CLI's first steps use it). */
export const GENERATE_COMMAND = 'booster-codegen generate';
