// The trigger's deployment settings are listed once, in deploy/trigger-settings.mjs: the CDK
// construct reads that list (through the packed shared.json); the template must say the same
// (its variables, function, metric filter and alarms), and the trigger must read every
// variable the deployments set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RESET_PAGE, TRIGGER_ALARMS, TRIGGER_ENVIRONMENT, TRIGGER_FUNCTION } from '../../deploy/trigger-settings.mjs';
import { ROOT } from '../../scripts/paths.mjs';

/** deploy/template.yaml, as CloudFormation reads it. */
function template() {
  const python = 'import json, sys\nfrom cfnlint.decode import decode\nprint(json.dumps(decode(sys.argv[1])[0]))';
  return JSON.parse(execFileSync(join(ROOT, '.venv', 'bin', 'python'), ['-c', python, join(ROOT, 'deploy', 'template.yaml')], { encoding: 'utf8' }));
}

test("the template sets the listed variables, each from its parameter with the listed default", () => {
  const whole = template();
  const variables = whole.Resources.Trigger.Properties.Environment.Variables;
  assert.deepEqual(Object.keys(variables).sort(), TRIGGER_ENVIRONMENT.map((s) => s.env).sort());
  for (const setting of TRIGGER_ENVIRONMENT.filter((s) => s.parameter)) {
    assert.deepEqual(variables[setting.env], { Ref: setting.parameter }, setting.env);
    assert.equal(whole.Parameters[setting.parameter].Default, setting.default, setting.parameter);
  }
  assert.ok(JSON.stringify(variables.RESET_PAGE_URL).includes(`/${RESET_PAGE}`));
});

test('the template creates the function and its log group as listed', () => {
  const { Trigger: trigger, TriggerLogs: logs } = template().Resources;
  assert.deepEqual([trigger.Properties.Runtime, trigger.Properties.Architectures, trigger.Properties.Handler,
    trigger.Properties.MemorySize, trigger.Properties.Timeout, logs.Properties.RetentionInDays],
  [TRIGGER_FUNCTION.runtime, [TRIGGER_FUNCTION.architecture], TRIGGER_FUNCTION.handler,
    TRIGGER_FUNCTION.memorySize, TRIGGER_FUNCTION.timeoutSeconds, TRIGGER_FUNCTION.logRetentionDays]);
});

test('the template watches the trigger with the listed metric filter and alarms', () => {
  const resources = template().Resources;
  const { LeftDefaultFilter: filter, LeftDefaultAlarm: leftDefault, TriggerErrorsAlarm: errors } = resources;
  const listed = TRIGGER_ALARMS.leftDefault;
  const namespace = { 'Fn::Sub': `${listed.namespacePrefix}\${AWS::StackName}` };
  assert.deepEqual([filter.Properties.FilterName, filter.Properties.FilterPattern], [listed.filterName, listed.filterPattern]);
  assert.deepEqual(filter.Properties.MetricTransformations, [{ MetricNamespace: namespace, MetricName: listed.metricName, MetricValue: '1', Unit: 'Count' }]);
  const { statistic, periodSeconds, evaluationPeriods, threshold, comparisonOperator, treatMissingData } = TRIGGER_ALARMS.alarm;
  for (const [alarm, metric] of [[leftDefault, { ...listed, namespace }], [errors, TRIGGER_ALARMS.errors]]) {
    const p = alarm.Properties;
    assert.deepEqual([p.Namespace, p.MetricName, p.AlarmDescription], [metric.namespace, metric.metricName, metric.description]);
    assert.deepEqual([p.Statistic, p.Period, p.EvaluationPeriods, p.Threshold, p.ComparisonOperator, p.TreatMissingData],
      [statistic, periodSeconds, evaluationPeriods, threshold, comparisonOperator, treatMissingData], p.MetricName);
  }
  assert.equal(resources.AlarmTopic.Properties.DisplayName, TRIGGER_ALARMS.topicDisplayName);
});

test('the trigger reads every listed variable', () => {
  const dir = join(ROOT, 'lambda', 'src');
  const source = readdirSync(dir).filter((f) => f.endsWith('.rs')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  for (const { env } of TRIGGER_ENVIRONMENT) assert.ok(source.includes(`"${env}"`), `lambda/src reads ${env}`);
});
