// A stand-in for the AWS CLI, put on PATH as `aws` by tests/deploy/release.test.mjs: it
// records each call (one JSON array per line in $FAKE_AWS_LOG) and answers the few calls the
// release scripts make as S3 and STS would, from a bucket described in the environment:
//   FAKE_AWS_ACCOUNT  the account of the caller's credentials (sts get-caller-identity)
//   FAKE_AWS_OWNER    the account that owns every bucket (default: FAKE_AWS_ACCOUNT)
//   FAKE_AWS_OBJECTS  a JSON array of the keys already in the bucket
//   FAKE_AWS_POOL     the UserPool that cognito-idp describe-user-pool answers (its Id must match)
//   FAKE_AWS_CLIENT   the UserPoolClient that describe-user-pool-client answers
//   FAKE_AWS_STACK    the stack (Stacks[0]) that cloudformation describe-stacks answers
// A call naming another --expected-bucket-owner fails as S3 fails it (AccessDenied), and a
// call it does not know fails too, so a script cannot pass by making an unexpected call.
import { appendFileSync, existsSync } from 'node:fs';

const args = process.argv.slice(2);
// The scripts' probe for an installed CLI, not a call to AWS: answered, not recorded.
if (args[0] === '--version') {
  console.log('aws-cli/0.0.0 fake');
  process.exit(0);
}
if (process.env.FAKE_AWS_LOG) appendFileSync(process.env.FAKE_AWS_LOG, `${JSON.stringify(args)}\n`);
const account = process.env.FAKE_AWS_ACCOUNT ?? '111122223333';
const owner = process.env.FAKE_AWS_OWNER ?? account;
const option = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const fail = (message, status = 255) => {
  process.stderr.write(`${message}\n`);
  process.exit(status);
};

const operation = args.slice(0, 2).join(' ');
if (!option('--region')) fail('fake aws: every call names --region', 2);
const expectedOwner = option('--expected-bucket-owner');
if (args[0] === 's3api' && expectedOwner !== owner) {
  fail(`An error occurred (AccessDenied) when calling the ${args[1]} operation: Access Denied`);
}
if (operation === 'sts get-caller-identity' && option('--query') === 'Account') {
  console.log(account);
} else if (operation === 's3api list-objects-v2' && option('--query') === 'Contents[].Key' && option('--output') === 'json') {
  const prefix = option('--prefix') ?? '';
  const keys = JSON.parse(process.env.FAKE_AWS_OBJECTS ?? '[]').filter((key) => key.startsWith(prefix));
  const limit = Number(option('--max-items') ?? Infinity);
  // The CLI's answer for `--query Contents[].Key` over an empty listing is `null`.
  console.log(keys.length === 0 ? 'null' : JSON.stringify(keys.slice(0, limit), null, 4));
} else if (operation === 's3api put-object' && option('--bucket') && option('--key')) {
  if (!existsSync(option('--body'))) fail(`fake aws: no file ${option('--body')} to upload`);
  console.log(JSON.stringify({ ETag: '"0123456789abcdef"' }));
} else if (operation === 'cognito-idp describe-user-pool' && process.env.FAKE_AWS_POOL) {
  const pool = JSON.parse(process.env.FAKE_AWS_POOL);
  if (pool.Id !== option('--user-pool-id')) fail('An error occurred (ResourceNotFoundException) when calling the DescribeUserPool operation');
  console.log(JSON.stringify({ UserPool: pool }));
} else if (operation === 'cognito-idp describe-user-pool-client' && process.env.FAKE_AWS_CLIENT) {
  const client = JSON.parse(process.env.FAKE_AWS_CLIENT);
  if (client.ClientId !== option('--client-id')) fail('An error occurred (ResourceNotFoundException) when calling the DescribeUserPoolClient operation');
  console.log(JSON.stringify({ UserPoolClient: client }));
} else if (operation === 'cloudformation describe-stacks' && process.env.FAKE_AWS_STACK && option('--query') === 'Stacks[0]') {
  console.log(process.env.FAKE_AWS_STACK);
} else {
  fail(`fake aws: unexpected call: aws ${args.join(' ')}`, 2);
}
