import * as assert from 'assert';
import { inferAliases } from '../../../src/core/engine/identityAliases';
import { foldBlameAliases, mergeInferredAliases } from '../../../src/core/engine/identityMerge';
import { handIndex } from '../experts/handIndex';

describe('identity aliases', () => {
  it('folds both GitHub no-reply forms of one login into the identity with the most commits', () => {
    const aliases = inferAliases([
      { email: '2103732+codebien@users.noreply.github.com', name: 'Ivan', commits: 77 },
      { email: 'codebien@users.noreply.github.com', name: 'codebien', commits: 54 },
      { email: 'other@x.test', name: 'Other', commits: 3 },
    ]);
    assert.deepStrictEqual([...aliases], [['codebien@users.noreply.github.com', '2103732+codebien@users.noreply.github.com']]);
  });

  it('folds a no-reply address into the one ordinary address with the same name, or whose local part is the login', () => {
    const aliases = inferAliases([
      { email: 'm.stoikov@gmail.com', name: 'Mihail Stoykov', commits: 372 },
      { email: '312246+mstoykov@users.noreply.github.com', name: 'Mihail Stoykov', commits: 90 },
      { email: 'kaka@kakang.dev', name: 'KaKa', commits: 18 },
      { email: '23028015+climba03003@users.noreply.github.com', name: 'KaKa', commits: 46 },
      { email: 'tony133@corp.test', name: 'Antonio', commits: 5 },
      { email: 'tony133@users.noreply.github.com', name: 'Antonio Tripodi', commits: 83 },
    ]);
    assert.strictEqual(aliases.get('312246+mstoykov@users.noreply.github.com'), 'm.stoikov@gmail.com');
    assert.strictEqual(aliases.get('kaka@kakang.dev'), '23028015+climba03003@users.noreply.github.com', 'into the busier identity');
    assert.strictEqual(aliases.get('tony133@corp.test'), 'tony133@users.noreply.github.com');
    assert.strictEqual(aliases.size, 3);
  });

  it('folds a no-reply address into the one ordinary address named like the login, or at a personal domain spelled like it', () => {
    const aliases = inferAliases([
      { email: 'green@sapphi.red', name: '翠', commits: 948 },
      { email: '49056869+sapphi-red@users.noreply.github.com', name: 'sapphi-red', commits: 384 },
      { email: 'matias.capeletto@gmail.com', name: 'patak-dev', commits: 86 },
      { email: '583075+patak-dev@users.noreply.github.com', name: 'patak', commits: 91 },
      { email: 'someone@gmail.com', name: 'Someone Else', commits: 4 },
    ]);
    assert.strictEqual(aliases.get('49056869+sapphi-red@users.noreply.github.com'), 'green@sapphi.red', 'sapphi-red and sapphi.red');
    assert.strictEqual(aliases.get('matias.capeletto@gmail.com'), '583075+patak-dev@users.noreply.github.com', 'the name is the login');
    assert.strictEqual(aliases.size, 2);
  });

  it('does not guess from a shared or too short domain', () => {
    const aliases = inferAliases([
      { email: 'ann@bigcorp.com', name: 'Ann', commits: 5 },
      { email: 'bob@bigcorp.com', name: 'Bob', commits: 5 },
      { email: '7+bigcorp@users.noreply.github.com', name: 'Carol', commits: 2 },
      { email: 'dan@abc.io', name: 'Dan', commits: 5 },
      { email: '8+abc@users.noreply.github.com', name: 'Eve', commits: 2 },
    ]);
    assert.deepStrictEqual([...aliases], [], 'two addresses at bigcorp.com; abc is too short to mean one person');
  });

  it('does not give a company domain to a no-reply identity with a full name of its own', () => {
    // Seen on a hub of real histories: the `amadeus` account is Amadeus Demarzi, not the one committer at amadeus.com.
    const aliases = inferAliases([
      { email: 'david-emmanuel.divernois@amadeus.com', name: 'divdavem', commits: 1 },
      { email: 'amadeus@users.noreply.github.com', name: 'Amadeus Demarzi', commits: 1 },
    ]);
    assert.deepStrictEqual([...aliases], []);
  });

  it('with fullNamesOnly, joins by a shared name only when it is a full name', () => {
    const identities = [
      { email: 'me@almadoro.dev', name: 'Alex', commits: 1 },
      { email: '2273103+skellla@users.noreply.github.com', name: 'Alex', commits: 3 },
      { email: 'sylvia@acme.example', name: 'Sylvia Chen', commits: 4 },
      { email: '1234+sylviac@users.noreply.github.com', name: 'Sylvia Chen', commits: 2 },
    ];
    assert.strictEqual(inferAliases(identities).get('me@almadoro.dev'), '2273103+skellla@users.noreply.github.com', 'one repository: a unique first name is taken');
    const organisation = inferAliases(identities, { fullNamesOnly: true });
    assert.deepStrictEqual([...organisation], [['1234+sylviac@users.noreply.github.com', 'sylvia@acme.example']]);
  });

  it('leaves ambiguous and generic names alone', () => {
    const aliases = inferAliases([
      { email: 'a@one.test', name: 'Sam Lee', commits: 3 },
      { email: 'b@two.test', name: 'Sam Lee', commits: 2 },
      { email: '9+samlee@users.noreply.github.com', name: 'Sam Lee', commits: 1 },
      { email: 'x@one.test', name: 'unknown', commits: 3 },
      { email: '5+xyz@users.noreply.github.com', name: 'unknown', commits: 3 },
    ]);
    assert.deepStrictEqual([...aliases], [], 'two ordinary addresses share the name: no guess');
  });

  it('merges ordinary addresses by full name only when asked', () => {
    const people = [
      { email: 'aosukeke@gmail.com', name: 'Sosuke Suzuki', commits: 29 },
      { email: 'sosuke.suzuki@dr-ubie.com', name: 'Sosuke  Suzuki', commits: 45 },
      { email: 'kaka@a.test', name: 'KaKa', commits: 1 },
      { email: 'kaka@b.test', name: 'KaKa', commits: 1 },
    ];
    assert.strictEqual(inferAliases(people).size, 0);
    const merged = inferAliases(people, { sameFullName: true });
    assert.deepStrictEqual([...merged], [['aosukeke@gmail.com', 'sosuke.suzuki@dr-ubie.com']], 'a single word is not a full name');
  });
});

describe('inferred aliases in the engine', () => {
  it("folds a person's no-reply identity into their address in the index and in blame, leaving the index given untouched", () => {
    const index = handIndex({
      'a.ts': [{ email: 'mia@corp.test', name: 'Mia Wong', daysAgo: [10, 20] }, { email: '5+miaw@users.noreply.github.com', name: 'Mia Wong', daysAgo: [3] }],
      'b.ts': [{ email: 'sam@corp.test', name: 'Sam', daysAgo: [4] }],
    });
    const { index: merged, aliases } = mergeInferredAliases(index);
    assert.deepStrictEqual([...aliases], [['5+miaw@users.noreply.github.com', 'mia@corp.test']]);
    assert.deepStrictEqual([...merged.files.get('a.ts')!.contributions.keys()], ['mia@corp.test']);
    assert.strictEqual(merged.files.get('a.ts')!.contributions.get('mia@corp.test')!.changeTimes.length, 3);
    assert.strictEqual(index.files.get('a.ts')!.contributions.size, 2, 'copy-on-write');
    assert.strictEqual(merged.files.get('b.ts'), index.files.get('b.ts'), 'untouched files are shared');
    assert.strictEqual(mergeInferredAliases(index).index, merged, 'cached per index');
    const blame = foldBlameAliases({
      path: 'a.ts', startLine: 1, endLine: 3, totalLines: 3, uncommittedLines: 0,
      linesByPerson: new Map([['mia@corp.test', 1], ['5+miaw@users.noreply.github.com', 2]]),
      names: new Map([['mia@corp.test', 'Mia Wong'], ['5+miaw@users.noreply.github.com', 'Mia Wong']]),
      lastTimeByPerson: new Map([['mia@corp.test', 100], ['5+miaw@users.noreply.github.com', 200]]),
    }, (email) => aliases.get(email) ?? email);
    assert.deepStrictEqual([...blame.linesByPerson], [['mia@corp.test', 3]]);
    assert.strictEqual(blame.lastTimeByPerson.get('mia@corp.test'), 200);
  });
});
