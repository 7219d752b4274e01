/**
 * The {@code /rapport} command grammar that Slack and Discord share. An adapter hands over who ran the
 * command and the text after {@code /rapport} ({@link dev.rapport.core.command.CommandRequest}); the core
 * decides who may run what, does it, and answers with a platform-neutral
 * {@link dev.rapport.core.command.Reply}. Each subcommand is one {@link dev.rapport.core.command.Subcommand}
 * bean; adding one needs no change anywhere else in the core.
 */
package dev.rapport.core.command;
