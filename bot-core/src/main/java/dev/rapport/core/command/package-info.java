/**
 * The {@code /rapport} command grammar that Slack and Discord share. An adapter hands over who ran the
 * command and the text after {@code /rapport} ({@link dev.rapport.core.command.CommandRequest}); the core
 * decides who may run what, does it, and answers with a platform-neutral
 * {@link dev.rapport.core.command.Reply}. Each subcommand is one {@link dev.rapport.core.command.Subcommand}
 * bean; adding one needs no change anywhere else in the core.
 *
 * <p>Every reply is written in the language of the person who ran the command
 * ({@link dev.rapport.core.command.CommandContext#text}), from the {@code i18n/commands} catalogue; a refusal is a
 * {@link dev.rapport.core.command.CommandException} holding the text's key and arguments. A subcommand's summary and
 * its parameters' descriptions are catalogue keys too ({@link dev.rapport.core.command.Definition#summaryKey()},
 * {@link dev.rapport.core.command.Parameter#descriptionKey()}).
 */
package dev.rapport.core.command;
