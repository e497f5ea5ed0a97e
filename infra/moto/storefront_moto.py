"""The storefront's local DynamoDB: moto's server application, served one request at a time.

Started by the Java launcher (dev.storefront.localcloud.MotoServer) as a child process:

    storefront_moto.py [--port N] [--snapshot FILE]

* Binds 127.0.0.1 only (port 0: a free one) and prints one line ``MOTO_READY port=<n>`` when it serves.
* One lock around every request: moto's threaded server loses conditional updates under concurrency
  (200 racing TransactWriteItems on a stock of 20 succeeded up to 23 times); held around each whole
  request, every condition is checked and applied atomically, as DynamoDB does. Connections are still
  accepted and kept alive by their own threads.
* Stops when its parent stops: on end of input on stdin (the parent holds the other end of the pipe, so
  its death, however it happens, closes it), on SIGTERM, SIGINT and SIGHUP.
* With --snapshot, restores every table and item from FILE at start and writes them back on every
  stop. The file is replaced atomically (written beside it, flushed to disk, renamed over it), so a stop
  killed half way leaves the previous snapshot whole.
"""

import argparse
import json
import os
import signal
import sys
import tempfile
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import ThreadedWSGIServer
from werkzeug.test import Client

SNAPSHOT_FORMAT = 1
TEMPORARY_PREFIX = ".snapshot-"
_REQUEST_LOCK = threading.Lock()
_STOPPING = threading.Lock()


class SerialApplication:
    """Runs the wrapped WSGI application for one request at a time, response body included."""

    def __init__(self, app):
        self._app = app

    def __call__(self, environ, start_response):
        with _REQUEST_LOCK:
            result = self._app(environ, start_response)
            try:
                body = b"".join(result)
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()
        return [body]


class QuietRequestHandler(MotoRequestHandler):
    """No access log line per request: the callers log what matters to them."""

    def log_request(self, code="-", size="-"):
        pass


class LoopbackServer(ThreadedWSGIServer):
    # Hundreds of clients may connect at once in the race tests; the default backlog of 128 would make
    # the kernel drop their SYNs and the clients wait a second to retry.
    request_queue_size = 1024


class DynamoDb:
    """Calls the DynamoDB JSON API of the application in this process (for the snapshot)."""

    def __init__(self, app, region):
        self._client = Client(app)
        self._region = region

    def call(self, operation, body):
        response = self._client.post(
            "/",
            data=json.dumps(body),
            headers={
                "Content-Type": "application/x-amz-json-1.0",
                "X-Amz-Target": "DynamoDB_20120810." + operation,
                "Authorization": "AWS4-HMAC-SHA256 Credential=local/20260101/" + self._region
                + "/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
            },
        )
        text = response.get_data(as_text=True)
        if response.status_code != 200:
            raise RuntimeError(operation + " failed (" + str(response.status_code) + "): " + text[:500])
        return json.loads(text) if text else {}


def regions_with_tables():
    from moto.dynamodb.models import dynamodb_backends

    regions = set()
    for account in list(dynamodb_backends.values()):
        for region, backend in list(account.items()):
            if backend.tables:
                regions.add(region)
    return sorted(regions)


def create_table_request(description):
    request = {
        "TableName": description["TableName"],
        "AttributeDefinitions": description["AttributeDefinitions"],
        "KeySchema": description["KeySchema"],
    }
    billing = description.get("BillingModeSummary", {}).get("BillingMode", "PAY_PER_REQUEST")
    request["BillingMode"] = billing
    if billing == "PROVISIONED":
        throughput = description.get("ProvisionedThroughput", {})
        request["ProvisionedThroughput"] = {
            "ReadCapacityUnits": throughput.get("ReadCapacityUnits", 1),
            "WriteCapacityUnits": throughput.get("WriteCapacityUnits", 1),
        }
    for kind in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes"):
        indexes = []
        for index in description.get(kind, []):
            entry = {"IndexName": index["IndexName"], "KeySchema": index["KeySchema"],
                     "Projection": index["Projection"]}
            if kind == "GlobalSecondaryIndexes" and billing == "PROVISIONED":
                throughput = index.get("ProvisionedThroughput", {})
                entry["ProvisionedThroughput"] = {
                    "ReadCapacityUnits": throughput.get("ReadCapacityUnits", 1),
                    "WriteCapacityUnits": throughput.get("WriteCapacityUnits", 1),
                }
            indexes.append(entry)
        if indexes:
            request[kind] = indexes
    return request


def list_tables(dynamodb):
    names, start = [], None
    while True:
        page = dynamodb.call("ListTables", {"ExclusiveStartTableName": start} if start else {})
        names += page.get("TableNames", [])
        start = page.get("LastEvaluatedTableName")
        if not start:
            return names


def write_snapshot(app, out):
    """Writes every table and item as JSON, page by page as it scans (no second copy of the data in memory)."""
    out.write('{"format":%d,"regions":{' % SNAPSHOT_FORMAT)
    for region_index, region in enumerate(regions_with_tables()):
        dynamodb = DynamoDb(app, region)
        out.write(("," if region_index else "") + json.dumps(region) + ":[")
        for table_index, name in enumerate(list_tables(dynamodb)):
            description = dynamodb.call("DescribeTable", {"TableName": name})["Table"]
            ttl = dynamodb.call("DescribeTimeToLive", {"TableName": name}).get("TimeToLiveDescription", {})
            header = {
                "create": create_table_request(description),
                "stream": description.get("StreamSpecification"),
                "ttlAttribute": ttl.get("AttributeName") if ttl.get("TimeToLiveStatus") == "ENABLED" else None,
            }
            out.write(("," if table_index else "") + json.dumps(header, separators=(",", ":"))[:-1] + ',"items":[')
            first, key = True, None
            while True:
                body = {"TableName": name, "ConsistentRead": True}
                if key:
                    body["ExclusiveStartKey"] = key
                page = dynamodb.call("Scan", body)
                for item in page.get("Items", []):
                    out.write(("" if first else ",") + json.dumps(item, separators=(",", ":")))
                    first = False
                key = page.get("LastEvaluatedKey")
                if not key:
                    break
            out.write("]}")
        out.write("]")
    out.write("}}")


def write_atomically(path, write):
    """Writes beside the file, flushes it to disk and renames it over the file: all or nothing."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    directory_handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(directory_handle)
    finally:
        os.close(directory_handle)


def remove_stale_temporaries(path):
    """Files of a snapshot whose writing was killed half way: never read, removed at the next start."""
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(directory):
        for name in os.listdir(directory):
            if name.startswith(TEMPORARY_PREFIX) and name.endswith(".tmp"):
                os.unlink(os.path.join(directory, name))


def restore(app, path):
    with open(path, encoding="utf-8") as source:
        snapshot = json.load(source)
    if snapshot.get("format") != SNAPSHOT_FORMAT:
        raise RuntimeError("unknown snapshot format in " + path)
    count = 0
    for region, tables in snapshot["regions"].items():
        dynamodb = DynamoDb(app, region)
        for table in tables:
            name = table["create"]["TableName"]
            # Items first, stream after: restoring is not a change the stream consumers should see.
            dynamodb.call("CreateTable", table["create"])
            items = table["items"]
            for start in range(0, len(items), 25):
                requests = [{"PutRequest": {"Item": item}} for item in items[start:start + 25]]
                dynamodb.call("BatchWriteItem", {"RequestItems": {name: requests}})
            count += len(items)
            stream = table.get("stream")
            if stream and stream.get("StreamEnabled"):
                dynamodb.call("UpdateTable", {"TableName": name, "StreamSpecification": stream})
            if table.get("ttlAttribute"):
                dynamodb.call("UpdateTimeToLive", {"TableName": name, "TimeToLiveSpecification": {
                    "AttributeName": table["ttlAttribute"], "Enabled": True}})
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--snapshot", help="file to restore from at start and write on stop")
    args = parser.parse_args()

    app = DomainDispatcherApplication(create_backend_app)
    if args.snapshot:
        remove_stale_temporaries(args.snapshot)
    if args.snapshot and os.path.exists(args.snapshot):
        restored = restore(app, args.snapshot)
        print("restored %d item(s) from %s" % (restored, args.snapshot), file=sys.stderr, flush=True)

    server = LoopbackServer("127.0.0.1", args.port, SerialApplication(app), handler=QuietRequestHandler)

    def stop(reason):
        # Once only, whichever of stdin, a signal or the server loop gets here first.
        if not _STOPPING.acquire(blocking=False):
            return
        code = 0
        try:
            if args.snapshot:
                with _REQUEST_LOCK:
                    write_atomically(args.snapshot, lambda out: write_snapshot(app, out))
        except Exception as error:  # a failed snapshot must still stop the server, and say so
            print("snapshot not written: %s" % error, file=sys.stderr, flush=True)
            code = 1
        finally:
            os._exit(code)

    def watch_parent():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except OSError:
            pass
        stop("parent gone")

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, lambda number, frame: threading.Thread(target=stop, args=("signal",)).start())
    threading.Thread(target=watch_parent, name="parent-watch", daemon=True).start()

    print("MOTO_READY port=%d" % server.server_port, flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        stop("server loop ended")


if __name__ == "__main__":
    main()
