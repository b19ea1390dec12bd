/** One content block of an MCP CallToolResult, ready to render. */
export type ContentBlock =
  | { kind: 'text'; text: string }
  | { kind: 'image' | 'audio'; src: string; mimeType: string }
  | { kind: 'link'; uri: string; name: string; description: string | null; href: string | null }
  | { kind: 'resource'; uri: string; mimeType: string | null; text: string | null; src: string | null }
  | { kind: 'other'; json: string };

export interface ToolOutput {
  blocks: ContentBlock[];
  /** The result's structuredContent, when it has one. */
  structured: unknown;
  isError: boolean;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
/** Only web addresses become links: a remote server's URI may be anything (`javascript:`, custom schemes). */
export const webHref = (uri: string): string | null => (/^https?:\/\//i.test(uri) ? uri : null);
const dataUri = (mimeType: string, base64: string) => `data:${mimeType};base64,${base64}`;

function blockOf(block: unknown): ContentBlock {
  if (!isObject(block)) return { kind: 'other', json: JSON.stringify(block) };
  switch (block.type) {
    case 'text':
      return { kind: 'text', text: str(block.text) ?? '' };
    case 'image':
    case 'audio': {
      const mimeType = str(block.mimeType) ?? 'application/octet-stream';
      return { kind: block.type, mimeType, src: dataUri(mimeType, str(block.data) ?? '') };
    }
    case 'resource_link': {
      const uri = str(block.uri) ?? '';
      return { kind: 'link', uri, name: str(block.title) ?? str(block.name) ?? uri, description: str(block.description), href: webHref(uri) };
    }
    case 'resource': {
      const resource = isObject(block.resource) ? block.resource : {};
      const mimeType = str(resource.mimeType);
      const blob = str(resource.blob);
      return { kind: 'resource', uri: str(resource.uri) ?? '', mimeType, text: str(resource.text), src: blob === null ? null : dataUri(mimeType ?? 'application/octet-stream', blob) };
    }
    default:
      return { kind: 'other', json: JSON.stringify(block, null, 2) };
  }
}

/** Reads the MCP CallToolResult the server sent (camelCase, as is) without trusting its shape. */
export function toolOutputOf(result: unknown): ToolOutput {
  if (!isObject(result)) return { blocks: [], structured: undefined, isError: false };
  const content = Array.isArray(result.content) ? result.content : [];
  return { blocks: content.map(blockOf), structured: result.structuredContent, isError: result.isError === true };
}
