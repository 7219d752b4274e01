/**
 * Programme insight: what a coordinator sees of the whole programme at once ({@code /rapport overview}), read
 * set-wise from the database ({@link dev.rapport.core.insight.OverviewReader}) into plain facts
 * ({@link dev.rapport.core.insight.Overview}). Aggregates leave out the pairs the asking coordinator is in, as every
 * other view does.
 */
package dev.rapport.core.insight;
