import { ToolError } from '../core/tool-error.ts';

/** The tool's errors are shared by every layer (src/core/tool-error.ts); the CLI only decides how they are printed. */
export { TOOL_ERRORS, ToolError, type ToolErrorCode } from '../core/tool-error.ts';

/** The line the CLI prints for a tool error: its message and its stable code. */
export function toolErrorLine(error: ToolError): string {
  return `conform: ${error.message} [${error.code}]`;
}
