import * as assert from 'assert';
import { parse } from 'yaml';
import { hubWorkflow } from '../../../src/core/hub/hubWorkflow';
import { workflowErrors } from '../../support/workflowParser';

describe('hub workflow (hub init)', function () {
  this.timeout(60_000);

  it('is valid against GitHub\'s published workflow schema, in both publishing forms', () => {
    for (const publish of ['commit', 'release'] as const) {
      const errors = workflowErrors('constellation-hub.yml', hubWorkflow({ publish }));
      assert.deepStrictEqual(errors, [], `${publish}: ${errors.join('\n')}`);
    }
  });

  it('the parser is strict enough to catch a broken workflow', () => {
    const broken = hubWorkflow().replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout: forever');
    assert.ok(workflowErrors('broken.yml', broken).length > 0);
    assert.ok(workflowErrors('broken2.yml', hubWorkflow().replace('workflow_dispatch:', 'workflow_dispatched:')).length > 0);
  });

  it('runs on a schedule and on demand, exports incrementally in a matrix, merges and commits the index', () => {
    const wf = parse(hubWorkflow({ schedule: '0 4 * * 1' }));
    assert.deepStrictEqual(wf.on.schedule, [{ cron: '0 4 * * 1' }]);
    assert.ok(wf.on.workflow_dispatch);
    assert.strictEqual(wf.jobs.export.strategy.matrix.chunk, '${{ fromJSON(needs.plan.outputs.chunks) }}');
    const exportRun = wf.jobs.export.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    assert.match(exportRun, /constellation export --repo "\$dir" --name "\$repo" --directory hub\/\.constellation\/directory\.yml --previous hub\/index/);
    assert.ok(wf.jobs.export.steps.some((s: { uses?: string }) => s.uses === 'actions/cache/restore@v4'), 'history indexes survive between runs');
    assert.deepStrictEqual(wf.jobs.merge.needs, 'export');
    const mergeRun = wf.jobs.merge.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    assert.match(mergeRun, /inputs="index\/shards summaries"/);
    assert.match(mergeRun, /constellation hub merge \$inputs --out index/);
    assert.match(mergeRun, /git push/);
    assert.strictEqual(wf.permissions.contents, 'write');
  });
});
