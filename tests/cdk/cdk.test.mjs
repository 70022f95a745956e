// The CDK construct as a team would use it, without AWS: packed, installed from the tarball
// into an example app (tests/cdk/app: a pool, a client, the construct), type-checked with tsc,
// synthesized, and read with aws-cdk-lib/assertions; the template passes cfn-lint and cdk-nag's
// AWS Solutions checks. The app's tools are pinned in its lock and installed only when the
// lock changes (`node_modules/.installed-<hash>`), so a warm run reinstalls nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaders } from '../../deploy/headers.mjs';
import { TRIGGER_ALARMS } from '../../deploy/trigger-settings.mjs';
import { installLocked } from '../../scripts/pack-cdk.mjs';
import { packed } from '../packed.mjs';
import { ROOT } from '../../scripts/paths.mjs';

const APP = join(ROOT, 'tests', 'cdk', 'app');
const OUT = join(APP, 'cdk.out');
const require = createRequire(join(APP, 'package.json'));
let Template, Match, stack, template;

before(() => {
  const tarball = packed();
  installLocked(APP);
  rmSync(join(APP, 'node_modules', 'cognito-reset-link'), { recursive: true, force: true });
  // The tarball just packed, named explicitly: the app's lock pins only its tools.
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--silent', tarball], { cwd: APP, stdio: 'inherit' });
  execFileSync(join(APP, 'node_modules', '.bin', 'tsc'), ['-p', APP], { stdio: 'inherit' });
  rmSync(OUT, { recursive: true, force: true });
  process.env.CDK_OUTDIR = OUT;
  ({ Template, Match } = require('aws-cdk-lib/assertions'));
  ({ stack } = require('./app.js'));
  // The app runs cdk-nag as a plugin of its synthesis, which stops at a violation.
  template = Template.fromStack(stack);
});

/** The logical id of the one resource of `type` whose id starts with `prefix`. */
function only(type, prefix) {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  assert.equal(ids.length, 1, `${type} ${prefix}*: ${ids}`);
  return ids[0];
}

test("the pool's CustomMessage trigger is the alias \"live\" of a retained version, allowed to be called by that pool only", () => {
  const pool = only('AWS::Cognito::UserPool', 'Users');
  const trigger = only('AWS::Lambda::Function', 'ResetLinkTrigger');
  const alias = only('AWS::Lambda::Alias', 'ResetLinkTriggerAlias');
  const version = only('AWS::Lambda::Version', 'ResetLinkTriggerCurrentVersion');
  template.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { CustomMessage: { Ref: alias } } });
  const { Resources: resources } = template.toJSON();
  assert.deepEqual([resources[alias].Properties.Name, resources[alias].Properties.FunctionName, resources[alias].Properties.FunctionVersion],
    ['live', { Ref: trigger }, { 'Fn::GetAtt': [version, 'Version'] }]);
  assert.deepEqual([resources[version].Properties.FunctionName, resources[version].DeletionPolicy, resources[version].UpdateReplacePolicy],
    [{ Ref: trigger }, 'Retain', 'Retain'], 'earlier versions stay to roll back to');
  assert.deepEqual(Object.values(template.findResources('AWS::Lambda::Permission')).map((p) => p.Properties)
    .filter((p) => p.Principal === 'cognito-idp.amazonaws.com'), [{
    Action: 'lambda:InvokeFunction', FunctionName: { Ref: alias },
    Principal: 'cognito-idp.amazonaws.com', SourceArn: { 'Fn::GetAtt': [pool, 'Arn'] },
  }]);
  assert.ok(!JSON.stringify(resources[pool]).includes(trigger), 'the pool never names the unversioned function');
});

test('a metric filter counts the left_default lines and two alarms watch it and the errors, as the template does', () => {
  const logs = only('AWS::Logs::LogGroup', 'ResetLinkTriggerLogs');
  const trigger = only('AWS::Lambda::Function', 'ResetLinkTrigger');
  const listed = TRIGGER_ALARMS.leftDefault;
  const namespace = `${listed.namespacePrefix}TeamStack`;
  template.resourceCountIs('AWS::Logs::MetricFilter', 1);
  template.hasResourceProperties('AWS::Logs::MetricFilter', { LogGroupName: { Ref: logs }, FilterName: listed.filterName,
    FilterPattern: '{ $.outcome = "left_default" }',
    MetricTransformations: [{ MetricNamespace: namespace, MetricName: listed.metricName, MetricValue: '1', Unit: 'Count' }] });
  const topic = only('AWS::SNS::Topic', 'ResetLinkAlarmTopic');
  const { statistic, periodSeconds, evaluationPeriods, threshold, comparisonOperator, treatMissingData } = TRIGGER_ALARMS.alarm;
  const shared = { Statistic: statistic, Period: periodSeconds, EvaluationPeriods: evaluationPeriods, Threshold: threshold,
    ComparisonOperator: comparisonOperator, TreatMissingData: treatMissingData, AlarmActions: [{ Ref: topic }] };
  template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
  template.hasResourceProperties('AWS::CloudWatch::Alarm', { ...shared, Namespace: namespace, MetricName: listed.metricName,
    AlarmDescription: listed.description });
  template.hasResourceProperties('AWS::CloudWatch::Alarm', { ...shared, Namespace: 'AWS/Lambda', MetricName: 'Errors',
    Dimensions: [{ Name: 'FunctionName', Value: { Ref: trigger } }], AlarmDescription: TRIGGER_ALARMS.errors.description });
  // alarmEmail: the example app's address, subscribed to a topic made for it.
  template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: topic } });
  template.hasResourceProperties('AWS::SNS::Topic', { DisplayName: TRIGGER_ALARMS.topicDisplayName });
});

test("alarmTopic notifies the team's own topic, and is refused beside alarmEmail", () => {
  const { App, Stack } = require('aws-cdk-lib');
  const cognito = require('aws-cdk-lib/aws-cognito');
  const sns = require('aws-cdk-lib/aws-sns');
  const { CognitoResetLink } = require('cognito-reset-link/cdk');
  const teamStack = new Stack(new App({ outdir: mkdtempSync(join(tmpdir(), 'cdk-topic-')) }), 'TopicStack');
  const userPool = new cognito.UserPool(teamStack, 'Users');
  const props = { userPool, userPoolClient: userPool.addClient('Pages'),
    alarmTopic: sns.Topic.fromTopicArn(teamStack, 'Ops', 'arn:aws:sns:eu-west-2:123456789012:ops') };
  new CognitoResetLink(teamStack, 'ResetLink', props);
  const synthesized = Template.fromStack(teamStack);
  synthesized.resourceCountIs('AWS::SNS::Topic', 0);
  const alarms = Object.values(synthesized.findResources('AWS::CloudWatch::Alarm'));
  assert.deepEqual(alarms.map((a) => a.Properties.AlarmActions), [['arn:aws:sns:eu-west-2:123456789012:ops'], ['arn:aws:sns:eu-west-2:123456789012:ops']]);
  assert.throws(() => new CognitoResetLink(teamStack, 'Both', { ...props, alarmEmail: 'ops@example.com' }), /not both/);
  assert.throws(() => new CognitoResetLink(teamStack, 'Typo', { ...props, alarmTopic: undefined, alarmEmail: 'ops.example.com' }), /not an email/);
});

test('the trigger is arm64 on provided.al2023 with its own log group and the settings the template sets', () => {
  const trigger = only('AWS::Lambda::Function', 'ResetLinkTrigger');
  const logs = only('AWS::Logs::LogGroup', 'ResetLinkTriggerLogs');
  const distribution = only('AWS::CloudFront::Distribution', 'ResetLinkDistribution');
  template.hasResource('AWS::Lambda::Function', Match.objectLike({ Properties: Match.objectLike({
    Runtime: 'provided.al2023', Architectures: ['arm64'], Handler: 'bootstrap', MemorySize: 128, Timeout: 5,
    LoggingConfig: { LogGroup: { Ref: logs } },
    Environment: { Variables: {
      RESET_PAGE_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, '/reset-password.html']] },
      PRODUCT_NAME: 'Example', BRAND_LOGO: '', BRAND_ACCENT: '', BRAND_ON_ACCENT: '', BRAND_SUPPORT: 'help@example.com',
    } },
  }) }));
  assert.ok(template.toJSON().Resources[trigger]);
  template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  // Its role writes to its own log group, and nothing else.
  const role = only('AWS::IAM::Role', 'ResetLinkTriggerRole');
  assert.deepEqual(template.toJSON().Resources[role].Properties.ManagedPolicyArns, undefined);
  template.hasResourceProperties('AWS::IAM::Policy', { Roles: [{ Ref: role }], PolicyDocument: { Statement: [
    { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [logs, 'Arn'] } }] } });
});

test('the bucket is private: every public access blocked, no website, read by CloudFront through OAC only', () => {
  const bucket = only('AWS::S3::Bucket', 'ResetLinkPages');
  const properties = template.toJSON().Resources[bucket].Properties;
  assert.deepEqual(properties.PublicAccessBlockConfiguration,
    { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
  assert.equal(properties.WebsiteConfiguration, undefined);
  assert.deepEqual(properties.OwnershipControls, { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
  const oac = only('AWS::CloudFront::OriginAccessControl', 'ResetLinkDistribution');
  template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', { OriginAccessControlConfig: Match.objectLike({
    OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' }) });
  template.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: Match.objectLike({
    Origins: [Match.objectLike({ OriginAccessControlId: { 'Fn::GetAtt': [oac, 'Id'] }, S3OriginConfig: { OriginAccessIdentity: '' } })] }) });
  const { PolicyDocument: { Statement: statements } } = Object.values(template.findResources('AWS::S3::BucketPolicy'))[0].Properties;
  const allows = statements.filter((s) => s.Effect === 'Allow');
  assert.deepEqual(allows.map((s) => [s.Principal, s.Action]), [[{ Service: 'cloudfront.amazonaws.com' }, 's3:GetObject']]);
  assert.ok(statements.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false'), 'TLS only');
});

test("the response headers policy says exactly what deploy/headers.mjs says, for the pool's region", () => {
  const [policy] = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
  const { SecurityHeadersConfig: security, CustomHeadersConfig: custom } = policy.Properties.ResponseHeadersPolicyConfig;
  const hsts = security.StrictTransportSecurity;
  const csp = security.ContentSecurityPolicy.ContentSecurityPolicy;
  // The region is the stack's (a token): joined in, as `${AWS::Region}`.
  const written = typeof csp === 'string' ? csp : csp['Fn::Join'][1].map((part) => (part.Ref === 'AWS::Region' ? 'REGION' : part)).join('');
  const sent = [
    ['Content-Security-Policy', written],
    ['Strict-Transport-Security', `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`],
    ['Referrer-Policy', security.ReferrerPolicy.ReferrerPolicy],
    ['X-Content-Type-Options', security.ContentTypeOptions ? 'nosniff' : undefined],
    ['X-Frame-Options', security.FrameOptions.FrameOption],
    ...custom.Items.map((item) => [item.Header, item.Value]),
  ];
  assert.deepEqual(sent, securityHeaders('https://cognito-idp.REGION.amazonaws.com'));
  for (const header of [security.ContentSecurityPolicy, hsts, security.ReferrerPolicy, security.ContentTypeOptions, security.FrameOptions, ...custom.Items]) {
    assert.equal(header.Override, true);
  }
  const behavior = template.toJSON().Resources[only('AWS::CloudFront::Distribution', 'ResetLinkDistribution')].Properties.DistributionConfig.DefaultCacheBehavior;
  assert.equal(behavior.ViewerProtocolPolicy, 'redirect-to-https');
  assert.deepEqual(behavior.ResponseHeadersPolicyId, { Ref: only('AWS::CloudFront::ResponseHeadersPolicy', 'ResetLinkHeaders') });
});

test('config.json is written at deploy time from the pool and the client, with no id typed in', () => {
  const pool = only('AWS::Cognito::UserPool', 'Users');
  const client = only('AWS::Cognito::UserPoolClient', 'UsersPages');
  const [site] = Object.values(template.findResources('Custom::CDKBucketDeployment', { Properties: { Prune: true } }));
  const markers = JSON.stringify(site.Properties.SourceMarkers);
  assert.ok(markers.includes(JSON.stringify({ Ref: pool })) && markers.includes(JSON.stringify({ Ref: client })), markers);
  assert.ok(site.Properties.DistributionPaths, 'the pages deployment invalidates CloudFront');
});

test("cdk-nag's AWS Solutions checks find nothing left unexplained, and each acknowledgement says why", () => {
  // The app runs cdk-nag as a plugin of its synthesis, which wrote this report.
  const report = JSON.parse(readFileSync(join(OUT, 'validation-report.json'), 'utf8'));
  const [nag] = report.pluginReports.filter((r) => r.pluginName === 'AwsSolutions');
  assert.equal(nag.conclusion, 'success');
  assert.deepEqual(nag.violations, []);
  assert.ok(nag.suppressedViolations.some((v) => v.ruleName === 'AwsSolutions-CFR2'));
  for (const v of nag.suppressedViolations) assert.ok(v.reason?.length > 20, `${v.ruleName} says why`);
});

test('the synthesized template passes cfn-lint', () => {
  // W3005 (a DependsOn a GetAtt already implies): aws-cdk-lib makes each function wait for its
  // role and the role's policy, the role twice over; harmless, and not the construct's to change.
  execFileSync(join(ROOT, '.venv', 'bin', 'cfn-lint'), ['--ignore-checks', 'W3005', '--', join(OUT, 'TeamStack.template.json')], { stdio: 'inherit' });
});

test("README's \"Use it from CDK\" shows exactly the example app's lines", () => {
  const app = readFileSync(join(APP, 'app.ts'), 'utf8');
  const blocks = [...app.matchAll(/\/\/ README: begin\n([\s\S]*?)\/\/ README: end\n/g)].map((m) => m[1]);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use it from CDK'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  assert.equal(code, blocks.join('\n'));
});
