package dev.rapport.sandbox;

import java.util.List;

/**
 * What one person sees, in a form the sandbox page draws the same way for every platform: messages (the app's DMs,
 * with their latest edits), private notes and command replies, open forms, and files.
 */
final class Screen {

    private Screen() {}

    /**
     * One thing on the screen.
     *
     * @param id how to refer to it when acting on it (a Slack ts or view id, a Discord message id)
     * @param kind {@code message}, {@code note} (only this person sees it), {@code form}, {@code file}
     * @param title a form's title or a file's name; null for messages
     * @param parts what it shows, in order
     * @param edited whether it changed since it appeared (a check-in after an answer)
     */
    record Item(String id, String kind, String title, List<Part> parts, boolean edited) {}

    /** A piece of an item: text, a row of buttons, a form field, an image, a download. */
    sealed interface Part {}

    /** Text with light Markdown ({@code *bold*} or {@code **bold**}, {@code `code`}, code blocks). */
    record Text(String markdown, boolean small) implements Part {}

    record Buttons(List<Button> buttons) implements Part {}

    /**
     * A select menu (Discord's string select): named by its placeholder; choosing an option hands its {@code value}
     * back to the platform as a choice in menu {@code menu}.
     */
    record Select(String menu, String placeholder, List<Option> options) implements Part {}

    /** One option of a {@link Select}. */
    record Option(String label, String value) {}

    /** A button; {@code action} is what clicking it hands back to the platform. */
    record Button(String label, String action, boolean primary) {}

    /** A form field: {@code type} is text, textarea or checkbox. */
    record Field(String key, String label, String type, boolean required, String error) implements Part {}

    /** The submit and cancel buttons of a form. */
    record Submit(String label, String cancel) implements Part {}

    /** An image (a chart's PNG), drawn where it is. */
    record Image(String name, String src) implements Part {

        /** The image of a file, when it is one: a PNG, as the core's charts are. */
        static java.util.Optional<Image> of(String name, String mimetype, String href) {
            boolean png = "image/png".equals(mimetype)
                    || (name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".png"));
            return png ? java.util.Optional.of(new Image(name, href)) : java.util.Optional.empty();
        }
    }

    /** A file, downloadable from the sandbox. */
    record Download(String name, String href) implements Part {}
}
