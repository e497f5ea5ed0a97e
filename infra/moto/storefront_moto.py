"""The storefront's local DynamoDB: moto's server application, served one request at a time.

Started by the Java launcher (dev.storefront.localcloud.MotoServer) as a child process:

    storefront_moto.py [--port N] [--snapshot FILE]

* Binds 127.0.0.1 only (port 0: a free one) and prints one line ``MOTO_READY port=<n>`` when it serves.
* One request at a time: moto's threaded server loses conditional updates under concurrency (200 racing
  TransactWriteItems on a stock of 20 succeeded up to 23 times). Requests are served in turn by one thread,
  and one lock also keeps the snapshot writer out of them, so every condition is checked and applied
  atomically, as DynamoDB does.
* Backs up only what a transaction can change (moto copies every table it touches, which grows with the data).
* Pages a table Scan from a view of the table kept while the data stays the same (moto re-sorts the table for
  every page).
* Writes the answers of item operations as JSON directly (moto's model-driven serializer is most of a Scan).
* Enforces DynamoDB's key size limits, which moto does not (2,048 bytes for a partition key value, 1,024 for
  a sort key value, in the table's keys and its indexes'), with DynamoDB's own ValidationException.
* Stops when its parent stops: on end of input on stdin (the parent holds the other end of the pipe, so
  its death, however it happens, closes it), on SIGTERM, SIGINT and SIGHUP.
* With --snapshot, restores every table and item from FILE at start and writes them back on every
  stop. The file is replaced atomically (written beside it, flushed to disk, renamed over it), so a stop
  killed half way leaves the previous snapshot whole.
"""

import argparse
import base64
import bisect
import copy
import gc
import hashlib
import io
import json
import os
import re
import signal
import sys
import tempfile
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import BaseWSGIServer
from werkzeug.test import Client

SNAPSHOT_FORMAT = 1
TEMPORARY_PREFIX = ".snapshot-"
_REQUEST_LOCK = threading.Lock()
_STOPPING = threading.Lock()


class KeyLimits:
    """DynamoDB's key size limits, which moto does not enforce: a partition key value of at most 2,048 bytes and a
    sort key value of at most 1,024 bytes, for the table's keys and its indexes' keys alike. A request that
    breaks one gets DynamoDB's own answer (400 ValidationException, same message), so that the local engine
    refuses what AWS refuses and an adapter that forgets to bound its keys fails here first."""

    HASH_LIMIT = 2048
    RANGE_LIMIT = 1024
    HASH_MESSAGE = ("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size "
                    "limit of2048 bytes")
    RANGE_MESSAGE = ("One or more parameter values were invalid: Aggregated size of all range keys has exceeded "
                     "the size limit of 1024 bytes")
    _PLACEHOLDER = re.compile(r"(#?[A-Za-z0-9_.]+|:[A-Za-z0-9_]+)")
    _KEYWORDS = {"AND", "BETWEEN", "begins_with", "and", "between"}

    def violation(self, operation, body, region):
        """The message DynamoDB would answer, or None when every key fits."""
        try:
            check = getattr(self, "_" + operation, None)
            return check(body, region) if check else None
        except (AttributeError, KeyError, TypeError, ValueError):
            return None  # malformed: moto answers it as DynamoDB would

    @staticmethod
    def _size(value):
        if not isinstance(value, dict):
            return 0
        if "S" in value:
            return len(value["S"].encode("utf-8"))
        if "B" in value:
            return len(base64.b64decode(value["B"]))
        return 0

    @staticmethod
    def _table(name, region):
        from moto.dynamodb.models import dynamodb_backends

        for account in list(dynamodb_backends.values()):
            backend = account.get(region) if hasattr(account, "get") else None
            if backend is not None and name in backend.tables:
                return backend.tables[name]
        return None

    def _schemas(self, table, include_indexes):
        schemas = [(table.hash_key_attr, table.range_key_attr)]
        if include_indexes:
            for index in list(table.indexes) + list(table.global_indexes):
                hash_key = next((k["AttributeName"] for k in index.schema if k["KeyType"] == "HASH"), None)
                range_key = next((k["AttributeName"] for k in index.schema if k["KeyType"] == "RANGE"), None)
                schemas.append((hash_key, range_key))
        return schemas

    def _attributes(self, table_name, attributes, region, include_indexes):
        table = self._table(table_name, region)
        if table is None or not isinstance(attributes, dict):
            return None
        for hash_key, range_key in self._schemas(table, include_indexes):
            if hash_key and self._size(attributes.get(hash_key)) > self.HASH_LIMIT:
                return self.HASH_MESSAGE
            if range_key and self._size(attributes.get(range_key)) > self.RANGE_LIMIT:
                return self.RANGE_MESSAGE
        return None

    def _GetItem(self, body, region):
        return self._attributes(body["TableName"], body["Key"], region, False)

    _DeleteItem = _GetItem
    _UpdateItem = _GetItem

    def _PutItem(self, body, region):
        return self._attributes(body["TableName"], body["Item"], region, True)

    def _BatchGetItem(self, body, region):
        for table, request in body["RequestItems"].items():
            for key in request.get("Keys", []):
                message = self._attributes(table, key, region, False)
                if message:
                    return message
        return None

    def _BatchWriteItem(self, body, region):
        for table, requests in body["RequestItems"].items():
            for request in requests:
                if "PutRequest" in request:
                    message = self._attributes(table, request["PutRequest"]["Item"], region, True)
                else:
                    message = self._attributes(table, request["DeleteRequest"]["Key"], region, False)
                if message:
                    return message
        return None

    def _TransactGetItems(self, body, region):
        for item in body["TransactItems"]:
            get = item["Get"]
            message = self._attributes(get["TableName"], get["Key"], region, False)
            if message:
                return message
        return None

    def _TransactWriteItems(self, body, region):
        for item in body["TransactItems"]:
            for kind, operation in item.items():
                if kind == "Put":
                    message = self._attributes(operation["TableName"], operation["Item"], region, True)
                else:
                    message = self._attributes(operation["TableName"], operation["Key"], region, False)
                if message:
                    return message
        return None

    def _Query(self, body, region):
        table = self._table(body["TableName"], region)
        expression = body.get("KeyConditionExpression")
        if table is None or not expression:
            return None
        hash_key, range_key = table.hash_key_attr, table.range_key_attr
        if body.get("IndexName"):
            index = next(i for i in list(table.indexes) + list(table.global_indexes) if i.name == body["IndexName"])
            hash_key = next((k["AttributeName"] for k in index.schema if k["KeyType"] == "HASH"), None)
            range_key = next((k["AttributeName"] for k in index.schema if k["KeyType"] == "RANGE"), None)
        names = body.get("ExpressionAttributeNames", {})
        values = body.get("ExpressionAttributeValues", {})
        attribute = None
        for token in self._PLACEHOLDER.findall(expression):
            if token.startswith(":"):
                size = self._size(values.get(token))
                if attribute == hash_key and size > self.HASH_LIMIT:
                    return self.HASH_MESSAGE
                if attribute == range_key and size > self.RANGE_LIMIT:
                    return self.RANGE_MESSAGE
            elif token not in self._KEYWORDS:
                attribute = names.get(token, token)
        return None


class SerialApplication:
    """Runs the wrapped WSGI application for one request at a time, response body included, after DynamoDB's
    key size limits."""

    _REGION = re.compile(r"Credential=[^/]*/[^/]*/([^/]+)/")

    def __init__(self, app):
        self._app = app
        self._limits = KeyLimits()

    def __call__(self, environ, start_response):
        import time as _t
        _w = _t.time()
        with _REQUEST_LOCK:
            _s = _t.time()
            try:
                return self._call(environ, start_response)
            finally:
                _e = _t.time()
                if _e - _w > 0.5:
                    print("SLOW", environ.get("HTTP_X_AMZ_TARGET"), "wait", round(_s - _w, 3), "serve", round(_e - _s, 3), file=sys.stderr, flush=True)

    def _call(self, environ, start_response):
        if True:
            target = environ.get("HTTP_X_AMZ_TARGET", "")
            if target.rpartition(".")[2] not in READ_OPERATIONS:
                _WRITES[0] += 1  # ends every cached scan view (moto-api/reset included)
            refusal = self._refusal(environ)
            if refusal:
                start_response("400 Bad Request", [("Content-Type", "application/x-amz-json-1.0"),
                                                   ("Content-Length", str(len(refusal)))])
                return [refusal]
            result = self._app(environ, start_response)
            try:
                body = b"".join(result)
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()
        return [body]

    def _refusal(self, environ):
        """DynamoDB's answer to a request whose keys are too long, or None."""
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if not target.startswith("DynamoDB_20120810."):
            return None
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(raw)
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return None
        if not isinstance(body, dict):
            return None
        region = self._REGION.search(environ.get("HTTP_AUTHORIZATION", ""))
        message = self._limits.violation(target.split(".", 1)[1], body, region.group(1) if region else "us-east-1")
        if not message:
            return None
        return json.dumps({"__type": "com.amazon.coral.validate#ValidationException",
                           "message": message}).encode("utf-8")


class QuietRequestHandler(MotoRequestHandler):
    """No access log line per request: the callers log what matters to them. A connection that sends nothing
    for a minute is dropped, so that one stalled client cannot hold the server."""

    timeout = 60

    def log_request(self, code="-", size="-"):
        pass


class LoopbackServer(BaseWSGIServer):
    # One request at a time, in this thread: no thread per connection (each one waited for the GIL to start).
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


ITEM_OPERATIONS = frozenset({"GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem",
                             "BatchWriteItem", "TransactGetItems", "TransactWriteItems"})


READ_OPERATIONS = frozenset({"GetItem", "BatchGetItem", "TransactGetItems", "Query", "Scan", "DescribeTable",
                             "DescribeTimeToLive", "ListTables", "DescribeStream", "GetShardIterator", "GetRecords",
                             "ListStreams", "DescribeContinuousBackups", "ListTagsOfResource", "DescribeEndpoints"})
_WRITES = [0]


class _ScanView:
    """A table's items in scan order, built once per state of the data: keys for finding a page's start by
    bisection, and each item's segment byte and size, worked out when a page first reaches the item."""

    def __init__(self, table, writes):
        self.writes = writes
        self.count = len(table.items)
        items = []
        for entry in table.items.values():
            items.extend(entry.values() if table.range_key_attr else [entry])
        # Key values as stored (strings), one total order for the view and for finding a start key in it.
        items.sort(key=_order)
        self.items = items
        self.keys = [_order(item) for item in items]
        self.segment_bytes = [None] * len(items)
        self.sizes = [None] * len(items)

    def segment_byte(self, position):
        value = self.segment_bytes[position]
        if value is None:
            # As moto's Item.is_within_segment: the first byte of the MD5 of the partition key value.
            value = self.segment_bytes[position] = hashlib.md5(
                self.items[position].hash_key.value.encode("utf8")).digest()[0]
        return value

    def size(self, position):
        value = self.sizes[position]
        if value is None:
            value = self.sizes[position] = self.items[position].size()
        return value


def _order(item):
    return (item.hash_key.value, item.range_key.value if item.range_key is not None else "")


def install_paged_table_scan():
    """moto's Scan re-sorts the whole table and walks it from the first item on every page, comparing each item
    with the page's start key: a full scan of 100,000 products (100 pages per segment) took minutes, and one
    page of a parallel scan more than the SDK's 6 s call timeout. Here a table scan (not an index scan) walks a
    view of the table built once while the data stays the same (any write request ends it), starts each page
    by bisection, and otherwise does what moto's does: segments, Limit, 1 MB page size, filters,
    filter expression, projection and LastEvaluatedKey."""
    from moto.dynamodb.models import table as tables

    moto_scan = tables.Table.scan
    views = {}

    def scan(table, filters, limit, exclusive_start_key, filter_expression=None, index_name=None,
             consistent_read=False, projection_expression=None, segments=(None, None)):
        if index_name:
            return moto_scan(table, filters, limit, exclusive_start_key, filter_expression, index_name,
                             consistent_read, projection_expression, segments)
        view = views.get(id(table))
        if view is None or view.writes != _WRITES[0] or view.count != len(table.items):
            view = views[id(table)] = _ScanView(table, _WRITES[0])
        start = 0
        if exclusive_start_key:
            hash_value = exclusive_start_key[table.hash_key_attr]
            range_value = exclusive_start_key.get(table.range_key_attr) if table.range_key_attr else None
            key = (next(iter(hash_value.values())),
                   next(iter(range_value.values())) if range_value is not None else "")
            start = bisect.bisect_right(view.keys, key)
        segment, total = segments
        results, result_size, scanned, last_evaluated_key = [], 0, 0, None
        for position in range(start, len(view.items)):
            if total is not None and view.segment_byte(position) % total != segment:
                continue
            item = view.items[position]
            size = view.size(position)
            if len(results) == limit or result_size + size > tables.RESULT_SIZE_LIMIT:
                last_evaluated_key = table._get_last_evaluated_key(results[-1], None)
                break
            passes = True
            for name, (operator, values) in filters.items():
                attribute = item.attrs.get(name)
                if attribute:
                    if not attribute.compare(operator, values):
                        passes = False
                        break
                elif operator != "NULL":
                    passes = False
                    break
            if passes:
                results.append(item)
                result_size += size
            scanned += 1
        if filter_expression is not None:
            results = [item for item in results if filter_expression.expr(item)]
        if projection_expression:
            results = [item.project(projection_expression) for item in results]
        return results, scanned, last_evaluated_key

    tables.Table.scan = scan


def install_direct_item_serialization():
    """moto writes every answer through botocore's shape model, value by value: 2.5 s of the 2.9 s a Scan of
    1,000 products takes. The answers of the item operations are DynamoDB JSON already (items as stored), so
    they are written as JSON directly, with the same members the model has (moto's extras are dropped, as its
    serializer drops them) and binary values in base64, as the serializer writes them. (Even an empty
    TransactWriteItems answer took 30 ms there.) Anything else, and any
    answer this cannot write, goes through moto's serializer."""
    from moto.core.responses import ActionResult

    serialize = ActionResult.execute_result

    def binary(value):
        if isinstance(value, (bytes, bytearray)):
            return base64.b64encode(value).decode("ascii")
        raise TypeError(type(value).__name__)

    def execute_result(result, context):
        operation = context.operation_model
        if (context.service_model.service_name == "dynamodb" and operation.name in ITEM_OPERATIONS
                and isinstance(result.result, dict) and operation.output_shape):
            members = operation.output_shape.members
            body = {name: value for name, value in result.result.items() if name in members and value is not None}
            try:
                text = json.dumps(body, default=binary, separators=(",", ":"))
            except (TypeError, ValueError):
                return serialize(result, context)
            return 200, {"Content-Type": "application/x-amz-json-1.0"}, text
        return serialize(result, context)

    ActionResult.execute_result = execute_result


def keep_garbage_collection_short():
    """The tables are millions of long-lived Python objects, and every full collection of the cyclic garbage
    collector walks them all: at 100,000 products a collection paused a request for 2-4 s, longer than the SDK's
    6 s call timeout once a few requests queued behind it. After each full collection, what survived it is moved
    out of the collector's sight (gc.freeze), so the next one walks only what is new since. Items are freed by
    reference counting when deleted; what a frozen cycle holds stays until the process ends."""

    def freeze_survivors(phase, info):
        if phase == "stop" and info.get("generation") == 2:
            gc.freeze()

    gc.callbacks.append(freeze_survivors)


def install_item_level_transaction_backup():
    """moto backs up every table a TransactWriteItems touches, by deep copy, before applying it, to put the
    tables back if the transaction is cancelled: a copy of every item and every stream record the table ever
    had, on every transaction (16 ms on an empty table, 105 ms at 2,000 items, growing with each order). Here
    the backup is of what the transaction can change instead: the items it names and the length of each
    table's stream. moto's own rollback then puts back the same live table, and this puts back the items and
    drops the stream records the cancelled part wrote. Safe because requests run one at a time."""
    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.dynamo_type import DynamoType
    from moto.dynamodb.models.table import Table

    apply = DynamoDBBackend.transact_write_items

    def live_table(table, memo):
        return table

    def transact_write_items(backend, transact_items):
        backups, shards = [], {}
        for entry in transact_items if isinstance(transact_items, list) else []:
            if not isinstance(entry, dict) or len(entry) != 1:
                continue
            kind, operation = next(iter(entry.items()))
            if not isinstance(operation, dict):
                continue
            table = backend.tables.get(operation.get("TableName"))
            attributes = operation.get("Item") if kind == "Put" else operation.get("Key")
            if table is None or not isinstance(attributes, dict) or table.hash_key_attr not in attributes:
                continue
            if table.range_key_attr is not None and table.range_key_attr not in attributes:
                continue
            try:
                hash_value = DynamoType(attributes[table.hash_key_attr])
                range_value = DynamoType(attributes[table.range_key_attr]) if table.range_key_attr else None
                before = table.get_item(hash_value, range_value)
            except Exception:  # malformed: moto refuses it before writing anything
                continue
            backups.append((table, hash_value, range_value, copy.deepcopy(before)))
            if table.stream_shard is not None:
                shards.setdefault(id(table), (table.stream_shard, len(table.stream_shard.items)))
        Table.__deepcopy__ = live_table
        try:
            return apply(backend, transact_items)
        except BaseException:
            for table, hash_value, range_value, before in reversed(backups):
                if range_value is None:
                    if before is None:
                        table.items.pop(hash_value, None)
                    else:
                        table.items[hash_value] = before
                elif before is None:
                    table.items[hash_value].pop(range_value, None)
                else:
                    table.items[hash_value][range_value] = before
            for shard, length in shards.values():
                del shard.items[length:]
            raise
        finally:
            del Table.__deepcopy__

    DynamoDBBackend.transact_write_items = transact_write_items


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--snapshot", help="file to restore from at start and write on stop")
    args = parser.parse_args()

    keep_garbage_collection_short()
    install_item_level_transaction_backup()
    install_direct_item_serialization()
    install_paged_table_scan()
    app = DomainDispatcherApplication(create_backend_app)
    if args.snapshot:
        remove_stale_temporaries(args.snapshot)
    if args.snapshot and os.path.exists(args.snapshot):
        restored = restore(app, args.snapshot)
        print("restored %d item(s) from %s" % (restored, args.snapshot), file=sys.stderr, flush=True)
        gc.collect()
        gc.freeze()

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
