/**
 * Finding the PostgreSQL server: the configured one ({@code RAPPORT_DB_URL}, {@code RAPPORT_DB_USER},
 * {@code RAPPORT_DB_PASSWORD}, default {@code localhost:5432}), or, where nothing answers at the default
 * {@code localhost:5432} and the process is not root, an embedded PostgreSQL so that a laptop with only a JDK can run
 * Rapport and its tests. As root with no server it stops with a message that says what to do, because PostgreSQL's
 * {@code initdb} refuses to run as root. A server that {@code RAPPORT_DB_URL} names elsewhere is never replaced by an
 * embedded one: when it does not answer, Rapport stops and says so, rather than writing data the server would miss.
 */
package dev.rapport.core.database;
