/**
 * Pub/Sub messages and the CloudEvents they carry: the JSON form a trigger delivers (an Eventarc {@code
 * messagePublished} event's data, a push body) and the CloudEvents Pub/Sub binding ({@code ce-*} attributes) in both
 * directions.
 */
package io.taskflow.adapters.gcp.pubsub;
