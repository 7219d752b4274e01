/**
 * What operators watch: {@link dev.rapport.core.operations.RapportMetrics} counts and times what the features do
 * (messages sent, rate-limited, failed; check-ins answered; send latency) and
 * {@link dev.rapport.core.operations.RapportGauges} reports the state of the outbox and of pair health, all as
 * Micrometer meters named {@code rapport.*} (Prometheus: {@code rapport_*}). Without a meter registry (the core's
 * tests) the meters go to a registry of their own and cost nothing.
 */
package dev.rapport.core.operations;
