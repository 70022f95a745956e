// Operating the stack: the metric filter counts exactly the log lines the trigger writes when
// it leaves Cognito's default (the lines lambda/tests/runtime.rs captures from the binary),
// the alarm watches that count and notifies only when told whom, and the pool calls the alias
// "live" of a published version, so a deploy can be rolled back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/paths.mjs';

const TEMPLATE = join(ROOT, 'deploy', 'template.yaml');
// The template as CloudFormation reads it (short tags such as !Ref become { Ref }), by the
// decoder cfn-lint itself uses.
const template = JSON.parse(execFileSync(join(ROOT, '.venv', 'bin', 'python'), ['-c',
  'import json, sys\nfrom cfnlint.decode import decode\nprint(json.dumps(decode(sys.argv[1])[0], default=str))', TEMPLATE],
{ encoding: 'utf8' }));
const resources = template.Resources;
const LOG_LINES = readFileSync(join(ROOT, 'lambda', 'tests', 'log-lines.jsonl'), 'utf8').trim().split('\n');

/**
 * Whether a CloudWatch Logs JSON filter pattern of equality tests joined by `&&`
 * (`{ $.a = "x" && $.b = "y" }`, the only form this template uses) matches a log event. A
 * pattern of any other form fails the test rather than being guessed at.
 */
function jsonPatternMatches(pattern, event) {
  const body = pattern.match(/^\{\s*(.*?)\s*\}$/);
  assert.ok(body, `a JSON filter pattern: ${pattern}`);
  let parsed;
  try {
    parsed = JSON.parse(event);
  } catch {
    return false; // CloudWatch applies JSON patterns to JSON events only.
  }
  return body[1].split('&&').every((term) => {
    const test = term.trim().match(/^\$\.([\w.]+)\s*=\s*"([^"*]*)"$/);
    assert.ok(test, `a supported term: ${term}`);
    const value = test[1].split('.').reduce((object, key) => object?.[key], parsed);
    return value === test[2];
  });
}

test('the metric filter counts exactly the lines the trigger writes when it leaves Cognito\'s default', () => {
  const filter = resources.LeftDefaultFilter;
  assert.equal(filter.Type, 'AWS::Logs::MetricFilter');
  assert.deepEqual(filter.Properties.LogGroupName, { Ref: 'TriggerLogs' }, 'the trigger\'s own log group');
  const pattern = filter.Properties.FilterPattern;
  const leftDefault = LOG_LINES.filter((line) => JSON.parse(line).outcome === 'left_default');
  assert.ok(leftDefault.length >= 2 && leftDefault.length < LOG_LINES.length, 'the fixture has both kinds of line');
  for (const line of LOG_LINES) {
    assert.equal(jsonPatternMatches(pattern, line), leftDefault.includes(line), line);
  }
  // The line the binary writes at start when its settings are unusable is not JSON: it is
  // counted through the per-event lines that follow it, once for each message.
  assert.equal(jsonPatternMatches(pattern, 'reset-link-trigger: RESET_PAGE_URL is not set; leaving Cognito\'s default messages'), false);
  const [metric] = filter.Properties.MetricTransformations;
  assert.equal(metric.MetricValue, '1');
  assert.equal(metric.MetricName, 'LeftCognitoDefault');
});

test('the alarms fire on one such message or one failure, and notify only whom the deployer names', () => {
  const alarm = resources.LeftDefaultAlarm.Properties;
  const [metric] = resources.LeftDefaultFilter.Properties.MetricTransformations;
  assert.deepEqual([alarm.Namespace, alarm.MetricName], [metric.MetricNamespace, metric.MetricName], 'the filter\'s metric');
  assert.deepEqual([alarm.Statistic, alarm.Threshold, alarm.ComparisonOperator], ['Sum', 1, 'GreaterThanOrEqualToThreshold']);
  assert.equal(alarm.TreatMissingData, 'notBreaching', 'no messages is not a problem');
  assert.deepEqual(alarm.AlarmActions, { 'Fn::If': ['CreateAlarmTopic', [{ Ref: 'AlarmTopic' }],
    { 'Fn::If': ['UseAlarmTopicArn', [{ Ref: 'AlarmTopicArn' }], { Ref: 'AWS::NoValue' }]}] });
  const errors = resources.TriggerErrorsAlarm.Properties;
  assert.deepEqual([errors.Namespace, errors.MetricName, errors.Dimensions], ['AWS/Lambda', 'Errors', [{ Name: 'FunctionName', Value: { Ref: 'Trigger' } }]],
    'a failing trigger fails requests without a log line to count: Lambda counts it');
  assert.deepEqual([errors.Threshold, errors.AlarmActions], [1, alarm.AlarmActions]);
  assert.deepEqual([template.Parameters.AlarmEmail.Default, template.Parameters.AlarmTopicArn.Default], ['', '']);
  assert.equal(resources.AlarmTopic.Condition, 'CreateAlarmTopic');
  assert.deepEqual(resources.AlarmTopic.Properties.Subscription, [{ Protocol: 'email', Endpoint: { Ref: 'AlarmEmail' } }]);
});

test('the pool calls the alias "live" of a retained version, and the stack says which', () => {
  const version = resources.TriggerVersion;
  assert.equal(version.Type, 'AWS::Lambda::Version');
  assert.deepEqual([version.UpdateReplacePolicy, version.DeletionPolicy], ['Retain', 'Retain'], 'earlier versions stay to roll back to');
  assert.deepEqual(version.Properties.Description, { 'Fn::Sub': 'revision ${TriggerRevision}' }, 'a new revision publishes a version');
  const alias = resources.TriggerAlias.Properties;
  assert.deepEqual([alias.Name, alias.FunctionVersion], ['live', { 'Fn::GetAtt': ['TriggerVersion', 'Version'] }]);
  assert.deepEqual(resources.TriggerPermission.Properties.FunctionName, { Ref: 'TriggerAlias' });
  assert.deepEqual(resources.UserPool.Properties.LambdaConfig.CustomMessage, { Ref: 'TriggerAlias' });
  assert.deepEqual(template.Outputs.TriggerArn.Value, { Ref: 'TriggerAlias' }, 'an existing pool is attached to the alias');
  assert.deepEqual(template.Outputs.TriggerFunctionName.Value, { Ref: 'Trigger' });
  const functionArn = JSON.stringify({ 'Fn::GetAtt': ['Trigger', 'Arn'] });
  assert.ok(!JSON.stringify(template).includes(functionArn), 'nothing names the unversioned function\'s ARN');
});

/** The deploy's dry run with `extra` arguments: the CloudFormation call's parameters and all it printed. */
function dryRun(extra) {
  const out = execFileSync('node', ['scripts/deploy.mjs', '--dry-run', '--no-build', '--stack', 'kit', '--region', 'eu-west-2', ...extra],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' } });
  const deploy = out.split('\n').find((l) => l.startsWith('would run: aws cloudformation deploy '));
  const parameters = Object.fromEntries(deploy.split(' --parameter-overrides ')[1].split(' ').filter((p) => p.includes('='))
    .map((p) => p.split(/=(.*)/s).slice(0, 2)));
  return { parameters, out };
}

test('the deploy publishes a new version when the trigger may change, and passes the alarm\'s address once given', () => {
  const first = dryRun([]).parameters;
  assert.match(first.TriggerRevision, /^[0-9a-f]{16}$/);
  assert.equal(dryRun([]).parameters.TriggerRevision, first.TriggerRevision, 'the same inputs publish no new version');
  const dir = mkdtempSync(join(tmpdir(), 'operations-'));
  const config = JSON.parse(readFileSync(join(ROOT, 'www', 'config.json'), 'utf8'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, brand: { ...config.brand, name: 'Another name' } }));
  assert.notEqual(dryRun(['--config', join(dir, 'config.json')]).parameters.TriggerRevision, first.TriggerRevision, 'a new brand does');
  assert.equal(first.AlarmEmail, undefined, 'not given: a later deploy keeps what an earlier one set');
  const alarmed = dryRun(['--alarm-email', 'ops@example.com']).parameters;
  assert.equal(alarmed.AlarmEmail, 'ops@example.com');
  assert.equal(dryRun(['--alarm-topic-arn', 'arn:aws:sns:eu-west-2:123456789012:ops']).parameters.AlarmTopicArn,
    'arn:aws:sns:eu-west-2:123456789012:ops');
});
// An existing pool is attached to the alias too: tests/deploy/existing-pool.test.mjs.
