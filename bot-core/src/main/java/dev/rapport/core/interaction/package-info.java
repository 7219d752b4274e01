/**
 * Inbound interactions: {@link dev.rapport.core.interaction.InteractionService} takes every button tap and form
 * submission an adapter receives and hands it to the feature whose id it carries (check-ins, meetings, the
 * time-zone question). {@link dev.rapport.core.interaction.InboundEvents} remembers platform events already handled,
 * so a platform's redelivery (Slack retries an event it thinks was missed) is recognised and not processed twice.
 */
package dev.rapport.core.interaction;
