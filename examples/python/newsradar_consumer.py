#!/usr/bin/env python3
"""Example downstream consumer of newsradar, in Python.

Reads news.scored.v1 and the alert topics (alerts.<route>.v1) with read_committed isolation,
decodes the Avro single-object encoded values by the writer schema's fingerprint, dedupes alerts
on alertId, groups them on storyId and prints one JSON object per line.

Needs Debian's python3-confluent-kafka and python3-avro (see docs/consumers.md). Python's Avro has
no single-object decoder (and 1.11's canonical form keeps properties the Parsing Canonical Form
drops), so this file reads the marker and the fingerprint itself and computes CRC-64-AVRO itself.

Output lines (one JSON object each):
  {"kind": "scored", "topic", "partition", "offset", "key", "writer": "ScoredArticle/v3", "value": {...}}
  {"kind": "alert", ... same fields ...}                  -- the first time an alertId is seen
  {"kind": "duplicate-alert", "alertId", "topic", "partition", "offset"}  -- a redelivery, skipped
  {"kind": "summary", "records", "alerts", "duplicates", "stories": {storyId: [alertId, ...]}}
"""

import argparse
import datetime
import io
import json
import os
import re
import sys
import time

import avro.io
import avro.schema
from confluent_kafka import Consumer, KafkaError, KafkaException

MARKER = b"\xc3\x01"
HEADER_LENGTH = 10  # 2 marker bytes + 8 fingerprint bytes
SCORED_TOPIC = "news.scored.v1"
ALERT_TOPICS = r"^alerts\.[a-z0-9][a-z0-9-]*\.v1$"
DEFAULT_HISTORY = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "..", "schemas", "src", "main", "resources", "io", "newsradar", "schemas", "history")

# --- CRC-64-AVRO (the Avro specification's Rabin fingerprint) ---------------------------------

_EMPTY = 0xC15D213AA4D7A795


def _fingerprint_table():
    table = []
    for i in range(256):
        fp = i
        for _ in range(8):
            fp = (fp >> 1) ^ (_EMPTY & -(fp & 1))
        table.append(fp)
    return table


_TABLE = _fingerprint_table()


def crc64_avro(data):
    fp = _EMPTY
    for byte in data:
        fp = (fp >> 8) ^ _TABLE[(fp ^ byte) & 0xFF]
    return fp


# --- Parsing Canonical Form (Avro specification, "Transforming into Parsing Canonical Form") ---

_PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}
_KEPT = ("name", "type", "fields", "symbols", "items", "values", "size")  # in this order


def _full_name(name, namespace):
    if "." in name or not namespace:
        return name
    return namespace + "." + name


def _canonical(schema, namespace, seen):
    if isinstance(schema, str):
        if schema in _PRIMITIVES:
            return json.dumps(schema)
        return json.dumps(_full_name(schema, namespace))
    if isinstance(schema, list):
        return "[" + ",".join(_canonical(s, namespace, seen) for s in schema) + "]"
    kind = schema["type"]
    if isinstance(kind, (dict, list)) or (kind in _PRIMITIVES and "name" not in schema):
        # {"type": "string", "avro.java.string": ...} and logical types are their bare type
        return _canonical(kind, namespace, seen)
    if kind in ("record", "enum", "fixed", "error"):
        name = _full_name(schema["name"], schema.get("namespace", namespace))
        if name in seen:
            return json.dumps(name)
        seen.add(name)
        namespace = name.rpartition(".")[0]
    parts = []
    for key in _KEPT:
        if key not in schema:
            continue
        value = schema[key]
        if key == "name":
            text = json.dumps(_full_name(value, schema.get("namespace", namespace))
                              if kind in ("record", "enum", "fixed", "error") else value)
        elif key == "type":
            text = json.dumps("record" if kind == "error" else kind)
        elif key == "fields":
            text = "[" + ",".join(
                '{"name":%s,"type":%s}' % (json.dumps(f["name"]), _canonical(f["type"], namespace, seen))
                for f in value) + "]"
        elif key in ("items", "values"):
            text = _canonical(value, namespace, seen)
        elif key == "symbols":
            text = "[" + ",".join(json.dumps(s) for s in value) + "]"
        else:
            text = str(int(value))
        parts.append(json.dumps(key) + ":" + text)
    return "{" + ",".join(parts) + "}"


def parsing_canonical_form(schema_json):
    return _canonical(schema_json, "", set())


def fingerprint(schema_json):
    return crc64_avro(parsing_canonical_form(schema_json).encode("utf-8"))


# --- Schema history: every released writer version, resolved by fingerprint ---------------------


class SchemaHistory:
    """Loads index.txt; maps each listed version's fingerprint to its schema, and each record
    name to its latest version, which is the reader schema (Avro resolves old writers into it)."""

    def __init__(self, directory):
        self.writers = {}  # fingerprint -> (label, parsed schema)
        self.latest = {}  # record name -> parsed schema (later lines of index.txt win)
        with open(os.path.join(directory, "index.txt"), encoding="utf-8") as index:
            for line in index:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                with open(os.path.join(directory, line), encoding="utf-8") as f:
                    text = f.read()
                parsed = avro.schema.parse(text)
                label = line[: -len(".avsc")]
                self.writers[fingerprint(json.loads(text))] = (label, parsed)
                self.latest[parsed.name] = parsed

    def decode(self, value):
        """Returns (writer label, decoded dict) of one single-object encoded value."""
        if value is None or len(value) < HEADER_LENGTH or value[:2] != MARKER:
            raise ValueError("not Avro single-object encoded (no C3 01 marker)")
        fp = int.from_bytes(value[2:HEADER_LENGTH], "little")
        if fp not in self.writers:
            raise ValueError("unknown writer schema fingerprint %016x" % fp)
        label, writer = self.writers[fp]
        reader = avro.io.DatumReader(writer, self.latest[writer.name])
        return label, reader.read(avro.io.BinaryDecoder(io.BytesIO(value[HEADER_LENGTH:])))


def _json_default(obj):
    # timestamp-millis fields decode to datetimes; print them as the epoch millis on the wire
    if isinstance(obj, datetime.datetime):
        return int(obj.timestamp() * 1000)
    raise TypeError(type(obj).__name__)


# --- The consumer loop ----------------------------------------------------------------------------


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bootstrap", required=True, help="bootstrap servers, host:port[,host:port]")
    p.add_argument("--topics", default=SCORED_TOPIC + "," + ALERT_TOPICS,
                   help="comma-separated topics; one starting with ^ is a regular expression "
                        "(default: news.scored.v1 and every alert topic)")
    p.add_argument("--group", required=True, help="consumer group id (offsets are committed to it)")
    p.add_argument("--schemas", default=DEFAULT_HISTORY, help="the schema history directory (index.txt)")
    p.add_argument("--max-records", type=int, default=0, help="stop after this many records (0: no limit)")
    p.add_argument("--timeout", type=float, default=60.0, help="stop after this many seconds in all")
    p.add_argument("--until-end", action="store_true",
                   help="stop once every partition of the subscribed topics is read to its end (its last "
                        "committed record); for a group of one consumer, as in a check or a backfill")
    return p.parse_args(argv)


def commit(consumer):
    """Commits the positions of what was printed so far; nothing to commit is not an error."""
    try:
        consumer.commit(asynchronous=False)
    except KafkaException as e:
        if e.args[0].code() != KafkaError._NO_OFFSET:
            raise


def partitions_matching(consumer, subscription):
    topics = consumer.list_topics(timeout=30).topics
    matching = set()
    for name, meta in topics.items():
        if any(re.fullmatch(t[1:], name) if t.startswith("^") else t == name for t in subscription):
            matching.update((name, p) for p in meta.partitions)
    return matching


def main(argv=None):
    args = parse_args(argv)
    history = SchemaHistory(args.schemas)
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": args.group,
        # the pipeline writes in transactions: only committed records, never an aborted attempt
        "isolation.level": "read_committed",
        # a new group reads the topics from their beginning
        "auto.offset.reset": "earliest",
        # offsets are committed after the records are printed (at least once; alerts dedupe on alertId)
        "enable.auto.commit": False,
        # tells us when a partition is read to its end, for --until-end
        "enable.partition.eof": True,
        # a regex subscription sees alert topics created after it started within 5 s
        "topic.metadata.refresh.interval.ms": 5000,
    })
    subscription = [t.strip() for t in args.topics.split(",") if t.strip()]
    # every partition of every topic the subscription matches now: --until-end waits for all of
    # them, not only for the first assignment (a pattern's topics can be assigned in a later rebalance)
    expected = partitions_matching(consumer, subscription) if args.until_end else set()
    at_end = set()
    consumer.subscribe(subscription)
    seen_alerts = set()
    stories = {}
    records = duplicates = 0
    deadline = time.monotonic() + args.timeout
    try:
        while time.monotonic() < deadline:
            if args.max_records and records >= args.max_records:
                break
            if args.until_end and expected <= at_end:
                break
            msg = consumer.poll(0.5)
            if msg is None:
                continue
            where = (msg.topic(), msg.partition())
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    at_end.add(where)
                    continue
                raise SystemExit("kafka error: %s" % msg.error())
            at_end.discard(where)
            records += 1
            key = msg.key().decode("utf-8") if msg.key() is not None else None
            try:
                label, value = history.decode(msg.value())
            except ValueError as e:
                print(json.dumps({"kind": "undecodable", "topic": msg.topic(), "partition": msg.partition(),
                                  "offset": msg.offset(), "key": key, "error": str(e)}), flush=True)
                continue
            line = {"topic": msg.topic(), "partition": msg.partition(), "offset": msg.offset(), "key": key,
                    "writer": label, "value": value}
            if label.startswith("Alert/"):
                alert_id = value["alertId"]
                if alert_id in seen_alerts:
                    duplicates += 1
                    print(json.dumps({"kind": "duplicate-alert", "alertId": alert_id, "topic": msg.topic(),
                                      "partition": msg.partition(), "offset": msg.offset()}), flush=True)
                    continue
                seen_alerts.add(alert_id)
                stories.setdefault(value["storyId"], []).append(alert_id)
                line["kind"] = "alert"
                # v1 records have no status: their lifecycle says NEW or UPDATED
                line["status"] = value.get("status") or value["lifecycle"]
            else:
                line["kind"] = "scored"
            print(json.dumps(line, default=_json_default, ensure_ascii=False), flush=True)
            if records % 100 == 0:
                commit(consumer)
        commit(consumer)
    finally:
        consumer.close()
    print(json.dumps({"kind": "summary", "records": records, "alerts": len(seen_alerts),
                      "duplicates": duplicates, "stories": stories}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
