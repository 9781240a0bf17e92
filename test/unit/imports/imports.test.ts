import * as assert from 'assert';
import { findImports, importAt, importLanguageOf } from '../../../src/core/imports/importSpecifiers';
import { goModuleCandidates, npmPackageName, packageKeysForImport } from '../../../src/core/imports/packageResolution';

describe('import parsing for the hover', () => {
  it('finds TS/JS imports of every form, with their positions', () => {
    const text = [
      "import { retry } from '@acme/http';",
      'import type { Policy } from "@acme/http/policy";',
      'import {',
      '  a,',
      '  b,',
      "} from 'lodash/fp';",
      "import './polyfill';",
      "export * from '@acme/shared';",
      "const x = require('express');",
      "const y = await import('@acme/lazy');",
      "import z = require('legacy');",
      "const notAnImport = 'from nowhere';",
    ].join('\n');
    const found = findImports(text, 'js');
    assert.deepStrictEqual(found.map((i) => [i.specifier, i.line]), [
      ['@acme/http', 0], ['@acme/http/policy', 1], ['lodash/fp', 5], ['./polyfill', 6], ['@acme/shared', 7], ['express', 8], ['@acme/lazy', 9], ['legacy', 10],
    ]);
    assert.deepStrictEqual(found[0], { language: 'js', specifier: '@acme/http', line: 0, startColumn: 23, endColumn: 33 });
    assert.strictEqual(importAt(text, 'js', 0, 25)?.specifier, '@acme/http');
    assert.strictEqual(importAt(text, 'js', 0, 5), undefined, 'not on the specifier');
  });

  it('finds Go single and block imports, aliased or not', () => {
    const text = ['package main', '', 'import "fmt"', 'import (', '\t"os"', '\thttp "example.com/acme/http/client"', '\t_ "example.com/acme/driver"', ')', 'import log "example.com/acme/log"'].join('\n');
    const found = findImports(text, 'go');
    assert.deepStrictEqual(found.map((i) => [i.specifier, i.line, i.startColumn]), [
      ['fmt', 2, 8], ['os', 4, 2], ['example.com/acme/http/client', 5, 7], ['example.com/acme/driver', 6, 4], ['example.com/acme/log', 8, 12],
    ]);
  });

  it('finds Python import and from-import, several names, aliases, and skips relative imports', () => {
    const text = ['import os, acme_http.retry as r', 'from acme_retry.policy import Backoff', 'from . import sibling', '    import json  # indented'].join('\n');
    assert.deepStrictEqual(findImports(text, 'python').map((i) => [i.specifier, i.line, i.startColumn]), [
      ['os', 0, 7], ['acme_http.retry', 0, 11], ['acme_retry.policy', 1, 5], ['json', 3, 11],
    ]);
  });

  it('knows the languages by VS Code id and by file name', () => {
    assert.strictEqual(importLanguageOf('typescriptreact'), 'js');
    assert.strictEqual(importLanguageOf('src/a.mjs'), 'js');
    assert.strictEqual(importLanguageOf('main.go'), 'go');
    assert.strictEqual(importLanguageOf('python'), 'python');
    assert.strictEqual(importLanguageOf('README.md'), undefined);
  });

  it('resolves specifiers to package keys: scoped npm, subpaths, Go module prefixes, Python top-level modules', () => {
    assert.strictEqual(npmPackageName('@acme/http/retry'), '@acme/http');
    assert.strictEqual(npmPackageName('lodash/fp'), 'lodash');
    assert.strictEqual(npmPackageName('./local'), undefined);
    assert.strictEqual(npmPackageName('node:fs'), undefined);
    assert.strictEqual(npmPackageName('@scope'), undefined);
    assert.deepStrictEqual(goModuleCandidates('example.com/acme/http/v2/client'), ['example.com/acme/http/v2/client', 'example.com/acme/http/v2', 'example.com/acme/http', 'example.com/acme', 'example.com']);
    assert.deepStrictEqual(goModuleCandidates('net/http'), [], 'the standard library');
    assert.deepStrictEqual(packageKeysForImport('python', 'acme_http.retry'), ['module:acme_http', 'pypi:acme-http']);
    assert.deepStrictEqual(packageKeysForImport('js', '@acme/http/retry'), ['npm:@acme/http']);
  });
});
