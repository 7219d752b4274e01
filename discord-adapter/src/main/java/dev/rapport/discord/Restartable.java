package dev.rapport.discord;

/**
 * Something that handles Discord events and must be made ready before the bot connects and finished before it
 * disconnects. A Spring context can be stopped and started again (the test framework pauses contexts it is not using),
 * so every connection gets a fresh start.
 */
interface Restartable extends AutoCloseable {

    /** Ready to handle events again after {@link #close()}, or for the first time. */
    void open();

    /** Stops taking events and finishes what was taken. */
    @Override
    void close();
}
