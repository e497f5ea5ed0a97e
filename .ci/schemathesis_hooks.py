"""Schemathesis hooks of the API contract step (.ci/run, api_contract).

The generator draws Idempotency-Key values from a small space ("0", "00", ...), so without help most POSTs
would reuse a key with another body and get the contract's 422 before reaching the route's own logic. Each
well-formed key is therefore made unique per request; malformed keys (empty, too long, non-printable) are
sent as generated, so the header's own validation is still tested. Replays of one key are covered by the
end-to-end tests (Java), not here.
"""

import uuid

import schemathesis

_HEADER = "Idempotency-Key"
_MAX_LENGTH = 255


def _well_formed(key: object) -> bool:
    return isinstance(key, str) and 0 < len(key) <= _MAX_LENGTH and all(" " <= c <= "~" for c in key)


@schemathesis.hook
def before_call(context, case, **kwargs):
    headers = case.headers or {}
    for name, value in list(headers.items()):
        if name.lower() == _HEADER.lower() and _well_formed(value):
            suffix = "-" + uuid.uuid4().hex
            headers[name] = value[: _MAX_LENGTH - len(suffix)] + suffix
