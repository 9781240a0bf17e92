import * as assert from 'assert';
import { parseCargoToml, parseGoMod, parsePackageJson, parsePomXml, parsePyproject } from '../../../src/core/manifests/manifestParsers';

describe('manifest parsers', () => {
  it('read the published name of each ecosystem', () => {
    assert.deepStrictEqual(parsePackageJson('{"name":"@acme/http","workspaces":{"packages":["libs/*"]}}', 'package.json'), {
      packages: [{ ecosystem: 'npm', name: '@acme/http', path: '', manifest: 'package.json' }],
      workspaces: ['libs/*'],
    });
    assert.strictEqual(parseGoMod('// c\nmodule "example.com/acme/x"\n', 'x/go.mod').packages[0].name, 'example.com/acme/x');
    assert.strictEqual(parseCargoToml('[package]\nname = "acme-x"\n', 'Cargo.toml').packages[0].name, 'acme-x');
    assert.deepStrictEqual(parsePyproject('[tool.poetry]\nname = "Acme_X"\n', 'pyproject.toml').packages[0], { ecosystem: 'pypi', name: 'acme-x', path: '', manifest: 'pyproject.toml', modules: ['acme_x'] });
    assert.strictEqual(parsePomXml('<?xml version="1.0"?><project><groupId>com.acme</groupId><artifactId>x</artifactId></project>', 'pom.xml').packages[0].name, 'com.acme:x');
  });

  it('publish nothing for private, unpublished and virtual manifests', () => {
    assert.deepStrictEqual(parsePackageJson('{"name":"root","private":true}', 'package.json').packages, []);
    assert.deepStrictEqual(parseCargoToml('[package]\nname = "x"\npublish = false\n', 'Cargo.toml').packages, []);
    assert.deepStrictEqual(parseCargoToml('[workspace]\nmembers = ["a"]\n', 'Cargo.toml').packages, []);
  });

  it('never throw on broken manifests: a problem names the cause', () => {
    assert.match(parsePackageJson('{"name":', 'package.json').problem ?? '', /not valid JSON/);
    assert.match(parsePackageJson('[1]', 'package.json').problem ?? '', /not a JSON object/);
    assert.match(parseCargoToml('[package\nname=', 'Cargo.toml').problem ?? '', /not valid TOML/);
    assert.match(parsePyproject('name = = 1', 'pyproject.toml').problem ?? '', /not valid TOML/);
    assert.match(parseGoMod('go 1.22\n', 'go.mod').problem ?? '', /no module directive/);
    assert.match(parsePomXml('<project><artifactId>x</artifactId></project>', 'pom.xml').problem ?? '', /no groupId/);
    assert.match(parsePomXml('not xml at all', 'pom.xml').problem ?? '', /no <project>|not valid XML/);
    assert.deepStrictEqual(parsePackageJson('{"name":"../../etc"}', 'package.json').packages, [], 'not a package name');
  });
});
