/**
 * What both adapters do with what a person sends them, platform-free: {@link dev.rapport.core.inbound.InboundWork}
 * runs the work that follows an acknowledgement on a bounded pool, waits for it at shutdown and can start again; an
 * unexpected failure becomes one {@link dev.rapport.core.inbound.ErrorReference}, logged with its stack trace and
 * shown to the person as a short reference, never as the trace. Depends on no other package of the core.
 */
package dev.rapport.core.inbound;
