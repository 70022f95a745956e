#!/usr/bin/env python3
"""Give an existing app client what the pages need, and change nothing else.

UpdateUserPoolClient, like UpdateUserPool, resets every setting it is not given (callback
URLs, token lifetimes, OAuth flows...). This command reads the client with
DescribeUserPoolClient, copies every setting UpdateUserPoolClient accepts, turns on
PreventUserExistenceErrors and adds the sign-in flow the pages use, and writes the whole back.
A client secret cannot be removed: the deploy refuses such a client instead.

    python deploy/fix_client.py --user-pool-id eu-west-1_AbC123 --client-id 1abc... [--flow ALLOW_USER_SRP_AUTH] [--dry-run]
"""
import argparse
import json
import sys

import boto3


def update_request(client, input_members, flows):
    """The UpdateUserPoolClient request keeping `client` as it is, but with
    PreventUserExistenceErrors ENABLED and `flows` among its ExplicitAuthFlows."""
    request = {name: client[name] for name in input_members if name in client}
    request["PreventUserExistenceErrors"] = "ENABLED"
    listed = list(client.get("ExplicitAuthFlows") or [])
    # No flows listed is Cognito's default (SRP, custom auth, refresh); an empty list written
    # back would keep it, so only a listed set gains the flow.
    if listed:
        request["ExplicitAuthFlows"] = listed + [flow for flow in flows if flow not in listed]
    return request


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user-pool-id", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--flow", action="append", default=[], help="an ExplicitAuthFlows value the client must allow")
    parser.add_argument("--region", help="defaults to the part of the pool id before '_'")
    parser.add_argument("--endpoint-url", help="another Cognito endpoint (tests)")
    parser.add_argument("--dry-run", action="store_true", help="print the request, change nothing")
    args = parser.parse_args(argv)

    region = args.region or args.user_pool_id.split("_", 1)[0]
    cognito = boto3.client("cognito-idp", region_name=region, endpoint_url=args.endpoint_url)
    client = cognito.describe_user_pool_client(UserPoolId=args.user_pool_id, ClientId=args.client_id)["UserPoolClient"]
    if client.get("ClientSecret"):
        print(f"the app client {args.client_id} has a secret, which cannot be removed; nothing was changed", file=sys.stderr)
        return 3
    members = cognito.meta.service_model.operation_model("UpdateUserPoolClient").input_shape.members
    request = update_request(client, members, args.flow)
    if args.dry_run:
        print(json.dumps(request, indent=2, default=str))
        return 0
    cognito.update_user_pool_client(**request)
    print(f"app client {args.client_id}: PreventUserExistenceErrors ENABLED, flows {request.get('ExplicitAuthFlows', 'default')}; "
          "nothing else changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
