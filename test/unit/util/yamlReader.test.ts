import * as assert from 'assert';
import { isMap, type Node } from 'yaml';
import { parseYaml, textOf } from '../../../src/core/util/yamlReader';

describe('the one YAML reader (config files and front matter)', () => {
  it('places syntax errors and nodes at their line in the file, below a front-matter fence', () => {
    const text = 'id: a\ntags: [unclosed\n';
    const inFile = parseYaml(text, 'p.md', { firstLine: 2 });
    assert.ok(inFile.syntaxErrors.length > 0);
    assert.ok(inFile.syntaxErrors.every((e) => e.line >= 3), JSON.stringify(inFile.syntaxErrors));
    assert.ok(inFile.sink.diagnostics.every((d) => d.file === 'p.md' && d.severity === 'error' && d.message.startsWith('YAML syntax error: ')));
    const alone = parseYaml('a: 1\nb: 2\n', 'x.yml');
    const root = alone.doc.contents as Node;
    assert.ok(isMap(root));
    assert.deepStrictEqual(alone.sink.position(root.get('b', true) as Node), { line: 2, column: 4 });
    assert.deepStrictEqual(parseYaml('a: 1\nb: 2\n', 'x.yml', { firstLine: 10 }).sink.position(7), { line: 11, column: 3 });
  });

  it('refuses duplicate keys, and reads text values the same way for every file', () => {
    const dup = parseYaml('a: 1\na: 2\n', 'x.yml');
    assert.strictEqual(dup.syntaxErrors.length, 1);
    assert.match(dup.syntaxErrors[0].message, /unique/);
    const doc = parseYaml('s: " padded "\nempty: ""\nn: 42\nlist: [x]\n', 'x.yml').doc;
    const at = (key: string) => (doc.contents as unknown as { get(k: string, keep: true): Node }).get(key, true);
    assert.strictEqual(textOf(at('s')), 'padded');
    assert.strictEqual(textOf(at('empty')), undefined);
    assert.strictEqual(textOf(at('n')), undefined);
    assert.strictEqual(textOf(at('n'), { numbers: true }), '42');
    assert.strictEqual(textOf(at('list')), undefined);
  });
});
