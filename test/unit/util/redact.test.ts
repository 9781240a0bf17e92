import * as assert from 'assert';
import { redactDeep, redactSecrets } from '../../../src/core/util/redact';

describe('redactSecrets', () => {
  const cases: Array<[string, string]> = [
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked', 'token [redacted] leaked'],
    ['gho_16C7e42F292c6912E7710c838347Ae178B4a and ghs_abc123def456 and ghu_AAAAAAAAAAAA', '[redacted] and [redacted] and [redacted]'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', '[redacted]'],
    ['Authorization: Basic dXNlcjpwYXNz\nnext', 'Authorization: [redacted]\nnext'],
    ['{"authorization":"bearer abc.def.ghi","x":1}', '{"authorization":"[redacted]","x":1}'],
    ['sent Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig123 to it', 'sent Bearer [redacted] to it'],
    ['https://alice:s3cret@github.example/o/r.git', 'https://alice:[redacted]@github.example/o/r.git'],
    ['failed (sent Authorization: token abc123def456ghi) - retry later, please', 'failed (sent Authorization: [redacted]) - retry later, please'],
  ];
  for (const [input, expected] of cases) {
    it(`redacts ${JSON.stringify(input.slice(0, 30))}`, () => assert.strictEqual(redactSecrets(input), expected));
  }

  it('leaves ordinary prose alone', () => {
    const prose = 'GitHub rejected the token (401): sign in again; a token expires, bearer of news';
    assert.strictEqual(redactSecrets(prose), prose);
  });

  it('keeps JSON valid: a value ends at a quote or backslash', () => {
    const json = JSON.stringify({ note: 'header "Authorization: token abc123def456" and https://u:p4ss@h.example/x' });
    const out = redactSecrets(json);
    assert.deepStrictEqual(JSON.parse(out), { note: 'header "Authorization: [redacted]" and https://u:[redacted]@h.example/x' });
  });

  it('redacts every string of JSON-like data, and nothing else', () => {
    const data = { id: 'd-1', attempts: 2, payload: { body: 'use ghp_abcdefghijkl0123', labels: ['a', 'gho_zzzzzzzzzzzz'] }, when: null };
    assert.deepStrictEqual(redactDeep(data), { id: 'd-1', attempts: 2, payload: { body: 'use [redacted]', labels: ['a', '[redacted]'] }, when: null });
  });
});
