import * as assert from 'assert';
import { logicalBlockAround } from '../../../src/core/experts/logicalBlock';

/** Line index (0-based) of the first line containing `marker`. */
function at(lines: string[], marker: string): number {
  const i = lines.findIndex((l) => l.includes(marker));
  assert.ok(i >= 0, marker);
  return i;
}

const ts = `import { x } from './x';

export class Ledger {
  private total = 0;

  add(amount: number): void {
    if (amount < 0) {
      throw new Error('negative');
    }
    this.total += amount;
  }

  get balance(): number {
    return this.total;
  }
}

export const twice = (n: number) => {
  return n * 2;
};
`.split('\n');

const py = `import os


class Store:
    def __init__(self, root):
        self.root = root

    def read(self, name):
        path = os.path.join(self.root, name)
        if not os.path.exists(path):
            return None
        with open(path) as f:
            return f.read()


def main():
    print(Store('.').read('x'))
`.split('\n');

const yaml = `name: ci
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
  lint:
    runs-on: ubuntu-latest
`.split('\n');

describe('logicalBlockAround', () => {
  it('widens a TypeScript statement to its enclosing method', () => {
    assert.deepStrictEqual(logicalBlockAround(ts, at(ts, "throw new Error")), { startLine: at(ts, 'add(amount'), endLine: at(ts, 'this.total += amount') + 1 });
    assert.deepStrictEqual(logicalBlockAround(ts, at(ts, 'return this.total')), { startLine: at(ts, 'get balance'), endLine: at(ts, 'return this.total') + 1 });
  });

  it('takes the whole class from its header line and its closing brace', () => {
    const whole = { startLine: at(ts, 'export class'), endLine: at(ts, 'export const twice') - 2 };
    assert.deepStrictEqual(logicalBlockAround(ts, at(ts, 'export class')), whole);
    assert.deepStrictEqual(logicalBlockAround(ts, whole.endLine), whole);
    assert.deepStrictEqual(logicalBlockAround(ts, at(ts, 'return n * 2')), { startLine: at(ts, 'export const twice'), endLine: at(ts, 'return n * 2') + 1 });
  });

  it('finds Python functions by indentation', () => {
    assert.deepStrictEqual(logicalBlockAround(py, at(py, 'return None')), { startLine: at(py, 'def read'), endLine: at(py, 'return f.read()') });
    assert.deepStrictEqual(logicalBlockAround(py, at(py, 'self.root = root')), { startLine: at(py, 'def __init__'), endLine: at(py, 'self.root = root') });
    assert.deepStrictEqual(logicalBlockAround(py, at(py, "print(Store")), { startLine: at(py, 'def main'), endLine: at(py, 'print(Store') });
  });

  it('uses the innermost mapping in brace-less YAML', () => {
    assert.deepStrictEqual(logicalBlockAround(yaml, at(yaml, 'npm ci')), { startLine: at(yaml, 'steps:'), endLine: at(yaml, 'npm ci') });
    assert.deepStrictEqual(logicalBlockAround(yaml, at(yaml, 'branches')), { startLine: at(yaml, 'push:'), endLine: at(yaml, 'branches') });
    assert.deepStrictEqual(logicalBlockAround(yaml, at(yaml, '  build:')), { startLine: at(yaml, '  build:'), endLine: at(yaml, 'npm ci') });
  });

  it('gives a blank line its nearest paragraph', () => {
    assert.deepStrictEqual(logicalBlockAround(py, 1), { startLine: 0, endLine: 0 });
    assert.deepStrictEqual(logicalBlockAround(py, 2), { startLine: 3, endLine: 5 });
  });

  it('never returns more than maxLines and always covers the line', () => {
    const long = ['function big() {', ...Array.from({ length: 300 }, (_, i) => `  step(${i});`), '}'];
    const block = logicalBlockAround(long, 150);
    assert.strictEqual(block.endLine - block.startLine + 1, 80);
    assert.ok(block.startLine <= 150 && block.endLine >= 150);
    const small = logicalBlockAround(long, 150, { maxLines: 10 });
    assert.strictEqual(small.endLine - small.startLine + 1, 10);
    assert.deepStrictEqual(logicalBlockAround([], 3), { startLine: 0, endLine: 0 });
    assert.deepStrictEqual(logicalBlockAround(['a', 'b'], 99), { startLine: 0, endLine: 1 });
  });
});
