/** One input of `## INPUTS` as the parsed definition gives it. */
export interface TriggerInput {
  name: string;
  type: string;
  default?: string | null;
  options?: readonly string[] | null;
}

/** The playbook's trigger URL on this server: the path the API answers, under the origin the browser sees. */
export function triggerUrl(origin: string, triggerPath: string): string {
  return origin.replace(/\/+$/, '') + triggerPath;
}

/** A JSON body a sender can start from: each input with its default, an enum's first option, or a placeholder of its type. */
export function exampleBody(inputs: readonly TriggerInput[]): Record<string, string | number | boolean> {
  const body: Record<string, string | number | boolean> = {};
  for (const input of inputs) {
    if (input.type === 'number') body[input.name] = Number(input.default ?? 1);
    else if (input.type === 'boolean') body[input.name] = (input.default ?? 'true') === 'true';
    else body[input.name] = input.default ?? input.options?.[0] ?? `your ${input.name}`;
  }
  return body;
}

/** A shell command that sends one trigger; single quotes in the body are escaped for the shell. */
export function curlExample(url: string, token: string, inputs: readonly TriggerInput[]): string {
  const body = JSON.stringify(exampleBody(inputs)).replaceAll("'", "'\\''");
  return [
    `curl -X POST '${url}' \\`,
    `  -H 'Authorization: Bearer ${token}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${body}'`,
  ].join('\n');
}
