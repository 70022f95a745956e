#!/usr/bin/env python3
"""Attach the reset-link trigger to an existing user pool without changing anything else.

UpdateUserPool resets every setting it is not given. This command reads the pool with
DescribeUserPool, copies every setting UpdateUserPool accepts, changes only
LambdaConfig.CustomMessage (and, when asked, the EmailConfiguration), and writes the whole back.

    python deploy/attach_trigger.py --user-pool-id eu-west-1_AbC123 --lambda-arn arn:aws:lambda:...
    python deploy/attach_trigger.py ... --dry-run     # print the UpdateUserPool request only
    python deploy/attach_trigger.py ... --lambda-arn "" --only-if-current ARN   # detach: back to none
    python deploy/attach_trigger.py ... --ses-source-arn ARN --ses-from "Acme <no-reply@acme.example>"
"""
import argparse
import json
import sys

import boto3

# Fields DescribeUserPool returns that UpdateUserPool would reject or that only describe.
READ_ONLY_NESTED = {
    # Deprecated; UpdateUserPool refuses it beside Policies.PasswordPolicy.TemporaryPasswordValidityDays.
    ("AdminCreateUserConfig", "UnusedAccountValidityDays"),
}


def update_request(pool, lambda_arn, input_members, ses=None):
    """The UpdateUserPool request that keeps `pool` as it is but for the CustomMessage trigger
    (removed when `lambda_arn` is empty) and, with `ses` (SourceArn, From), its email sender."""
    request = {name: pool[name] for name in input_members if name in pool and name != "UserPoolId"}
    request["UserPoolId"] = pool["Id"]
    for parent, child in READ_ONLY_NESTED:
        if isinstance(request.get(parent), dict):
            request[parent] = {k: v for k, v in request[parent].items() if k != child}
    lambda_config = dict(pool.get("LambdaConfig") or {})
    if lambda_arn:
        lambda_config["CustomMessage"] = lambda_arn
    else:
        lambda_config.pop("CustomMessage", None)
    request["LambdaConfig"] = lambda_config
    if ses:
        email = dict(pool.get("EmailConfiguration") or {})
        email.update(EmailSendingAccount="DEVELOPER", SourceArn=ses[0])
        if ses[1]:
            email["From"] = ses[1]
        request["EmailConfiguration"] = email
    return request


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user-pool-id", required=True)
    parser.add_argument("--lambda-arn", required=True)
    parser.add_argument("--only-if-current", help="change nothing unless the pool's CustomMessage is this ARN ('' for none)")
    parser.add_argument("--ses-source-arn", help="send the pool's email through this verified SES identity")
    parser.add_argument("--ses-from", help="the From address for SES, such as 'Acme <no-reply@acme.example>'")
    parser.add_argument("--region", help="defaults to the part of the pool id before '_'")
    parser.add_argument("--endpoint-url", help="another Cognito endpoint (tests)")
    parser.add_argument("--dry-run", action="store_true", help="print the request, change nothing")
    args = parser.parse_args(argv)

    region = args.region or args.user_pool_id.split("_", 1)[0]
    client = boto3.client("cognito-idp", region_name=region, endpoint_url=args.endpoint_url)
    pool = client.describe_user_pool(UserPoolId=args.user_pool_id)["UserPool"]
    members = client.meta.service_model.operation_model("UpdateUserPool").input_shape.members
    previous = (pool.get("LambdaConfig") or {}).get("CustomMessage")
    # Someone may have changed the trigger since the deploy looked (or since the attach it
    # would undo): then writing would silently drop their function.
    if args.only_if_current is not None and (previous or "") != args.only_if_current:
        print(f"CustomMessage of {args.user_pool_id} is {previous or '(none)'}, not {args.only_if_current or '(none)'}; "
              "nothing was changed", file=sys.stderr)
        return 3
    ses = (args.ses_source_arn, args.ses_from) if args.ses_source_arn else None
    request = update_request(pool, args.lambda_arn, members, ses)
    if args.dry_run:
        print(json.dumps(request, indent=2, default=str))
        return 0
    client.update_user_pool(**request)
    email = f"; email through SES {args.ses_source_arn}" if ses else ""
    print(f"CustomMessage of {args.user_pool_id}: {previous or '(none)'} -> {args.lambda_arn or '(none)'}{email}; nothing else changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
