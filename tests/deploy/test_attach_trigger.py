"""attach_trigger.py and fix_client.py against moto's Cognito server: the trigger is set,
restored, the email sender or the app client changed, and nothing else moves."""
import os
import socket
import subprocess
import sys
import time
import unittest

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "deploy"))
import attach_trigger  # noqa: E402
import fix_client  # noqa: E402

LAMBDA_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:reset-link-trigger"
OTHER_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up"
TEAM_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:team-custom-message"
SES_ARN = "arn:aws:ses:eu-west-1:123456789012:identity/acme.example"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AttachTrigger(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.environ.update(AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="eu-west-1")
        port = free_port()
        cls.endpoint = f"http://127.0.0.1:{port}"
        moto = os.path.join(os.path.dirname(sys.executable), "moto_server")
        cls.server = subprocess.Popen([moto, "-H", "127.0.0.1", "-p", str(port)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("moto_server did not start")
        cls.client = boto3.client("cognito-idp", region_name="eu-west-1", endpoint_url=cls.endpoint)

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=10)

    def make_pool(self, lambda_config=None):
        return self.client.create_user_pool(
            PoolName="existing",
            Policies={"PasswordPolicy": {"MinimumLength": 12, "RequireUppercase": False, "RequireLowercase": True,
                                         "RequireNumbers": True, "RequireSymbols": False, "TemporaryPasswordValidityDays": 3}},
            LambdaConfig=lambda_config or {"PreSignUp": OTHER_ARN},
            AutoVerifiedAttributes=["email"],
            EmailVerificationSubject="Verify your account",
            EmailVerificationMessage="Your code is {####}",
            MfaConfiguration="OFF",
            UserPoolTags={"team": "identity"},
            AdminCreateUserConfig={"AllowAdminCreateUserOnly": True},
            AccountRecoverySetting={"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
        )["UserPool"]["Id"]

    def describe(self, pool_id):
        pool = self.client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
        pool.pop("LastModifiedDate", None)
        return pool

    def test_only_the_custom_message_trigger_changes(self):
        pool_id = self.make_pool()
        before = self.describe(pool_id)
        attach_trigger.main(["--user-pool-id", pool_id, "--lambda-arn", LAMBDA_ARN, "--endpoint-url", self.endpoint])
        after = self.describe(pool_id)
        self.assertEqual(after["LambdaConfig"], {"PreSignUp": OTHER_ARN, "CustomMessage": LAMBDA_ARN})
        before.pop("LambdaConfig")
        after.pop("LambdaConfig")
        self.assertEqual(after, before)

    def test_a_naive_update_would_have_reset_settings(self):
        """The trap this command exists for: UpdateUserPool with only LambdaConfig."""
        pool_id = self.make_pool()
        self.client.update_user_pool(UserPoolId=pool_id, LambdaConfig={"CustomMessage": LAMBDA_ARN})
        after = self.describe(pool_id)
        self.assertNotIn("PreSignUp", after["LambdaConfig"])

    def test_dry_run_changes_nothing(self):
        pool_id = self.make_pool()
        before = self.describe(pool_id)
        attach_trigger.main(["--user-pool-id", pool_id, "--lambda-arn", LAMBDA_ARN,
                             "--endpoint-url", self.endpoint, "--dry-run"])
        self.assertEqual(self.describe(pool_id), before)

    def attach(self, pool_id, *args):
        return attach_trigger.main(["--user-pool-id", pool_id, "--endpoint-url", self.endpoint, *args])

    def test_detach_restores_the_trigger_that_was_there(self):
        pool_id = self.make_pool({"PreSignUp": OTHER_ARN, "CustomMessage": TEAM_ARN})
        before = self.describe(pool_id)
        self.assertEqual(self.attach(pool_id, "--lambda-arn", LAMBDA_ARN, "--only-if-current", TEAM_ARN), 0)
        self.assertEqual(self.describe(pool_id)["LambdaConfig"]["CustomMessage"], LAMBDA_ARN)
        self.assertEqual(self.attach(pool_id, "--lambda-arn", TEAM_ARN, "--only-if-current", LAMBDA_ARN), 0)
        self.assertEqual(self.describe(pool_id), before)

    def test_detach_to_none_removes_only_the_trigger(self):
        pool_id = self.make_pool({"PreSignUp": OTHER_ARN, "CustomMessage": LAMBDA_ARN})
        self.assertEqual(self.attach(pool_id, "--lambda-arn", "", "--only-if-current", LAMBDA_ARN), 0)
        self.assertEqual(self.describe(pool_id)["LambdaConfig"], {"PreSignUp": OTHER_ARN})

    def test_a_trigger_changed_since_is_left_alone(self):
        pool_id = self.make_pool({"CustomMessage": TEAM_ARN})
        before = self.describe(pool_id)
        self.assertEqual(self.attach(pool_id, "--lambda-arn", "", "--only-if-current", LAMBDA_ARN), 3)
        self.assertEqual(self.describe(pool_id), before)

    def test_ses_for_an_existing_pool_changes_only_its_email_configuration(self):
        pool_id = self.make_pool()
        before = self.describe(pool_id)
        self.attach(pool_id, "--lambda-arn", LAMBDA_ARN, "--ses-source-arn", SES_ARN, "--ses-from", "Acme <no-reply@acme.example>")
        after = self.describe(pool_id)
        self.assertEqual(after["EmailConfiguration"]["EmailSendingAccount"], "DEVELOPER")
        self.assertEqual(after["EmailConfiguration"]["SourceArn"], SES_ARN)
        self.assertEqual(after["EmailConfiguration"]["From"], "Acme <no-reply@acme.example>")
        for changed in ("LambdaConfig", "EmailConfiguration"):
            before.pop(changed, None)
            after.pop(changed)
        self.assertEqual(after, before)

    def make_client(self, pool_id, **extra):
        return self.client.create_user_pool_client(
            UserPoolId=pool_id, ClientName="app", ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            CallbackURLs=["https://app.example/callback"], AllowedOAuthFlows=["code"], AllowedOAuthScopes=["openid"],
            AllowedOAuthFlowsUserPoolClient=True, SupportedIdentityProviders=["COGNITO"], RefreshTokenValidity=10,
            ReadAttributes=["email"], PreventUserExistenceErrors="LEGACY", **extra)["UserPoolClient"]["ClientId"]

    def describe_client(self, pool_id, client_id):
        return self.client.describe_user_pool_client(UserPoolId=pool_id, ClientId=client_id)["UserPoolClient"]

    def test_fix_client_changes_only_what_the_pages_need(self):
        pool_id = self.make_pool()
        client_id = self.make_client(pool_id)
        before = self.describe_client(pool_id, client_id)
        fix_client.main(["--user-pool-id", pool_id, "--client-id", client_id, "--flow", "ALLOW_USER_SRP_AUTH", "--endpoint-url", self.endpoint])
        after = self.describe_client(pool_id, client_id)
        self.assertEqual(after["PreventUserExistenceErrors"], "ENABLED")
        self.assertEqual(after["ExplicitAuthFlows"], ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"])
        for changed in ("PreventUserExistenceErrors", "ExplicitAuthFlows", "LastModifiedDate"):
            before.pop(changed, None)
            after.pop(changed, None)
        self.assertEqual(after, before)

    def test_fix_client_refuses_a_client_with_a_secret(self):
        pool_id = self.make_pool()
        client_id = self.make_client(pool_id, GenerateSecret=True)
        before = self.describe_client(pool_id, client_id)
        self.assertEqual(fix_client.main(["--user-pool-id", pool_id, "--client-id", client_id, "--endpoint-url", self.endpoint]), 3)
        self.assertEqual(self.describe_client(pool_id, client_id), before)


if __name__ == "__main__":
    unittest.main()
