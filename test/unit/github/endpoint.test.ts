import * as assert from 'assert';
import { resolveGitHubEndpoint, type EndpointResult } from '../../../src/core/github/endpoint';

function endpointOf(result: EndpointResult) {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.endpoint;
}

function refusal(result: EndpointResult): string {
  assert.ok(!result.ok, `expected a refusal, got ${JSON.stringify(result)}`);
  return result.message;
}

describe('GitHub endpoint rules (where a token may go)', () => {
  it('sends github.com tokens to api.github.com by default', () => {
    assert.deepStrictEqual(endpointOf(resolveGitHubEndpoint({})), { provider: 'github', apiBase: 'https://api.github.com', webBase: 'https://github.com' });
  });

  it('derives the Enterprise API from enterpriseUri, with its own provider', () => {
    assert.deepStrictEqual(endpointOf(resolveGitHubEndpoint({ enterpriseUri: 'https://ghe.acme.example/' })), {
      provider: 'github-enterprise', apiBase: 'https://ghe.acme.example/api/v3', webBase: 'https://ghe.acme.example',
    });
    assert.strictEqual(endpointOf(resolveGitHubEndpoint({ enterpriseUri: 'https://ghe.acme.example/api/v3' })).apiBase, 'https://ghe.acme.example/api/v3');
  });

  it('accepts an apiUrl on the token host only', () => {
    assert.strictEqual(endpointOf(resolveGitHubEndpoint({ apiUrl: 'https://api.github.com/' })).apiBase, 'https://api.github.com');
    assert.strictEqual(endpointOf(resolveGitHubEndpoint({ enterpriseUri: 'https://ghe.acme.example', apiUrl: 'https://ghe.acme.example/proxy/api/v3' })).apiBase, 'https://ghe.acme.example/proxy/api/v3');
    assert.strictEqual(endpointOf(resolveGitHubEndpoint({ enterpriseUri: 'https://acme.ghe.com', apiUrl: 'https://api.acme.ghe.com' })).apiBase, 'https://api.acme.ghe.com');
  });

  it('refuses http, another host, and a github.com token sent to an Enterprise or third host', () => {
    assert.match(refusal(resolveGitHubEndpoint({ apiUrl: 'http://api.github.com' })), /not https/);
    assert.match(refusal(resolveGitHubEndpoint({ apiUrl: 'https://evil.example/api' })), /not on github\.com/);
    assert.match(refusal(resolveGitHubEndpoint({ apiUrl: 'https://ghe.acme.example/api/v3' })), /not on github\.com/);
    assert.match(refusal(resolveGitHubEndpoint({ enterpriseUri: 'https://ghe.acme.example', apiUrl: 'https://api.github.com' })), /not on ghe\.acme\.example/);
    assert.match(refusal(resolveGitHubEndpoint({ enterpriseUri: 'http://ghe.acme.example' })), /not https/);
    assert.match(refusal(resolveGitHubEndpoint({ enterpriseUri: 'ftp://ghe.acme.example' })), /not an http\(s\) address/);
    assert.match(refusal(resolveGitHubEndpoint({ apiUrl: 'not a url' })), /not an address/);
  });

  it('allows the loopback test server only when the policy says the extension runs its tests', () => {
    assert.match(refusal(resolveGitHubEndpoint({ apiUrl: 'http://127.0.0.1:4567' })), /not https/);
    assert.strictEqual(endpointOf(resolveGitHubEndpoint({ apiUrl: 'http://127.0.0.1:4567' }, { allowLoopback: true })).apiBase, 'http://127.0.0.1:4567');
    assert.match(refusal(resolveGitHubEndpoint({ apiUrl: 'http://localhost:4567' }, { allowLoopback: true })), /not https/);
    assert.match(refusal(resolveGitHubEndpoint({ apiUrl: 'http://10.0.0.1:4567' }, { allowLoopback: true })), /not https/);
  });
});
