#!/usr/bin/env bash
# One-shot topic provisioning for docker-compose (service `kafka-init`), run once Kafka is healthy.
#
# The services declare and create the topics they produce and consume themselves
# (casetrail.kafka.topics and casetrail.kafka.compacted-topics, each with its .dlt), and the broker
# has auto-creation off. Provisioning the same topics up front, as an operator would in
# production, keeps the stack independent of which service starts first and of older builds:
# if a consumer ever made the broker create casetrail.directory.events.v1 with the default
# cleanup.policy=delete, Spring's KafkaAdmin would find it present and leave it that way, and the
# directory would silently expire. Same names and partitions as the services use
# (casetrail.kafka.partitions, default 3); KafkaAdmin then finds them and changes nothing.
# Re-running is harmless: --if-not-exists, and compaction is (re)applied explicitly.
set -euo pipefail

BOOTSTRAP="${BOOTSTRAP:-kafka:9092}"
PARTITIONS="${PARTITIONS:-3}"
TOPICS_CLI=/opt/kafka/bin/kafka-topics.sh
CONFIGS_CLI=/opt/kafka/bin/kafka-configs.sh

create() {
  local topic="$1"; shift
  "$TOPICS_CLI" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor 1 "$@"
}

# The gateway's directory: latest state per user id, kept for ever.
create casetrail.directory.events.v1 --config cleanup.policy=compact
"$CONFIGS_CLI" --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics \
  --entity-name casetrail.directory.events.v1 --add-config cleanup.policy=compact
# notification-service's DirectoryEventsConsumer sends what still fails here.
create casetrail.directory.events.v1.dlt

# The other topics of casetrail.kafka.topics, each with its .dlt.
for topic in casetrail.case.events.v1 casetrail.disclosure.events.v1; do
  create "$topic"
  create "$topic.dlt"
done

"$TOPICS_CLI" --bootstrap-server "$BOOTSTRAP" --describe --topic casetrail.directory.events.v1
echo "casetrail topics ready"
