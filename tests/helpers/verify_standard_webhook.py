#!/usr/bin/env python3
"""An independent Standard Webhooks verifier, written from the specification with the standard
library only, so the tests check our signatures against something that shares no code with them.

Reads one JSON object on stdin:
  {"secret": "whsec_...", "headers": {...}, "body": "...", "now": <unix seconds, optional>}
Exits 0 if one `v1,` signature of `webhook-signature` is the base64 HMAC-SHA256 of
"{webhook-id}.{webhook-timestamp}.{body}" keyed by the base64-decoded secret (after `whsec_`)
and the timestamp is within 5 minutes of now; else prints why and exits 1.
"""
import base64
import hashlib
import hmac
import json
import sys
import time

TOLERANCE_SECONDS = 5 * 60


def fail(reason):
    print(reason, file=sys.stderr)
    sys.exit(1)


def main():
    data = json.load(sys.stdin)
    secret = data["secret"]
    if secret.startswith("whsec_"):
        secret = secret[len("whsec_"):]
    key = base64.b64decode(secret, validate=True)
    headers = {k.lower(): v for k, v in data["headers"].items()}
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signature_header = headers.get("webhook-signature")
    if not msg_id or not timestamp or not signature_header:
        fail("missing webhook headers")
    if not timestamp.isdigit():
        fail("webhook-timestamp is not unix seconds")
    now = data.get("now", time.time())
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        fail("timestamp outside the tolerance")
    signed = (msg_id + "." + timestamp + "." + data["body"]).encode("utf-8")
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode("ascii")
    for entry in signature_header.split(" "):
        version, _, value = entry.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            sys.exit(0)
    fail("no matching v1 signature")


main()
