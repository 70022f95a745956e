// `npm run detach`: puts back the CustomMessage trigger an existing pool had before
// `npm run deploy -- --existing-pool …` attached this stack's (or none, if it had none), so
// the stack can then be deleted without leaving the pool calling a function that is gone.
// It reads the stack (its ExistingUserPoolId parameter, its TriggerArn and
// PreviousCustomMessage outputs) and the pool, and changes the pool only while its trigger is
// still this stack's, through deploy/attach_trigger.py's read-modify-write. `--dry-run`
// reads the same and prints the change instead.
//
//   npm run detach -- [--stack NAME] [--region REGION] [--dry-run]
import { parseArgs } from 'node:util';
import { DeployRefused, deployRegion, isStackTrigger } from '../deploy/existing-pool.mjs';
import { awsRunner, pythonTool } from './aws.mjs';

const { values: options } = parseArgs({ options: {
  stack: { type: 'string', default: 'cognito-reset-link' },
  region: { type: 'string', default: '' },
  'dry-run': { type: 'boolean', default: false },
} });
const dryRun = options['dry-run'];

/** Stops with `message` on stderr and status 2; nothing was changed. */
function refuse(message) {
  console.error(`detach: ${message}`);
  process.exit(2);
}

let aws = awsRunner({ region: deployRegion({ asked: options.region, env: process.env }), dryRun });
let stack;
try {
  stack = JSON.parse(aws.read(['cloudformation', 'describe-stacks', '--stack-name', options.stack, '--query', 'Stacks[0]', '--output', 'json']));
} catch {
  refuse(`could not read the stack ${options.stack} (above); check --stack and --region (the pool's region).`);
}
const value = (list, key, name) => (list ?? []).find((entry) => entry[key] === name)?.[name === 'ExistingUserPoolId' ? 'ParameterValue' : 'OutputValue'] ?? '';
const pool = value(stack.Parameters, 'ParameterKey', 'ExistingUserPoolId');
if (!pool) {
  console.log(`The stack ${options.stack} created its own pool: there is no earlier trigger to restore. Deleting the stack deletes that pool.`);
  process.exit(0);
}
try {
  aws = awsRunner({ region: deployRegion({ pool, asked: options.region, env: {} }), dryRun });
} catch (error) {
  if (!(error instanceof DeployRefused)) throw error;
  refuse(error.message);
}
const ours = value(stack.Outputs, 'OutputKey', 'TriggerArn');
const previous = value(stack.Outputs, 'OutputKey', 'PreviousCustomMessage');
const current = JSON.parse(aws.read(['cognito-idp', 'describe-user-pool', '--user-pool-id', pool, '--output', 'json'])).UserPool.LambdaConfig?.CustomMessage ?? '';
console.log(`The pool's CustomMessage trigger now: ${current || '(none)'}`);
if (!isStackTrigger(current, options.stack)) {
  console.log(`It is not this stack's trigger (${ours}): nothing to restore, the pool is left as it is.`);
} else {
  pythonTool('attach_trigger.py', ['--user-pool-id', pool, '--lambda-arn', previous, '--only-if-current', current], { dryRun });
  console.log(`${dryRun ? 'Would restore' : 'Restored'} the pool's CustomMessage trigger: ${previous || '(none)'}.`);
}
console.log(`${dryRun ? 'Dry run done; nothing was changed. ' : ''}The stack may now be deleted: aws cloudformation delete-stack --stack-name ${options.stack} --region ${pool.split('_')[0]}`);
