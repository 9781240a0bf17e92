import * as assert from 'assert';
import { RE2JS } from 're2js';
import { requiredLiteral } from '../../../src/core/patterns/detectorLiteral';

describe('detector required literals', () => {
  it('finds the longest run every match must contain', () => {
    const cases: Array<[string, string | undefined, boolean?]> = [
      ['retryWithBackoff\\(', 'retryWithBackoff('],
      ['\\bsetTimeout\\([^)]*\\*\\s*2\\b', 'setTimeout('],
      ['logger\\.(?:info|warn|error)\\(\\s*\\{', 'logger.'],
      ['(?i)x-correlation-id', 'x-correlation-id', true],
      ['(?i)LIMIT\\s+\\d+\\s+OFFSET', 'limit', true],
      ['WHERE\\s+\\w+\\s*>\\s*\\$\\d+\\s+ORDER BY', 'ORDER BY'],
      ['(?i)^\\s*limit\\s+\\d+', 'limit', true],
      ['colou?r-scheme', 'r-scheme'],
      ['abc{2}d', 'abcc'.slice(0, 3)],
      ['a+bcd', 'bcd'],
      ['foo|barbaz', undefined],
      ['(a+)+$', undefined],
      ['\\x41BCDEF', undefined],
      ['[abc]{3}', undefined],
      ['(?i)kiss-me', '-me', true],
    ];
    for (const [source, text, ignoreCase] of cases) {
      const literal = requiredLiteral(source);
      const expected = text === undefined || text.length < 3 ? undefined : { text, ignoreCase: ignoreCase ?? false };
      assert.deepStrictEqual(literal, expected, source);
    }
  });

  it('never claims a literal that a real match lacks', () => {
    const samples: Array<[string, string]> = [
      ['colou?r-scheme', 'color-scheme'],
      ['ab*cde', 'acde'],
      ['x(?:yz)?w{0,2}-end', 'x-end'],
      ['(?i)LIMIT\\s+\\d+', 'limit 5'],
      ['(?i)kelvin', 'Kelvin'],
    ];
    for (const [source, text] of samples) {
      assert.ok(RE2JS.compile(source).test(text), `${source} matches ${text}`);
      const literal = requiredLiteral(source);
      if (literal) assert.ok((literal.ignoreCase ? text.toLowerCase() : text).includes(literal.text), `${source}: ${literal.text}`);
    }
  });
});
