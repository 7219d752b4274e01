/**
 * Exports of a programme's data for its coordinators, e.g. {@link dev.rapport.core.export.AnswerExport}: the
 * check-in answers as CSV. Exports follow the confidentiality rules of the trust pulse: coordinators see scores
 * from both sides, and free text only where its author ticked "share with coordinator". Callers check that the
 * requester coordinates the programme.
 */
package dev.rapport.core.export;
