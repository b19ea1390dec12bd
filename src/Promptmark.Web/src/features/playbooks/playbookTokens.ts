/**
 * Finds the parts of a PLAYBOOK.md worth colouring (docs/reference/playbook-spec/spec): the title, section and step
 * headings, `## INPUTS` lines, the `## ARTIFACTS` type, the directives, branch markers and `{{variables}}`. It only
 * colours: what the document means (errors, warnings, the definition) always comes from the API's parser.
 */
export type PlaybookTokenKind =
  | 'heading-mark' | 'title' | 'section' | 'heading' | 'step' | 'step-title'
  | 'input-name' | 'input-type' | 'artifact-type'
  | 'directive' | 'directive-args' | 'string'
  | 'branch' | 'branch-variable' | 'operator'
  | 'variable' | 'code';

export interface PlaybookToken {
  from: number;
  to: number;
  kind: PlaybookTokenKind;
}

type Section = 'none' | 'inputs' | 'artifacts' | 'step' | 'other';

const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const heading = /^( {0,3})(#{1,3})[ \t]+(.+?)[ \t]*$/;
const stepHeading = /^(STEP\s+\d+[a-z]?:)\s+(.+)$/;
const knownSection = /^(?:SYSTEM(?:\s+PROMPT)?|INPUTS|ARTIFACTS|OUTPUT)$/i;
const inputLine = /^(-\s+`)([a-zA-Z][a-zA-Z0-9_]*)(`\s+\()([^)]+)\)/;
const artifactType = /^(type:\s*)(\S+)$/i;
const directive = /^(@(?:output|elicit|prompt|tool))(\(.*)$/;
const condition = /^(```(?:if|elif))(\s+)(\w+)(\s*)(==|!=)(\s*)("[^"]*")(\s*```)$/;
const variable = /\{\{[^{}\n]+\}\}/g;
const quoted = /"[^"]*"/g;

/** The tokens of `text`, in order, never overlapping; offsets are into `text` (lines split on \n). */
export function tokenizePlaybook(text: string): PlaybookToken[] {
  const tokens: PlaybookToken[] = [];
  let section: Section = 'none';
  let openFence: { char: string; length: number } | null = null;
  let titled = false;
  let start = 0;
  for (const line of text.split('\n')) {
    const push = (from: number, to: number, kind: PlaybookTokenKind) => { if (to > from) tokens.push({ from: start + from, to: start + to, kind }); };
    const fenceMatch = fence.exec(line);
    if (openFence) {
      push(0, line.length, 'code');
      const run = fenceMatch?.[1];
      if (run && run[0] === openFence.char && run.length >= openFence.length && !fenceMatch![2]!.trim()) openFence = null;
    } else if (fenceMatch && !(fenceMatch[1]![0] === '`' && fenceMatch[2]!.includes('`'))) {
      // A fence opens only when a backtick fence's info string has no backtick: ```if x == "y"``` is a branch marker, not code.
      openFence = { char: fenceMatch[1]![0]!, length: fenceMatch[1]!.length };
      push(0, line.length, 'code');
    } else if (heading.test(line)) {
      const [, indent, marks, name] = heading.exec(line)!;
      const at = line.indexOf(name!, indent!.length + marks!.length);
      push(indent!.length, indent!.length + marks!.length, 'heading-mark');
      const step = stepHeading.exec(name!);
      if (marks === '#') {
        push(at, at + name!.length, titled ? 'heading' : 'title');
        titled = true;
      } else if (step && (marks === '##') === !/[a-z]:$/.test(step[1]!)) {
        push(at, at + step[1]!.length, 'step');
        inline(tokens, start + at + name!.length - step[2]!.length, step[2]!, 'step-title');
        if (marks === '##') section = 'step';
      } else {
        const known = marks === '##' && knownSection.test(name!);
        push(at, at + name!.length, known ? 'section' : 'heading');
        if (marks === '##') section = !known ? 'other' : /^INPUTS$/i.test(name!) ? 'inputs' : /^(ARTIFACTS|OUTPUT)$/i.test(name!) ? 'artifacts' : 'other';
      }
    } else {
      lineTokens(tokens, start, line, section);
    }
    start += line.length + 1;
  }
  return tokens;
}

function lineTokens(tokens: PlaybookToken[], start: number, line: string, section: Section) {
  const indent = line.length - line.trimStart().length;
  const body = line.trim();
  const at = start + indent;
  const push = (from: number, to: number, kind: PlaybookTokenKind) => { if (to > from) tokens.push({ from: at + from, to: at + to, kind }); };
  let match: RegExpExecArray | null;
  if (section === 'inputs' && (match = inputLine.exec(body))) {
    const [, lead, name, between, type] = match;
    push(lead!.length, lead!.length + name!.length, 'input-name');
    const typeFrom = lead!.length + name!.length + between!.length;
    push(typeFrom, typeFrom + type!.length, 'input-type');
    inline(tokens, at + match[0].length, body.slice(match[0].length), null);
  } else if (section === 'artifacts' && (match = artifactType.exec(body))) {
    if (/^\{\{\w+\}\}$/.test(match[2]!)) inline(tokens, at + match[1]!.length, match[2]!, null);
    else push(match[1]!.length, body.length, 'artifact-type');
  } else if (section === 'step' && (match = directive.exec(body))) {
    push(0, match[1]!.length, 'directive');
    inline(tokens, at + match[1]!.length, match[2]!, 'directive-args', true);
  } else if (section === 'step' && (body === '```else```' || body === '```endif```')) {
    push(0, body.length, 'branch');
  } else if (section === 'step' && (match = condition.exec(body))) {
    let offset = 0;
    const kinds: (PlaybookTokenKind | null)[] = ['branch', null, 'branch-variable', null, 'operator', null, 'string', 'branch'];
    match.slice(1).forEach((part, i) => {
      if (kinds[i]) push(offset, offset + part.length, kinds[i]!);
      offset += part.length;
    });
  } else {
    inline(tokens, start, line, null);
  }
}

/** `{{variables}}` in a stretch of text (and, with `strings`, the quoted strings between them); the rest is `rest`. */
function inline(tokens: PlaybookToken[], at: number, text: string, rest: PlaybookTokenKind | null, strings = false) {
  let last = 0;
  const gap = (from: number, to: number) => {
    if (to <= from) return;
    const piece = text.slice(from, to);
    let cursor = 0;
    if (strings) {
      for (const s of piece.matchAll(quoted)) {
        if (rest && s.index > cursor) tokens.push({ from: at + from + cursor, to: at + from + s.index, kind: rest });
        tokens.push({ from: at + from + s.index, to: at + from + s.index + s[0].length, kind: 'string' });
        cursor = s.index + s[0].length;
      }
    }
    if (rest && piece.length > cursor) tokens.push({ from: at + from + cursor, to: at + to, kind: rest });
  };
  for (const v of text.matchAll(variable)) {
    gap(last, v.index);
    tokens.push({ from: at + v.index, to: at + v.index + v[0].length, kind: 'variable' });
    last = v.index + v[0].length;
  }
  gap(last, text.length);
}
