-- The W3C trace context of the request that wrote the event (null outside a trace): the relay sends it
-- in the Kafka record's headers, so the consumers' work joins the trace of the change (docs/architecture.md, "Tracing").
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
ALTER TABLE outbox_event ADD COLUMN tracestate TEXT;
