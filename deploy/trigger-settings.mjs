// The trigger's deployment settings: the one list. deploy/template.yaml fills each variable
// from a parameter, the CDK construct (npm/cdk/index.cts, through the shared.json `npm run
// pack` writes from this module) from its props; tests/cdk/settings.test.mjs checks that the
// template, this list and lambda/src/settings.rs name the same variables and defaults, and
// that the template's metric filter and alarms are the ones listed here.

/**
 * The environment variables a deployment sets on the trigger. `env`: the name
 * lambda/src/settings.rs reads; `parameter`: the template's parameter that fills it (none for
 * the reset page, which is the distribution's); `brand`: the key of config.json's `brand`
 * that fills it, or `config`: its key of config.json itself; `default`: the value when none
 * says. The CDK construct sets the bundled-file variables to their default: its zip has none.
 */
export const TRIGGER_ENVIRONMENT = [
  { env: 'RESET_PAGE_URL' },
  { env: 'PRODUCT_NAME', parameter: 'ProductName', brand: 'name', default: 'your account' },
  { env: 'BRAND_LOGO', parameter: 'BrandLogo', brand: 'logo', default: '' },
  { env: 'BRAND_ACCENT', parameter: 'BrandAccent', brand: 'accent', default: '' },
  { env: 'BRAND_ON_ACCENT', parameter: 'BrandOnAccent', brand: 'onAccent', default: '' },
  { env: 'BRAND_SUPPORT', parameter: 'BrandSupport', brand: 'support', default: '' },
  { env: 'LINK_STYLE', parameter: 'LinkStyle', default: 'fragment' },
  { env: 'DEFAULT_LANGUAGE', parameter: 'DefaultLanguage', config: 'defaultLanguage', default: '' },
  { env: 'MESSAGE_SOURCES', parameter: 'MessageSources', default: '' },
  { env: 'SIGN_IN_LINKS', parameter: 'SignInLinks', default: 'false' },
  { env: 'EMAIL_TEMPLATE_FILE', parameter: 'EmailTemplateFile', default: '' },
  { env: 'EMAIL_WORDS_FILE', parameter: 'EmailWordsFile', default: '' },
];

/** The trigger function itself, as both deployments create it; 128 MB and 5 s are ample for
 * one string rewrite, and Cognito waits at most 5 s for a trigger anyway. */
export const TRIGGER_FUNCTION = {
  runtime: 'provided.al2023',
  architecture: 'arm64',
  handler: 'bootstrap',
  memorySize: 128,
  timeoutSeconds: 5,
  logRetentionDays: 30,
};

/** The page the links lead to, at the root of the pages' site. */
export const RESET_PAGE = 'reset-password.html';

/**
 * How both deployments watch the trigger: a metric filter on its log group counting the lines
 * of messages left as Cognito's code email (lambda/src/log.rs writes `"outcome":"left_default"`),
 * an alarm on that count, and one on Lambda's own error count, since a failing trigger fails
 * the person's request without a line to count. Each alarm goes off at one in five minutes:
 * one such message is one person who got a code instead of a link. The metric's namespace is
 * `namespacePrefix` and the stack's name.
 */
export const TRIGGER_ALARMS = {
  leftDefault: {
    filterName: 'left-cognito-default',
    filterPattern: '{ $.outcome = "left_default" }',
    namespacePrefix: 'cognito-reset-link/',
    metricName: 'LeftCognitoDefault',
    description: 'The reset-link trigger left Cognito\'s code email instead of writing a link. Its log group says why ("reason" in the left_default lines); README, Operations.',
  },
  errors: {
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    description: "The reset-link trigger failed, so Cognito failed the person's request (a reset, a sign-up, an invitation). Its log group has the error; README, Operations.",
  },
  /** What both alarms share. */
  alarm: {
    statistic: 'Sum',
    periodSeconds: 300,
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
  },
  /** The topic created for an alarm email. */
  topicDisplayName: 'cognito-reset-link alarm',
};
