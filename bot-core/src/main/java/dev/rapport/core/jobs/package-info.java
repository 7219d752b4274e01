/**
 * How features declare their few recurring Quartz jobs, and the one switch ({@code rapport.schedule.enabled}) that
 * turns every background job of an instance on or off.
 */
package dev.rapport.core.jobs;
