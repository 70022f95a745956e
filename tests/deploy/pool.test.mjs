// The template's new pool and app client hold the line the pages draw on whose account it is:
// an address is an account's only once verified, and nobody writes a preferred_username.
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
