/** One message of the generic import format: `[{"role": "user", "content": "…"}, …]`. */
export interface ImportedMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ImportDraft {
  title: string;
  messages: ImportedMessage[];
}

const roles = new Set(['system', 'user', 'assistant']);
const maxTitle = 200;

/**
 * Reads a file in the generic format (a JSON array of role + content messages, or an object holding one as
 * `messages`, with an optional `title`) into what the import call sends; throws an Error whose message says what is wrong.
 */
export function parseImportFile(fileName: string, text: string): ImportDraft {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${fileName} is not JSON: the import takes a JSON array of {"role", "content"} messages.`);
  }
  const wrapper = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  const list = wrapper ? wrapper.messages : parsed;
  if (!Array.isArray(list)) throw new Error(`${fileName} holds no message array: expected [{"role": "user", "content": "…"}, …].`);
  if (list.length === 0) throw new Error(`${fileName} has no messages.`);
  const messages = list.map((item, i) => {
    const m = item as Record<string, unknown> | null;
    if (typeof m !== 'object' || m === null || typeof m.role !== 'string' || typeof m.content !== 'string')
      throw new Error(`Message ${i + 1} needs a "role" and a "content" string.`);
    if (!roles.has(m.role)) throw new Error(`Message ${i + 1} has the role "${m.role}": it must be system, user or assistant.`);
    return { role: m.role as ImportedMessage['role'], content: m.content };
  });
  const given = typeof wrapper?.title === 'string' ? wrapper.title.trim() : '';
  const title = (given || fileName.replace(/\.json$/i, '').trim() || 'Imported conversation').slice(0, maxTitle);
  return { title, messages };
}
