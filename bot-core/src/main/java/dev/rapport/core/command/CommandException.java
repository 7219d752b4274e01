package dev.rapport.core.command;

/** A command that cannot be carried out, with a message fit to show the person who ran it. */
public class CommandException extends RuntimeException {

    public CommandException(String message) {
        super(message);
    }
}
