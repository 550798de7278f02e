import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AspisError } from '../core/errors.ts';
import { detectFormat, findJsonError, parseDataText } from './parse-text.ts';

test('format detection: extension first, then the first character', () => {
  assert.equal(detectFormat('a: 1', 'x.json'), 'json');
  assert.equal(detectFormat('{"a": 1}', 'x.yaml'), 'yaml');
  assert.equal(detectFormat('  {"a": 1}', 'stdin'), 'json');
  assert.equal(detectFormat('\uFEFF[1]', 'stdin'), 'json');
  assert.equal(detectFormat('a: 1', 'stdin'), 'yaml');
});

test('YAML 1.2 core schema: timestamps stay strings, .nan and .inf are numbers', () => {
  assert.deepEqual(parseDataText('epoch: 2001-11-13T00:00:00Z\nn: .nan\ni: -.inf\n', 'x.yaml'), {
    epoch: '2001-11-13T00:00:00Z',
    n: NaN,
    i: -Infinity,
  });
});

test('alias bombs are refused rather than expanded', () => {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++)
    lines.push(
      `${'b'.repeat(i)}: &${'a'.repeat(i + 1)} [${Array(10)
        .fill('*' + 'a'.repeat(i))
        .join(', ')}]`,
    );
  assert.throws(
    () => parseDataText(lines.join('\n'), 'bomb.yaml'),
    (e: unknown) => {
      assert.ok(e instanceof AspisError);
      assert.match(e.message, /^bomb\.yaml: expected valid YAML \(/);
      return true;
    },
  );
});

test('JSON error offsets point at the offending character', () => {
  assert.deepEqual(findJsonError('{"a": 1,}'), {
    offset: 8,
    reason: 'expected a double-quoted property name',
  });
  assert.deepEqual(findJsonError('[1, 2'), { offset: 5, reason: "expected ',' or ']'" });
  assert.deepEqual(findJsonError('"abc'), { offset: 4, reason: 'unterminated string' });
  assert.deepEqual(findJsonError('01'), {
    offset: 1,
    reason: 'unexpected text after the JSON value',
  });
  assert.deepEqual(findJsonError(''), { offset: 0, reason: 'unexpected end of input' });
  assert.equal(findJsonError('['.repeat(1e6)).reason.length > 0, true);
});

test('deeply nested input fails cleanly', () => {
  for (const [text, file] of [
    ['['.repeat(200_000), 'deep.json'],
    ['['.repeat(200_000), 'deep.yaml'],
  ]) {
    assert.throws(() => parseDataText(text, file), AspisError);
  }
});
