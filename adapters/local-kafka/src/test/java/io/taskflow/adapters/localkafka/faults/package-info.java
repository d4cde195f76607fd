/**
 * The fault suite: each test injects one fault under load (the broker stopped, the application or a consumer killed
 * with {@code kill -9}, PostgreSQL sessions terminated or the server cut off behind a proxy, slow and failing webhook
 * targets) and then matches database rows, topic events and consumers' effects one for one ({@code FaultLedger}).
 * PostgreSQL only; see docs/reliability.md.
 */
package io.taskflow.adapters.localkafka.faults;
