/**
 * How the assembled application is run and watched: health indicators for the scheduler and each chat platform
 * connection (the readiness probe's members), and the choice of log format.
 */
package dev.rapport.app;
