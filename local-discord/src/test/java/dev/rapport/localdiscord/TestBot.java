package dev.rapport.localdiscord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.checkbox.Checkbox;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * A tiny bot on JDA, written the way the Discord adapter answers: ephemeral replies, buttons that edit their message,
 * a modal with a label-wrapped text input and checkbox, autocomplete, an attachment it downloads, a deferred reply
 * with a file. The tests drive it through the local Discord to prove the fake speaks what JDA expects.
 */
final class TestBot extends ListenerAdapter {

    static SlashCommandData command() {
        return Commands.slash("rapport", "Mentorship check-ins")
                .addSubcommands(
                        new SubcommandData("health", "Every pair's state"),
                        new SubcommandData("pair", "One pair")
                                .addOption(OptionType.USER, "mentee", "The mentee", true)
                                .addOption(OptionType.INTEGER, "weeks", "Weeks to look back", true)
                                .addOption(OptionType.BOOLEAN, "urgent", "Only urgent flags")
                                .addOption(OptionType.STRING, "note", "A note"),
                        new SubcommandData("timezone", "Set your time zone")
                                .addOption(OptionType.STRING, "zone", "Area/City", true, true),
                        new SubcommandData("import", "Add pairs from a CSV file")
                                .addOption(OptionType.ATTACHMENT, "file", "The CSV file", true),
                        new SubcommandData("export", "All answers as CSV"));
    }

    /** The DM check-in the bot sends: a question with two buttons and a comment button. */
    static void sendCheckin(net.dv8tion.jda.api.JDA jda, long userId) {
        jda.openPrivateChannelById(userId)
                .flatMap(dm -> dm.sendMessage("Did you meet since the last check-in?")
                        .setComponents(ActionRow.of(
                                Button.primary("met:yes", "Yes"),
                                Button.secondary("met:no", "No"),
                                Button.secondary("comment", "Add a comment"))))
                .complete();
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        switch (String.valueOf(event.getSubcommandName())) {
            case "health" ->
                event.reply("All pairs on track").setEphemeral(true).queue();
            case "pair" -> {
                OptionMapping urgent = event.getOption("urgent");
                OptionMapping note = event.getOption("note");
                String text =
                        "pair with " + event.getOption("mentee").getAsUser().getGlobalName()
                                + " (member: " + (event.getOption("mentee").getAsMember() != null) + ")"
                                + " over " + event.getOption("weeks").getAsLong() + " weeks"
                                + ", urgent=" + (urgent != null && urgent.getAsBoolean())
                                + (note == null ? "" : ", note=" + note.getAsString())
                                + ", asked by " + event.getUser().getName()
                                + " in " + event.getGuild().getName();
                event.reply(text).setEphemeral(true).queue();
            }
            case "import" -> {
                var file = event.getOption("file").getAsAttachment();
                event.deferReply(true).queue();
                try (InputStream in = file.getProxy().download().get(10, TimeUnit.SECONDS)) {
                    String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    long lines = csv.lines().count();
                    event.getHook()
                            .sendMessage("imported " + (lines - 1) + " pairs from " + file.getFileName())
                            .queue();
                } catch (IOException
                        | java.util.concurrent.ExecutionException
                        | java.util.concurrent.TimeoutException e) {
                    event.getHook().sendMessage("could not read the file: " + e).queue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case "export" -> {
                event.deferReply(true).queue();
                event.getHook()
                        .sendMessage("Here is the export")
                        .addFiles(
                                FileUpload.fromData("pair,score\n1,5\n".getBytes(StandardCharsets.UTF_8), "export.csv"))
                        .queue(done ->
                                event.getHook().sendMessage("Anything else?").queue());
            }
            default -> event.reply("unknown").setEphemeral(true).queue();
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue();
        List<String> zones = List.of("Europe/Paris", "Europe/Lisbon", "America/St_Johns");
        event.replyChoiceStrings(zones.stream().filter(z -> z.startsWith(typed)).toList())
                .queue();
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        switch (event.getComponentId()) {
            case "met:yes" ->
                event.editMessage("Thanks, noted: you met.").setComponents().queue();
            case "met:no" ->
                event.deferEdit()
                        .queue(hook -> hook.editOriginal("Noted: no meeting yet.")
                                .setComponents()
                                .queue());
            case "comment" ->
                event.replyModal(Modal.create("checkin-comment", "Your comment")
                                .addComponents(
                                        Label.of(
                                                "Comment",
                                                TextInput.create("comment", TextInputStyle.PARAGRAPH)
                                                        .setMaxLength(500)
                                                        .build()),
                                        Label.of("Share with coordinator", Checkbox.of("share", false)))
                                .build())
                        .queue();
            default -> event.reply("unknown button").setEphemeral(true).queue();
        }
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        String comment = event.getValue("comment").getAsString();
        boolean share = event.getValue("share").getAsBoolean();
        event.reply("comment=" + comment + " share=" + share + " from "
                        + event.getUser().getName())
                .setEphemeral(true)
                .queue();
    }
}
