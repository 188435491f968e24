#!/bin/sh
# The compose stack's topic-init step: creates every topic of docker/kafka/topics that is missing,
# with TOPIC_PARTITIONS partitions and TOPIC_REPLICATION replicas, then exits. Idempotent
# (--if-not-exists), so it runs on every `docker-compose up`. The broker has
# auto.create.topics.enable=false, so nothing else creates a topic by accident.
set -eu
: "${BOOTSTRAP:?}" "${TOPIC_PARTITIONS:?}" "${TOPIC_REPLICATION:?}"
topics_file="${TOPICS_FILE:-/opt/newsradar/kafka/topics}"
bin=/opt/kafka/bin

grep -v '^[[:space:]]*#' "$topics_file" | grep -v '^[[:space:]]*$' | while read -r name configs; do
  set -- --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" \
    --partitions "$TOPIC_PARTITIONS" --replication-factor "$TOPIC_REPLICATION"
  # one --config per setting
  for c in $(echo "$configs" | tr ',' ' '); do
    set -- "$@" --config "$c"
  done
  "$bin/kafka-topics.sh" "$@"
done
echo "topic-init: topics in place:"
"$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --list
