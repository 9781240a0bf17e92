import * as assert from 'assert';
import { compareGlobSpecificity, matchesEmailGlob } from '../../../src/core/directory/emailGlob';
import { domainOf, githubLoginFromNoreply, isDomainOrSubdomain } from '../../../src/core/directory/identity';

describe('email globs', () => {
  it('* matches any run (including dots and nothing), ? exactly one character, case-insensitively', () => {
    assert.ok(matchesEmailGlob('*@supplier.example', 'Sam.Smith@SUPPLIER.example'));
    assert.ok(matchesEmailGlob('*@*supplier.example', 'a@supplier.example'));
    assert.ok(matchesEmailGlob('ops-?@acme.example', 'ops-1@acme.example'));
    assert.ok(!matchesEmailGlob('ops-?@acme.example', 'ops-12@acme.example'));
    assert.ok(!matchesEmailGlob('*@supplier.example', 'sam@supplier.example.evil'));
    assert.ok(!matchesEmailGlob('*@supplier.example', 'sam@eu.supplier.example'), 'a subdomain needs its own glob');
  });

  it('never backtracks exponentially', () => {
    const started = Date.now();
    assert.ok(!matchesEmailGlob('*a*a*a*a*a*a*a*a*b', `${'a'.repeat(20000)}c`));
    assert.ok(Date.now() - started < 1000);
  });

  it('ranks more literal characters first, then fewer wildcards', () => {
    const sorted = ['*@acme.example', '*@eu.acme.example', '*', 'ops-*@acme.example', '*@acme.exampl?'].sort(compareGlobSpecificity);
    assert.deepStrictEqual(sorted, ['ops-*@acme.example', '*@eu.acme.example', '*@acme.example', '*@acme.exampl?', '*']);
  });
});

describe('identity helpers', () => {
  it('reads the login from both GitHub no-reply forms and nothing else', () => {
    assert.strictEqual(githubLoginFromNoreply('12345+Octo-Cat@users.noreply.github.com'), 'octo-cat');
    assert.strictEqual(githubLoginFromNoreply('octocat@users.noreply.github.com'), 'octocat');
    assert.strictEqual(githubLoginFromNoreply('octocat@github.com'), undefined);
    assert.strictEqual(githubLoginFromNoreply('49699333+dependabot[bot]@users.noreply.github.com'), undefined, 'bots are not logins');
  });

  it('splits domains and recognises subdomains, not mere suffixes', () => {
    assert.strictEqual(domainOf('A@B.Example'), 'b.example');
    assert.strictEqual(domainOf('no-at-sign'), '');
    assert.ok(isDomainOrSubdomain('eu.acme.example', 'acme.example'));
    assert.ok(!isDomainOrSubdomain('notacme.example', 'acme.example'));
  });
});
