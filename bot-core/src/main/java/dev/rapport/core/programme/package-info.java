/**
 * Programmes and their coordinators. A programme is bound to one Slack workspace or Discord guild (several
 * per workspace are allowed), has a cadence and skip dates, and at least one coordinator: whoever sets it
 * up becomes the first, and coordinators can add others.
 */
package dev.rapport.core.programme;
