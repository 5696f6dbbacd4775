-- Issue 21, events to Kafka (docs/decisions/0047-events-to-kafka.md): the outbox is Modulith's publication registry.
-- While the broker is down it grows; the health check counts it and the resubmission pass reads it by listener and age,
-- so the waiting rows (completed ones are deleted) get an index of their own.
CREATE INDEX event_publication_waiting_idx ON event_publication (listener_id, publication_date) WHERE completion_date IS NULL;
