import * as assert from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { CHART_CSS } from '../../../src/core/communities/charts';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

/** What is left of a stylesheet once every theme variable (with its fallback) is taken out. */
function withoutThemeVariables(css: string): string {
  return css.replace(/var\(--vscode-[\w-]+(?:\s*,\s*[^()]*(?:\([^()]*\))?[^()]*)?\)/g, 'THEME');
}

describe('communities feature rules', () => {
  it('reaches the experts, patterns, threads and org features only through their narrow APIs, as types', () => {
    const allowed = new Set(['experts/expertsFeature', 'experts/communityRoles', 'patterns/patternsApi', 'threads/threadsApi', 'org/orgApi']);
    const files = sources(path.join(ROOT, 'src', 'vscode', 'communities'));
    assert.ok(files.length > 10, files.join(', '));
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^import (type )?[^;]*? from '((?:\.\.\/)+)(experts|patterns|threads|org)\/([\w/]+)';$/gm)) {
        const [, typeOnly, , feature, module] = m;
        const where = `${path.relative(ROOT, file)}: ${m[0]}`;
        assert.ok(allowed.has(`${feature}/${module}`), `${where} reaches into the ${feature} feature`);
        assert.ok(typeOnly, `${where} imports code, not a type`);
      }
    }
  });

  it('themes the pages and charts only with --vscode-* variables (fallbacks for the CLI’s standalone page)', () => {
    for (const [name, css] of [['media/communities.css', readFileSync(path.join(ROOT, 'media', 'communities.css'), 'utf8')], ['CHART_CSS', CHART_CSS]]) {
      const rest = withoutThemeVariables(css);
      assert.ok(rest.includes('THEME'), `${name} uses theme variables`);
      const literal = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(|var\(--(?!vscode-)/i.exec(rest);
      assert.strictEqual(literal, null, `${name}: a colour outside the theme near "${literal ? rest.slice(Math.max(0, literal.index - 40), literal.index + 20) : ''}"`);
    }
  });
});
