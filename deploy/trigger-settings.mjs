// The trigger's deployment settings: the one list. deploy/template.yaml fills each variable
// from a parameter, the CDK construct (npm/cdk/index.cts, through the shared.json `npm run
// pack` writes from this module) from its props; tests/cdk/settings.test.mjs checks that the
// template, this list and lambda/src/settings.rs name the same variables and defaults.

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
