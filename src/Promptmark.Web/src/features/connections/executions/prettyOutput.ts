/** The recorded output (the result's JSON text) indented for reading; a truncated or non-JSON output as it is. */
export function prettyOutput(output: string, truncated: boolean): string {
  if (truncated) return `${output}…`;
  try {
    return JSON.stringify(JSON.parse(output), null, 2);
  } catch {
    return output;
  }
}
