/**
 * Text → plain data for scenario and catalog files. YAML and JSON are both accepted; a parse
 * failure becomes one AspisError naming `file:line:col` and what went wrong, never a stack trace
 * or a multi-line code frame.
 */
import { parseDocument } from 'yaml';
import { AspisError } from '../core/errors.ts';

export type TextFormat = 'json' | 'yaml';

/** `.json` files and texts that open with `{` or `[` are JSON; everything else is YAML. */
export function detectFormat(text: string, file: string): TextFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  const first = stripBom(text).trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

export function parseDataText(
  text: string,
  file: string,
  format = detectFormat(text, file),
): unknown {
  const body = stripBom(text);
  return format === 'json' ? parseJson(body, file) : parseYaml(body, file);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Aliases expand into copies; the limit stops "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

function parseYaml(text: string, file: string): unknown {
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  } catch {
    // The parser recurses on nesting; only absurdly deep input overflows the stack.
    throw new AspisError({ file, expected: 'valid YAML', hint: 'nesting too deep' });
  }
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    throw new AspisError({
      file: pos ? `${file}:${pos.line}:${pos.col}` : file,
      expected: 'valid YAML',
      hint: yamlReason(err.message),
    });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // Unresolved or excessive aliases surface only when the document is converted.
    throw new AspisError({
      file,
      expected: 'valid YAML',
      hint: yamlReason(String((e as Error)?.message ?? e)),
    });
  }
}

/** The yaml package's message carries " at line L, column C:" and a code frame; keep the reason. */
function yamlReason(message: string): string {
  const firstLine = message.split('\n')[0] ?? '';
  return firstLine.replace(/ at line \d+, column \d+:?\s*$/, '').trim() || 'unparseable text';
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // V8's messages differ between versions and some span lines; locate the error ourselves.
    const { offset, reason } = findJsonError(text);
    const { line, col } = lineCol(text, offset);
    throw new AspisError({ file: `${file}:${line}:${col}`, expected: 'valid JSON', hint: reason });
  }
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

class JsonScanError {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

/**
 * A strict JSON recogniser that reports the offset of the first error (called only after
 * JSON.parse has failed, so it never decides validity on its own).
 */
export function findJsonError(text: string): { offset: number; reason: string } {
  let i = 0;
  const fail = (reason?: string): never => {
    throw new JsonScanError(
      i,
      reason ??
        (i >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`),
    );
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++)
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail('bad \\u escape');
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail('bad escape in string');
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a double-quoted property name');
        string();
        ws();
        if (text[i] !== ':') fail("expected ':' after property name");
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail("expected ',' or '}'");
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail("expected ',' or ']'");
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail('unexpected text after the JSON value');
    return { offset: 0, reason: 'unparseable JSON' };
  } catch (e) {
    if (e instanceof JsonScanError) return { offset: e.offset, reason: e.reason };
    // Only a stack overflow gets here: nesting deeper than any scenario needs.
    return { offset: 0, reason: 'nesting too deep' };
  }
}
