import { textField } from '../src';

const line = textField({ max: 20 });
const paragraph = textField({ max: 50, min: 0, multiline: true });

test('when a text is padded or decomposed, then it comes back trimmed and NFC-normalized', () => {
  expect(line.parse('  Cafe\u0301  ')).toBe('Café');
  expect(paragraph.parse('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  expect(paragraph.parse('')).toBe('');
});

test.each([
  ['NUL', 'a\u0000b'],
  ['CR LF', 'Title\r\nSet-Cookie: x'],
  ['line feed', 'a\nb'],
  ['escape', 'a\u001b[31mb'],
  ['C1 control', 'a\u0085b'],
  ['right-to-left override', 'gpj.\u202Eexe'],
  ['left-to-right embedding', '\u202Aabc'],
  ['first strong isolate', 'a\u2068b'],
  ['only spaces', '   '],
  ['too long', 'x'.repeat(21)],
])('when a single-line text holds %s, then it is rejected', (_name, value) => {
  expect(line.safeParse(value).success).toBe(false);
});

test('when a multi-line text holds a NUL or a bidi override, then it is rejected; line breaks are kept', () => {
  expect(paragraph.safeParse('a\u0000b').success).toBe(false);
  expect(paragraph.safeParse('a\u202Eb').success).toBe(false);
  expect(paragraph.parse('a\n\tb')).toBe('a\n\tb');
});
