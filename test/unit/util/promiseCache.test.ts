import * as assert from 'assert';
import { PromiseCache } from '../../../src/core/util/promiseCache';

describe('PromiseCache', () => {
  it('shares one load per key between concurrent and later callers', async () => {
    const cache = new PromiseCache<number>();
    let loads = 0;
    const load = async (): Promise<number> => ++loads;
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    assert.deepStrictEqual([a, b, await cache.get('k', load), loads], [1, 1, 1, 1]);
    assert.strictEqual(await cache.get('other', load), 2);
  });

  it('forgets a failed load so the next call retries', async () => {
    const cache = new PromiseCache<string>();
    await assert.rejects(cache.get('k', () => Promise.reject(new Error('offline'))), /offline/);
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(await cache.get('k', async () => 'back'), 'back');
  });

  it('forgets selected keys or all of them', async () => {
    const cache = new PromiseCache<string>();
    for (const key of ['a/1', 'a/2', 'b/1']) await cache.get(key, async () => key);
    cache.clear((key) => key.startsWith('a/'));
    assert.deepStrictEqual(await Promise.all(cache.values()), ['b/1']);
    cache.clear();
    assert.strictEqual(cache.values().length, 0);
  });
});
