// A team's CDK app, as tests/cdk/cdk.test.mjs synthesizes it: the team's own pool and client,
// and the kit's construct installed from the packed tarball. The lines between the README
// markers are the ones README.md's "Use it from CDK" shows, word for word (the test compares).
import { App, CfnOutput, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AwsSolutionsChecks } from 'cdk-nag';
// README: begin
import { CognitoResetLink } from 'cognito-reset-link/cdk';
// README: end

/** The app; its stack holds the pool, the client and the construct. */
export const app = new App();
// As a team that checks its stacks with cdk-nag: a violation stops the synthesis.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
/** The team's stack. */
export const stack = new Stack(app, 'TeamStack');

const userPool = new cognito.UserPool(stack, 'Users', {
  signInAliases: { email: true },
  autoVerify: { email: true },
  passwordPolicy: { minLength: 8, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
});
const userPoolClient = userPool.addClient('Pages', { authFlows: { userSrp: true }, preventUserExistenceErrors: true });
// The pool stands in for the team's own: its sign-in rules are the team's, not the kit's.
Validations.of(userPool).acknowledge(
  { id: 'AwsSolutions::AwsSolutions-COG2', reason: "The example stands in for the team's pool; MFA is the team's choice." },
  { id: 'AwsSolutions::AwsSolutions-COG8', reason: "The example stands in for the team's pool; the Plus plan is the team's choice." },
);

// README: begin
const resetLink = new CognitoResetLink(stack, 'ResetLink', {
  userPool,
  userPoolClient,
  brand: { name: 'Example', support: 'help@example.com' },
  alarmEmail: 'ops@example.com',
  config: { passwordPolicy: { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true } },
});
new CfnOutput(stack, 'ResetPagesUrl', { value: resetLink.pagesUrl });
// README: end
