/**
 * Charts for coordinators, drawn with JFreeChart as PNG images that the adapters upload (Slack) or attach (Discord),
 * each with a text that says the same for whoever cannot see it. {@link dev.rapport.core.chart.PairTimeline} reads a
 * pair's course from the database; {@link dev.rapport.core.chart.PairChart} draws it.
 */
package dev.rapport.core.chart;
