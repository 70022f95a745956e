"""attach_trigger.py against moto's Cognito server: the trigger is set, nothing else moves."""
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

LAMBDA_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:reset-link-trigger"
OTHER_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up"


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

    def make_pool(self):
        return self.client.create_user_pool(
            PoolName="existing",
            Policies={"PasswordPolicy": {"MinimumLength": 12, "RequireUppercase": False, "RequireLowercase": True,
                                         "RequireNumbers": True, "RequireSymbols": False, "TemporaryPasswordValidityDays": 3}},
            LambdaConfig={"PreSignUp": OTHER_ARN},
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


if __name__ == "__main__":
    unittest.main()
