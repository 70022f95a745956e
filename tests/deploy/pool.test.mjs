// The template's new pool and app client hold the line the pages draw on whose account it is:
// an address is an account's only once verified, and nobody writes a preferred_username. With
// SignInLinks, a new pool signs in by emailed code (and only with SES to send it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../scripts/paths.mjs';

/** The template as CloudFormation reads it (cfn-lint's own decoder, which knows its tags). */
function template() {
  const python = join(ROOT, '.venv', 'bin', 'python');
  const script = 'import json, sys; from cfnlint.decode import decode; t, m = decode(sys.argv[1]); print(json.dumps(t, default=str))';
  return JSON.parse(execFileSync(python, ['-c', script, join(ROOT, 'deploy', 'template.yaml')], { encoding: 'utf8' }));
}

test("the new pool applies an email change only once it is verified, and the client's writable attributes are listed", () => {
  const { Resources } = template();
  const pool = Resources.UserPool.Properties;
  assert.deepEqual(pool.UsernameAttributes, ['email']);
  assert.deepEqual(pool.UserAttributeUpdateSettings, { AttributesRequireVerificationBeforeUpdate: ['email'] });
  const client = Resources.UserPoolClient.Properties;
  assert.ok(Array.isArray(client.WriteAttributes) && client.WriteAttributes.includes('email'), 'listed, and people can still change their address');
  for (const never of ['preferred_username', 'email_verified', 'phone_number_verified']) {
    assert.ok(!client.WriteAttributes.includes(never), never);
  }
});

/** `value` with each Fn::If decided by `holds` (the conditions that hold) and AWS::NoValue
 * dropped: the properties CloudFormation would send. */
function decide(value, holds) {
  if (Array.isArray(value)) return value.map((v) => decide(v, holds)).filter((v) => v !== undefined);
  if (value === null || typeof value !== 'object') return value;
  if (value.Ref === 'AWS::NoValue') return undefined;
  if ('Fn::If' in value) {
    const [condition, yes, no] = value['Fn::If'];
    return decide(holds.includes(condition) ? yes : no, holds);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decide(v, holds)]).filter(([, v]) => v !== undefined));
}

test('SignInLinks on a new pool gives it what sign-in by emailed code needs; off, the pool and client are as before', () => {
  const { Resources, Conditions } = template();
  assert.deepEqual(Conditions.PoolSignsInByLink, { 'Fn::And': [{ Condition: 'CreatePool' }, { 'Fn::Equals': [{ Ref: 'SignInLinks' }, 'true'] }] });
  const on = ['CreatePool', 'PoolSignsInByLink'];
  const pool = decide(Resources.UserPool.Properties, on);
  assert.equal(pool.UserPoolTier, 'ESSENTIALS');
  assert.deepEqual(pool.Policies.SignInPolicy, { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] });
  assert.deepEqual(decide(Resources.UserPoolClient.Properties, on).ExplicitAuthFlows,
    ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);

  const off = ['CreatePool'];
  const plain = decide(Resources.UserPool.Properties, off);
  assert.equal(plain.UserPoolTier, undefined, 'the tier is left as it is');
  assert.equal(plain.Policies.SignInPolicy, undefined);
  assert.ok(plain.Policies.PasswordPolicy, 'the password policy stays in both');
  assert.deepEqual(decide(Resources.UserPoolClient.Properties, off).ExplicitAuthFlows, ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
});

test('SignInLinks on a new pool is refused without SES, which Cognito needs to email a sign-in code', () => {
  const { Rules } = template();
  assert.deepEqual(Rules.SignInLinksNeedSes.RuleCondition,
    { 'Fn::And': [{ 'Fn::Equals': [{ Ref: 'SignInLinks' }, 'true'] }, { 'Fn::Equals': [{ Ref: 'ExistingUserPoolId' }, ''] }] });
  assert.deepEqual(Rules.SignInLinksNeedSes.Assertions[0].Assert, { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'SesSourceArn' }, ''] }] });
});
