import * as assert from 'assert';
import { redactSecrets } from '../../../src/core/util/redact';

describe('redactSecrets', () => {
  const cases: Array<[string, string]> = [
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked', 'token [redacted] leaked'],
    ['gho_16C7e42F292c6912E7710c838347Ae178B4a and ghs_abc123def456 and ghu_AAAAAAAAAAAA', '[redacted] and [redacted] and [redacted]'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', '[redacted]'],
    ['Authorization: Basic dXNlcjpwYXNz\nnext', 'Authorization: [redacted]\nnext'],
    ['{"authorization":"bearer abc.def.ghi","x":1}', '{"authorization":"[redacted]","x":1}'],
    ['sent Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig123 to it', 'sent Bearer [redacted] to it'],
    ['https://alice:s3cret@github.example/o/r.git', 'https://alice:[redacted]@github.example/o/r.git'],
  ];
  for (const [input, expected] of cases) {
    it(`redacts ${JSON.stringify(input.slice(0, 30))}`, () => assert.strictEqual(redactSecrets(input), expected));
  }

  it('leaves ordinary prose alone', () => {
    const prose = 'GitHub rejected the token (401): sign in again; a token expires, bearer of news';
    assert.strictEqual(redactSecrets(prose), prose);
  });
});
