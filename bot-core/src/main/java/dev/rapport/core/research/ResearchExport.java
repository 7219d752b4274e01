package dev.rapport.core.research;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's research export: one ZIP file holding {@code answers.csv} (consenting participants' answers, item by
 * item, under pseudonyms made for this export only), {@code items.csv} and {@code codebook.md} (what everything means,
 * every shipped item in every shipped language, the bank's versions, the instrument's source) and {@code summary.md}
 * (means, spread, Cronbach's alpha and response rates). One file, so the data never travels without its codebook, and
 * one attachment on either platform.
 *
 * <p><b>Authorisation is the caller's job:</b> only a coordinator of the programme may receive it.
 */
@Service
public class ResearchExport {

    /** The files in the ZIP, in order. */
    public static final List<String> FILES = List.of("answers.csv", "items.csv", "codebook.md", "summary.md");

    /**
     * What an export made.
     *
     * @param zip the ZIP file's bytes
     * @param people how many consenting participants' answers it holds
     * @param answers how many answers
     */
    public record Result(byte[] zip, long people, int answers) {}

    private final ResearchFactsReader reader;

    ResearchExport(ResearchFactsReader reader) {
        this.reader = reader;
    }

    /**
     * Exports a programme's answers for research.
     *
     * @param viewerParticipantId the coordinator asking: pairs they are in are left out (-1: none)
     * @param in the language the codebook and the summary are written in
     * @param today the export's date, in the programme's zone
     */
    @Transactional(readOnly = true)
    public Result export(long programmeId, long viewerParticipantId, Locale in, LocalDate today) {
        ResearchFacts facts = reader.read(programmeId, viewerParticipantId);
        ResearchSummary summary = ResearchSummary.of(facts);
        List<ShippedBanks.Bank> banks = ShippedBanks.all();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("answers.csv", AnswersFile.answers(facts.answers(), Pseudonyms.fresh()));
        files.put("items.csv", AnswersFile.items(banks));
        files.put("codebook.md", Codebook.write(in, today, banks, summary, facts.answers()));
        files.put("summary.md", SummaryReport.write(in, today, summary));
        return new Result(zip(files, today), summary.people(), facts.answers().size());
    }

    private static byte[] zip(Map<String, String> files, LocalDate today) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTimeLocal(today.atStartOfDay());
                zip.putNextEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
