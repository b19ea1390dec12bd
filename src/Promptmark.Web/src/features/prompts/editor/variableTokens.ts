/**
 * Finds `{{variable}}` placeholders in prompt text for highlighting only. The template's real meaning
 * (schema, defaults, warnings) always comes from the API; this just marks where placeholders are so the
 * editor can colour them: the name, the `:type`, and the rest (options/default).
 */
export const knownTypes = ['string', 'text', 'number', 'boolean', 'enum'] as const;

export interface VariableToken {
  /** Offset of the opening `{{`. */
  from: number;
  /** Offset just after the closing `}}`. */
  to: number;
  name: string;
  /** The declared type, or undefined when there is none. */
  type?: string;
  /** Ranges (absolute offsets) of the parts, for finer colouring. */
  nameRange: [number, number];
  typeRange?: [number, number];
  restRange?: [number, number];
  /** False when the name is not an identifier or the type is unknown: shown as a problem. */
  valid: boolean;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function findVariableTokens(text: string): VariableToken[] {
  const tokens: VariableToken[] = [];
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('{{', index);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) break;
    const inner = text.slice(open + 2, close);
    // A placeholder never spans lines or holds another opening brace pair.
    const nested = inner.lastIndexOf('{{');
    if (nested >= 0) {
      index = open + 2 + nested;
      continue;
    }
    if (inner.includes('\n')) {
      index = open + 2;
      continue;
    }
    const start = open + 2;
    const firstColon = inner.indexOf(':');
    const rawName = firstColon < 0 ? inner : inner.slice(0, firstColon);
    const leading = rawName.length - rawName.trimStart().length;
    const name = rawName.trim();
    const nameFrom = start + leading;
    const token: VariableToken = {
      from: open,
      to: close + 2,
      name,
      nameRange: [nameFrom, nameFrom + name.length],
      valid: identifier.test(name),
    };
    if (firstColon >= 0) {
      const afterType = inner.indexOf(':', firstColon + 1);
      const rawType = afterType < 0 ? inner.slice(firstColon + 1) : inner.slice(firstColon + 1, afterType);
      const type = rawType.trim();
      const typeFrom = start + firstColon + 1 + (rawType.length - rawType.trimStart().length);
      token.type = type;
      token.typeRange = [typeFrom, typeFrom + type.length];
      if (!(knownTypes as readonly string[]).includes(type.toLowerCase())) token.valid = false;
      if (afterType >= 0) token.restRange = [start + afterType + 1, close];
    }
    tokens.push(token);
    index = close + 2;
  }
  return tokens;
}

/** Distinct variable names in order of first appearance (for hints; the API's schema is authoritative). */
export function variableNames(text: string): string[] {
  return [...new Set(findVariableTokens(text).filter((t) => t.valid).map((t) => t.name))];
}
