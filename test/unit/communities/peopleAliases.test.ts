import * as assert from 'assert';
import { PeopleRegistry } from '../../../src/core/communities/people';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import { handIndex } from '../experts/handIndex';

const NOREPLY = '49056869+sapphi-red@users.noreply.github.com';

describe('people of a community report', () => {
  // One maintainer, two addresses, in two repositories: as vitejs/vite's history has them.
  const repositories = [
    { name: 'app', index: handIndex({ 'a.ts': [{ email: 'green@sapphi.red', name: '翠', daysAgo: [1, 2, 3, 4] }] }) },
    { name: 'release', index: handIndex({ 'CHANGELOG.md': [{ email: NOREPLY, name: 'sapphi-red', daysAgo: [5, 6] }], 'b.ts': [{ email: 'sam@other.test', name: 'Sam', daysAgo: [1] }] }) },
  ];

  it('joins a no-reply address to its person across repositories, as the expert engine does', () => {
    const people = new PeopleRegistry(repositories, undefined, []);
    assert.strictEqual(people.fromHistory(NOREPLY), 'green@sapphi.red');
    assert.strictEqual(people.fromHistory('green@sapphi.red'), 'green@sapphi.red');
    assert.strictEqual(people.fromHistory('sam@other.test'), 'sam@other.test');
    assert.strictEqual(people.fromLogin('sapphi-red'), 'green@sapphi.red', 'her login reaches her too');
  });

  it('lets the directory decide where it lists the address', () => {
    const directory = new OrgDirectory(parseDirectoryConfig(
      `people:\n  - { email: ops@corp.test, name: Release Ops, aliases: ['${NOREPLY}'] }\n`,
      'directory.yml',
    ).config);
    const people = new PeopleRegistry(repositories, directory, []);
    assert.strictEqual(people.fromHistory(NOREPLY), 'ops@corp.test');
    assert.strictEqual(people.fromHistory('green@sapphi.red'), 'green@sapphi.red');
  });
});
