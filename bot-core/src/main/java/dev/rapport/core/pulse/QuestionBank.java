package dev.rapport.core.pulse;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.pair.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versioned bank of pulse statements, read from {@code pulse/question-bank.properties} (and its
 * translations, {@code question-bank_fr.properties} and so on). Keys look like
 * {@code respect.1.mentee = Since our last check-in, my mentor …}: dimension, paired item number, role.
 */
public final class QuestionBank {

    public static final String DEFAULT_BUNDLE = "pulse.question-bank";
    private static final Pattern KEY = Pattern.compile("([a-z]+)\\.(\\d+)\\.(mentee|mentor)");
    /** The suffix of a statement's tags, kept in the reference (English) file only: {@code respect.1.mentee.tags}. */
    public static final String TAGS = ".tags";

    private final String version;
    private final Map<String, Question> byId;
    private final Map<Role, Map<Dimension, List<Question>>> byRole;
    /** The statements' wording in each shipped language, by language code and question id. */
    private final Map<String, Map<String, String>> wordings;

    private QuestionBank(String version, List<Question> questions, Map<String, Map<String, String>> wordings) {
        this.version = version;
        this.wordings = wordings;
        Map<String, Question> ids = new LinkedHashMap<>();
        Map<Role, Map<Dimension, List<Question>>> roles = new EnumMap<>(Role.class);
        for (Question q : questions) {
            ids.put(q.id(), q);
            roles.computeIfAbsent(q.role(), r -> new EnumMap<>(Dimension.class))
                    .computeIfAbsent(q.dimension(), d -> new ArrayList<>())
                    .add(q);
        }
        for (Role role : Role.values()) {
            Map<Dimension, List<Question>> dims = roles.get(role);
            for (Dimension d : Dimension.values()) {
                if (dims == null || dims.get(d) == null || dims.get(d).isEmpty()) {
                    throw new IllegalStateException(
                            "Question bank " + version + " has no " + role.label() + " statement for " + d);
                }
                dims.get(d).sort((a, b) -> Integer.compare(a.pairedItem(), b.pairedItem()));
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.byRole = roles;
    }

    /** Loads the default bank in the default language. */
    public static QuestionBank load() {
        return load(DEFAULT_BUNDLE, Locale.ROOT);
    }

    /** Loads a bank from a resource bundle; fails with a clear message when a dimension lacks a statement. */
    public static QuestionBank load(String bundleName, Locale locale) {
        ResourceBundle bundle;
        try {
            bundle = ResourceBundle.getBundle(
                    bundleName,
                    locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            bundle = ResourceBundle.getBundle(bundleName, Locale.ROOT);
        }
        String version = bundle.getString("bank.version");
        List<Question> questions = new ArrayList<>();
        for (String key : Collections.list(bundle.getKeys())) {
            Matcher m = KEY.matcher(key);
            if (!m.matches()) {
                continue;
            }
            Dimension dimension = Dimension.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            Role role = Role.valueOf(m.group(3).toUpperCase(Locale.ROOT));
            List<String> tags = bundle.containsKey(key + TAGS)
                    ? List.of(bundle.getString(key + TAGS).strip().split("\\s+"))
                    : List.of();
            if (tags.contains("about-partner") == tags.contains("about-self")
                    || !List.of("about-partner", "about-self", "needs-meeting").containsAll(tags)) {
                throw new IllegalStateException("Question bank " + version + ": " + key + TAGS
                        + " must say about-partner or about-self (and may say needs-meeting), not " + tags);
            }
            questions.add(new Question(
                    key,
                    dimension,
                    role,
                    Integer.parseInt(m.group(2)),
                    bundle.getString(key).strip(),
                    tags.contains("about-partner"),
                    tags.contains("needs-meeting")));
        }
        return new QuestionBank(version, questions, wordings(bundleName, version));
    }

    /** Every shipped language's wording of the bank; a language whose bank has another version is left out. */
    private static Map<String, Map<String, String>> wordings(String bundleName, String version) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String language : Languages.SHIPPED) {
            ResourceBundle bundle;
            try {
                bundle = ResourceBundle.getBundle(
                        bundleName,
                        language.equals(Languages.ENGLISH.getLanguage()) ? Locale.ROOT : Locale.of(language),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            } catch (MissingResourceException e) {
                continue;
            }
            if (!bundle.containsKey("bank.version") || !version.equals(bundle.getString("bank.version"))) {
                continue;
            }
            Map<String, String> texts = new LinkedHashMap<>();
            for (String key : Collections.list(bundle.getKeys())) {
                if (KEY.matcher(key).matches()) {
                    texts.put(key, bundle.getString(key).strip());
                }
            }
            out.put(language, Collections.unmodifiableMap(texts));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * A statement worded in {@code locale}'s language: the same id, dimension and role (answers stay comparable), the
     * text of that language's bank; the loaded wording when that language has no bank or lacks the statement.
     */
    public Question in(Question question, Locale locale) {
        String text =
                wordings.getOrDefault(Catalogue.language(locale), Map.of()).get(question.id());
        return text == null ? question : question.worded(text);
    }

    /** {@link #in(Question, Locale)} for each. */
    public List<Question> in(List<Question> questions, Locale locale) {
        return questions.stream().map(q -> in(q, locale)).toList();
    }

    public String version() {
        return version;
    }

    public Optional<Question> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Question get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No question " + id + " in bank " + version));
    }

    /**
     * What is asked once the mentee said they did not meet: each statement that needs a meeting and has no answer yet
     * gives way to its dimension's first statement that does not (if there is one and it is not asked already); the
     * rest stays as asked. A pure function of the check-in's stored questions and answers, so it is never stored.
     */
    public List<Question> withoutMeeting(List<Question> asked, Set<String> answered) {
        List<Question> out = new ArrayList<>(asked.size());
        for (Question q : asked) {
            if (!q.needsMeeting() || answered.contains(q.id())) {
                out.add(q);
                continue;
            }
            statements(q.role(), q.dimension()).stream()
                    .filter(other -> !other.needsMeeting())
                    .filter(other -> asked.stream().noneMatch(a -> a.id().equals(other.id())))
                    .findFirst()
                    .ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** Every statement of the bank, in the order they were read. */
    public List<Question> all() {
        return List.copyOf(byId.values());
    }

    /** The statements for one role and dimension, ordered by paired item number. */
    public List<Question> statements(Role role, Dimension dimension) {
        return List.copyOf(byRole.get(role).get(dimension));
    }

    public int size() {
        return byId.size();
    }
}
