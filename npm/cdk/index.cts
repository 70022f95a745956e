// The kit as a CDK construct: the pages on a private bucket behind CloudFront and the
// CustomMessage trigger, wired into the team's own pool with `addTrigger`, so the pool's stack
// owns the wiring and its next deploy keeps it; the pool calls the alias `live` of a published
// version, and alarms watch the trigger. It creates what deploy/template.yaml creates;
// the headers and the trigger's settings come from shared.json, which `npm run pack` writes
// from deploy/headers.mjs and deploy/trigger-settings.mjs, so neither is written twice. The
// pages and the arm64 trigger ship beside this file: a team needs Node only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** The brand, as config.json's `brand` says it: the pages read it there, the emails through
 * the trigger's settings. */
export interface ResetLinkBrand {
  /** The product's name, in the emails and on the pages. */
  readonly name?: string;
  /** The logo's path on the pages' site (such as "/logo.png"). */
  readonly logo?: string;
  /** The logo's text alternative. */
  readonly logoAlt?: string;
  /** The buttons' colour, "#rrggbb". */
  readonly accent?: string;
  /** The colour of the buttons' text, "#rrggbb". */
  readonly onAccent?: string;
  /** Whom to ask for help, shown at the end of the emails. */
  readonly support?: string;
}

/** What the construct is given: the team's pool and client, and optionally its own domain,
 * brand and config.json settings. */
export interface CognitoResetLinkProps {
  /** The pool whose emails carry the links; its CustomMessage trigger is set here. It must be
   * in the same stack: the trigger and the pool name each other. */
  readonly userPool: cognito.UserPool;
  /** The app client the pages call; it must have no secret (the pages are public). */
  readonly userPoolClient: cognito.IUserPoolClient;
  /** The pages' own domain (such as "reset.example.com"); without it, *.cloudfront.net. */
  readonly domainName?: string;
  /** With `domainName`, its ACM certificate, issued in us-east-1 (CloudFront's region). */
  readonly certificate?: acm.ICertificate;
  /** The brand (config.json's `brand`). */
  readonly brand?: ResetLinkBrand;
  /** Further config.json settings (signInUrl, passwordPolicy, words…). The pool id and the
   * client id are written from `userPool` and `userPoolClient`, never from here. */
  readonly config?: { readonly [key: string]: unknown };
  /** Whether HSTS covers every subdomain of the pages' domain too (off: on an apex domain it
   * would force https on subdomains this construct never serves). */
  readonly hstsIncludeSubdomains?: boolean;
  /** Whom the alarms notify by email: a topic is created and this address subscribed (it must
   * confirm). Not with `alarmTopic`; with neither, the alarms show only in CloudWatch. */
  readonly alarmEmail?: string;
  /** The team's own SNS topic for the alarms, instead of `alarmEmail`. */
  readonly alarmTopic?: sns.ITopic;
}

/** shared.json, as scripts/pack-cdk.mjs writes it. */
interface Shared {
  readonly standInOrigin: string;
  readonly headers: { readonly [variant: string]: [string, string][] };
  readonly cacheControl: { readonly immutable: string; readonly revalidated: string };
  readonly pages: string[];
  readonly trigger: {
    readonly environment: { readonly env: string; readonly brand?: keyof ResetLinkBrand; readonly config?: string; readonly default?: string }[];
    readonly function: { readonly runtime: string; readonly architecture: string; readonly handler: string;
      readonly memorySize: number; readonly timeoutSeconds: number; readonly logRetentionDays: number };
    readonly resetPage: string;
    readonly alarms: {
      readonly leftDefault: { readonly filterName: string; readonly filterPattern: string; readonly namespacePrefix: string;
        readonly metricName: string; readonly description: string };
      readonly errors: { readonly namespace: string; readonly metricName: string; readonly description: string };
      readonly alarm: { readonly statistic: string; readonly periodSeconds: number; readonly evaluationPeriods: number;
        readonly threshold: number; readonly comparisonOperator: string; readonly treatMissingData: string };
      readonly topicDisplayName: string;
    };
  };
}

const SHARED: Shared = JSON.parse(readFileSync(join(__dirname, 'shared.json'), 'utf8'));

/** The reset-link pages and the CustomMessage trigger, wired into the team's pool. */
export class CognitoResetLink extends Construct {
  /** The private bucket the pages are served from. */
  public readonly bucket: s3.Bucket;
  /** The CloudFront distribution serving the pages. */
  public readonly distribution: cloudfront.Distribution;
  /** The CustomMessage trigger function. */
  public readonly trigger: lambda.Function;
  /** The alias `live` of the trigger's current version: what the pool calls. */
  public readonly triggerAlias: lambda.Alias;
  /** The alarm on messages the trigger left as Cognito's code email. */
  public readonly leftDefaultAlarm: cloudwatch.Alarm;
  /** The alarm on the trigger's errors (Lambda's Errors metric). */
  public readonly errorsAlarm: cloudwatch.Alarm;
  /** The topic the alarms notify: `alarmTopic`, the one made for `alarmEmail`, or none. */
  public readonly alarmTopic?: sns.ITopic;
  /** The forgot-password page's address. */
  public readonly pagesUrl: string;
  /** The address the reset links lead to. */
  public readonly resetPageUrl: string;

  /** Creates the pages, the trigger, and sets the trigger on `props.userPool`. */
  constructor(scope: Construct, id: string, props: CognitoResetLinkProps) {
    super(scope, id);
    if (Boolean(props.domainName) !== Boolean(props.certificate)) {
      throw new Error('CognitoResetLink: domainName and certificate go together (an ACM certificate for the domain, in us-east-1)');
    }
    if (props.alarmEmail !== undefined && props.alarmTopic) {
      throw new Error('CognitoResetLink: alarmEmail (a topic is created) or alarmTopic (yours), not both');
    }
    if (props.alarmEmail !== undefined && !Token.isUnresolved(props.alarmEmail) && !/^[^@\s]+@[^@\s]+$/.test(props.alarmEmail)) {
      throw new Error(`CognitoResetLink: alarmEmail is not an email address: ${props.alarmEmail}`);
    }
    const config = checkedConfig(props.config ?? {});
    // The endpoint the pages call: the pool's region, as the template derives it.
    const origin = `https://cognito-idp.${props.userPool.env.region}.amazonaws.com`;

    this.bucket = new s3.Bucket(this, 'Pages', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'cognito-reset-link pages',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      ...(props.domainName && props.certificate ? {
        domainNames: [props.domainName],
        certificate: props.certificate,
        minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      } : {}),
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        compress: true,
        // Honours the Cache-Control each file is uploaded with.
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headersPolicy(this, origin, props.hstsIncludeSubdomains ?? false),
      },
    });
    const host = props.domainName ?? this.distribution.distributionDomainName;
    this.pagesUrl = `https://${host}/index.html`;
    this.resetPageUrl = `https://${host}/${SHARED.trigger.resetPage}`;

    this.trigger = triggerFunction(this, this.resetPageUrl, props.brand ?? {}, config);
    // The pool calls `live`, as the template's does: pointing it at an earlier version rolls a
    // deploy back without touching the pool (README, Operations). addTrigger also lets only
    // this pool invoke the alias.
    this.triggerAlias = new lambda.Alias(this, 'TriggerAlias', {
      aliasName: 'live', version: this.trigger.currentVersion, description: 'The version the user pool calls.' });
    props.userPool.addTrigger(cognito.UserPoolOperation.CUSTOM_MESSAGE, this.triggerAlias);
    this.alarmTopic = props.alarmEmail !== undefined ? emailTopic(this, props.alarmEmail) : props.alarmTopic;
    [this.leftDefaultAlarm, this.errorsAlarm] = alarms(this, this.trigger, this.alarmTopic);

    const brand = props.brand && { brand: props.brand };
    uploadPages(this, origin, { signInUrl: '/', ...config, ...brand,
      userPoolId: props.userPool.userPoolId, clientId: props.userPoolClient.userPoolClientId });
    explainForCdkNag(this);
  }
}

/** `config` without the keys the construct writes itself or must never publish. */
function checkedConfig(config: { readonly [key: string]: unknown }): { [key: string]: unknown } {
  for (const key of Object.keys(config)) {
    const plain = key.toLowerCase().replace(/[^a-z]/g, '');
    if (['userpoolid', 'clientid', 'brand'].includes(plain)) {
      throw new Error(`CognitoResetLink: config.${key} comes from the construct's props (userPool, userPoolClient, brand)`);
    }
    // The CSP names the pool's region; another endpoint would be refused by the browser.
    if (plain === 'clientsecret' || plain === 'endpoint') throw new Error(`CognitoResetLink: config.${key} may not be set here`);
  }
  return { ...config };
}

/** The response headers policy saying exactly what deploy/headers.mjs says. */
function headersPolicy(scope: Construct, origin: string, includeSubdomains: boolean): cloudfront.ResponseHeadersPolicy {
  const headers = SHARED.headers[includeSubdomains ? 'includeSubdomains' : 'default'];
  const security: { -readonly [K in keyof cloudfront.ResponseSecurityHeadersBehavior]: cloudfront.ResponseSecurityHeadersBehavior[K] } = {};
  const custom: cloudfront.ResponseCustomHeader[] = [];
  for (const [name, value] of headers) {
    switch (name) {
      case 'Content-Security-Policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: value.split(SHARED.standInOrigin).join(origin), override: true };
        break;
      case 'Strict-Transport-Security': {
        const maxAge = /max-age=(\d+)/.exec(value);
        if (!maxAge) throw new Error(`shared.json: an HSTS value without max-age: ${value}`);
        security.strictTransportSecurity = { accessControlMaxAge: Duration.seconds(Number(maxAge[1])),
          includeSubdomains: /includeSubDomains/i.test(value), preload: /preload/i.test(value), override: true };
        break;
      }
      case 'Referrer-Policy':
        security.referrerPolicy = { referrerPolicy: value as cloudfront.HeadersReferrerPolicy, override: true };
        break;
      case 'X-Content-Type-Options':
        // CloudFront sends "nosniff" only: any other value would be lost here, so refuse it.
        if (value !== 'nosniff') throw new Error(`shared.json: X-Content-Type-Options ${value}`);
        security.contentTypeOptions = { override: true };
        break;
      case 'X-Frame-Options':
        security.frameOptions = { frameOption: value as cloudfront.HeadersFrameOption, override: true };
        break;
      default:
        custom.push({ header: name, value, override: true });
    }
  }
  return new cloudfront.ResponseHeadersPolicy(scope, 'Headers', {
    comment: 'cognito-reset-link: the headers of deploy/headers.mjs',
    securityHeadersBehavior: security,
    customHeadersBehavior: { customHeaders: custom },
  });
}

/** The trigger: the arm64 bootstrap.zip shipped in the package, its own log group, and a
 * role that writes to that group only (AWSLambdaBasicExecutionRole would allow every group). */
function triggerFunction(scope: Construct, resetPageUrl: string, brand: ResetLinkBrand, config: { readonly [key: string]: unknown }): lambda.Function {
  const spec = SHARED.trigger.function;
  const runtime = lambda.Runtime.ALL.find((r) => r.name === spec.runtime);
  const architecture = [lambda.Architecture.ARM_64, lambda.Architecture.X86_64].find((a) => a.name === spec.architecture);
  const retention = Object.values(logs.RetentionDays).find((days) => days === spec.logRetentionDays);
  if (!runtime || !architecture || retention === undefined) throw new Error(`shared.json: trigger ${JSON.stringify(spec)}`);
  const logGroup = new logs.LogGroup(scope, 'TriggerLogs', { retention: retention as logs.RetentionDays });
  const role = new iam.Role(scope, 'TriggerRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  const environment: { [name: string]: string } = {};
  for (const setting of SHARED.trigger.environment) {
    environment[setting.env] = setting.env === 'RESET_PAGE_URL' ? resetPageUrl
      : (setting.brand && brand[setting.brand]) || (setting.config && typeof config[setting.config] === 'string' && config[setting.config] as string)
        || (setting.default ?? '');
  }
  return new lambda.Function(scope, 'Trigger', {
    description: "Turns Cognito's codes into links to the reset-link pages.",
    runtime,
    architecture,
    handler: spec.handler,
    code: lambda.Code.fromAsset(join(__dirname, 'trigger', 'bootstrap.zip')),
    memorySize: spec.memorySize,
    timeout: Duration.seconds(spec.timeoutSeconds),
    role,
    logGroup,
    environment,
    // A change to the code or the settings publishes a new version (currentVersion's id is a
    // hash of them); earlier ones are kept, to point `live` back at, as the template keeps them.
    currentVersionOptions: { removalPolicy: RemovalPolicy.RETAIN },
  });
}

/** The metric filter and the two alarms deploy/template.yaml creates, as
 * deploy/trigger-settings.mjs lists them, notifying `topic` when there is one. */
function alarms(scope: Construct, trigger: lambda.Function, topic: sns.ITopic | undefined): [cloudwatch.Alarm, cloudwatch.Alarm] {
  const spec = SHARED.trigger.alarms;
  const comparisonOperator = Object.values(cloudwatch.ComparisonOperator).find((c) => c === spec.alarm.comparisonOperator);
  const treatMissingData = Object.values(cloudwatch.TreatMissingData).find((t) => t === spec.alarm.treatMissingData);
  if (!comparisonOperator || !treatMissingData) throw new Error(`shared.json: alarms ${JSON.stringify(spec.alarm)}`);
  const filter = new logs.MetricFilter(scope, 'LeftDefaultFilter', {
    logGroup: trigger.logGroup,
    filterName: spec.leftDefault.filterName,
    filterPattern: logs.FilterPattern.literal(spec.leftDefault.filterPattern),
    metricNamespace: `${spec.leftDefault.namespacePrefix}${Stack.of(scope).stackName}`,
    metricName: spec.leftDefault.metricName,
    metricValue: '1',
    unit: cloudwatch.Unit.COUNT,
  });
  // Lambda's Errors by function name counts every version and alias of it.
  const errors = new cloudwatch.Metric({ namespace: spec.errors.namespace, metricName: spec.errors.metricName,
    dimensionsMap: { FunctionName: trigger.functionName } });
  // Named by CloudFormation, not `<stack>-…` as the template's: a fixed name would block an
  // update that replaces the alarm, or a second of these constructs in the stack.
  const created = (id: string, metric: cloudwatch.Metric, description: string) => {
    const alarm = new cloudwatch.Alarm(scope, id, {
      metric: metric.with({ statistic: spec.alarm.statistic, period: Duration.seconds(spec.alarm.periodSeconds) }),
      alarmDescription: description, evaluationPeriods: spec.alarm.evaluationPeriods, threshold: spec.alarm.threshold,
      comparisonOperator, treatMissingData,
    });
    if (topic) alarm.addAlarmAction(new actions.SnsAction(topic));
    return alarm;
  };
  return [created('LeftDefaultAlarm', filter.metric(), spec.leftDefault.description),
    created('TriggerErrorsAlarm', errors, spec.errors.description)];
}

/** A topic for the alarms with `address` subscribed (AWS asks the address to confirm first). */
function emailTopic(scope: Construct, address: string): sns.Topic {
  // Unencrypted, as the template's: CloudWatch cannot publish to a topic under the AWS-managed
  // SNS key, and the alarm's message holds only names and counts. Publishing over TLS only.
  const topic = new sns.Topic(scope, 'AlarmTopic', { displayName: SHARED.trigger.alarms.topicDisplayName, enforceSSL: true });
  topic.addSubscription(new subscriptions.EmailSubscription(address));
  return topic;
}

/**
 * Uploads the pages as `npm run deploy` does: the content-hashed assets cached a year (old
 * ones kept, for pages still open in a browser), the WebAssembly brotli-compressed (CloudFront
 * does not compress it), then the pages, catalogues and config.json revalidated on every load.
 * Each page's CSP <meta> floor names the pool's Cognito.
 */
function uploadPages(self: CognitoResetLink, origin: string, config: { [key: string]: unknown }): void {
  const immutable = [s3deploy.CacheControl.fromString(SHARED.cacheControl.immutable)];
  const assets = new s3deploy.BucketDeployment(self, 'Assets', {
    sources: [s3deploy.Source.asset(join(__dirname, 'site', 'assets'))],
    destinationBucket: self.bucket, destinationKeyPrefix: 'assets/', prune: false, cacheControl: immutable,
  });
  const modules = new s3deploy.BucketDeployment(self, 'Modules', {
    sources: [s3deploy.Source.asset(join(__dirname, 'wasm'))],
    destinationBucket: self.bucket, destinationKeyPrefix: 'assets/', prune: false, cacheControl: immutable,
    contentType: 'application/wasm', contentEncoding: 'br',
  });
  const pages = SHARED.pages.map((page) => s3deploy.Source.data(page,
    readFileSync(join(__dirname, 'site', page), 'utf8').split(SHARED.standInOrigin).join(origin)));
  const site = new s3deploy.BucketDeployment(self, 'Site', {
    sources: [...pages, s3deploy.Source.asset(join(__dirname, 'site'), { exclude: ['assets', '*.html'] }),
      s3deploy.Source.jsonData('www/config.json', config)],
    destinationBucket: self.bucket,
    // Pruning removes pages of an earlier version, never the assets older pages still load.
    exclude: ['assets/*'],
    cacheControl: [s3deploy.CacheControl.fromString(SHARED.cacheControl.revalidated)],
    distribution: self.distribution,
    distributionPaths: ['/*'],
  });
  site.node.addDependency(assets, modules);
}

/** cdk-nag's AwsSolutions rules that this construct breaks on purpose, each with its reason,
 * acknowledged through aws-cdk-lib's own Validations (which cdk-nag 3 reads), so the construct
 * does not depend on cdk-nag. */
function explainForCdkNag(root: CognitoResetLink): void {
  Validations.of(root.bucket).acknowledge(
    { id: 'AwsSolutions::AwsSolutions-S1', reason: 'Access logging needs a log bucket the deployer chooses; CloudFront logs can be enabled instead.' });
  Validations.of(root.distribution).acknowledge(
    { id: 'AwsSolutions::AwsSolutions-CFR1', reason: 'The pages are for every user of the pool, wherever they are: no geo restriction.' },
    { id: 'AwsSolutions::AwsSolutions-CFR2', reason: 'WAF has a monthly cost; the pages are static and call only Cognito, which has its own protections.' },
    { id: 'AwsSolutions::AwsSolutions-CFR3', reason: 'Access logging needs a log bucket the deployer chooses.' },
    { id: 'AwsSolutions::AwsSolutions-CFR4', reason: 'Without a domain the default *.cloudfront.net certificate fixes the policy at TLSv1 (browsers still negotiate TLS 1.2+); with domainName and certificate it is TLSv1.2_2021.' },
  );
  // BucketDeployment's handler is one function per stack, shared by every deployment in it;
  // its policy, written by aws-cdk-lib, reads the assets bucket and writes the pages' bucket
  // with wildcards (s3:GetObject*, <bucket>/*). cdk-nag 3 names each finding: acknowledge each.
  for (const child of Stack.of(root).node.children) {
    if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    const policy = child.node.tryFindChild('ServiceRole')?.node.tryFindChild('DefaultPolicy') as iam.Policy | undefined;
    const statements: { Action?: string | string[]; Resource?: unknown }[] = policy ? Stack.of(root).resolve(policy.document.toJSON()).Statement : [];
    const wildcards = statements.flatMap((statement) => [
      ...[statement.Action ?? []].flat().filter((action) => action.includes('*')).map((action) => `Action::${action}`),
      ...[statement.Resource ?? []].flat().map(nagText).filter((resource) => resource.includes('*')).map((resource) => `Resource::${resource}`),
    ]);
    Validations.of(child).acknowledge(
      { id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "aws-cdk-lib's BucketDeployment handler writes its own logs through AWSLambdaBasicExecutionRole." },
      { id: 'AwsSolutions::AwsSolutions-L1', reason: "aws-cdk-lib chooses the BucketDeployment handler's runtime." },
      ...[...new Set(wildcards)].map((finding) => ({ id: `AwsSolutions::AwsSolutions-IAM5[${finding}]`,
        reason: "aws-cdk-lib writes the BucketDeployment handler's policy: it reads the staged assets, writes and prunes the pages' bucket, and invalidates CloudFront." })),
    );
  }
}

/** A resolved CloudFormation value as cdk-nag writes it in a finding's id (`<Id.Arn>`, `<AWS::Region>`). */
function nagText(value: unknown): string {
  if (typeof value === 'string') return value;
  const object = value as { Ref?: string; 'Fn::GetAtt'?: string[]; 'Fn::Join'?: [string, unknown[]]; 'Fn::Sub'?: string };
  if (object['Fn::Sub']) return object['Fn::Sub'].replace(/\$\{([^}]+)\}/g, '<$1>');
  if (object.Ref) return `<${object.Ref}>`;
  if (object['Fn::GetAtt']) return `<${object['Fn::GetAtt'].join('.')}>`;
  if (object['Fn::Join']) return object['Fn::Join'][1].map(nagText).join(object['Fn::Join'][0]);
  return JSON.stringify(value);
}
