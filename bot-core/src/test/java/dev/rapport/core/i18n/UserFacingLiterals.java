package dev.rapport.core.i18n;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the English a person could read that is still written in Java: every string literal and text block of a
 * source file (constants included, so moving a sentence into a constant does not hide it) that reads like prose, and
 * that is not in one of the few places where English belongs in code.
 *
 * <p>Prose: once placeholders ({@code {name}}, {@code {}}, {@code %s}), chat markup, mentions and addresses are
 * removed, two words of letters separated by white space ("Pair paused"), or a word ending a sentence ("Paused.").
 * Catalogue keys and dotted names ({@code health.state.}) and HTTP routes ({@code GET users/{id}}) are not prose.
 * A sentence cut around its values ({@code "Skipped " + n + " dates"}) is read whole. One capitalised word alone ("Cancel",
 * "Pair") is a label, and prose too, unless it is a name the same in every language ({@link #NOT_WORDS}); a
 * lower-case single word ("yes", "status") is not told apart from an identifier and passes.
 *
 * <p>Where English stays (the literal is inside one of these, at any depth of its expression):
 *
 * <ul>
 *   <li>an annotation ({@code @Query}, {@code @Scheduled}, Javadoc-like attributes): read by frameworks and people
 *       working on the code;
 *   <li>the arguments of a logger call ({@code log}/{@code logger}/{@code LOG}/{@code LOGGER} {@code
 *       .trace/debug/info/warn/error}): logs are for operators, in English;
 *   <li>the message of a programmer-error exception ({@link #PROGRAMMER_ERRORS}) or of {@code
 *       Objects.requireNonNull}: a bug report, never shown to a person;
 *   <li>SQL: a literal or text block whose first word is an SQL keyword ({@link #SQL}), and every literal of a class
 *       named {@code *Sql} (a class that holds its package's SQL);
 *   <li>operators' texts ({@link #OPERATOR_TEXT}): metric and job descriptions, outbox diagnostics, failures that
 *       stop the application at start;
 *   <li>operators' texts and data by member ({@code Class.member} in {@link #OPERATOR_TEXT} or {@link #DATA}): a
 *       call to that method of the same class, or anything inside that method or field (a demo's people's names);
 *   <li>a {@code toString()} method: a representation for logs and debuggers (a text for people has its key);
 *   <li>the {@link #ALLOWED} list: a literal by file and exact value, each with its reason.
 * </ul>
 */
final class UserFacingLiterals {

    /** Exceptions whose message reports a programming error (or a broken environment), not something said to a person. */
    static final Set<String> PROGRAMMER_ERRORS = Set.of(
            "IllegalArgumentException",
            "IllegalStateException",
            "NullPointerException",
            "UnsupportedOperationException",
            "IndexOutOfBoundsException",
            "ArithmeticException",
            "AssertionError",
            "UncheckedIOException",
            "IOException",
            // a lookup of what the caller knows exists, as Optional.orElseThrow throws it
            "NoSuchElementException");

    /**
     * Calls whose string arguments only operators read, as logs are: {@code Scope.method} (or {@code *.method}, any
     * scope) and {@code new Type}, each with its reason.
     */
    static final Map<String, String> OPERATOR_TEXT = Map.ofEntries(
            Map.entry("*.description", "a Micrometer meter's description: the HELP line of the metrics endpoint"),
            Map.entry("RecurringJobs.job", "a Quartz job's description, kept in Quartz's tables for operators"),
            Map.entry(
                    "Rendering.expire",
                    "why an outbox row was not sent: outbox.last_error, a diagnostic read in the database"),
            Map.entry(
                    "new Outcome.Retry", "why a send is retried: outbox.last_error, a diagnostic read in the database"),
            Map.entry("new Outcome.Failed", "why a send failed: outbox.last_error, a diagnostic read in the database"),
            Map.entry(
                    "new DatabaseUnavailableException", "stops the application at start: Spring Boot's failure report"),
            Map.entry("new SecretKeyMissingException", "stops the application at start: Spring Boot's failure report"),
            Map.entry(
                    "new SecretUnreadableException",
                    "a sealed value the key cannot open: fails a migration or a job, logged"),
            Map.entry("new FailureAnalysis", "Spring Boot's failure report at start, printed for the operator"),
            Map.entry("new SendResult.NotConnected", "a send's outcome: outbox.last_error and outages, for operators"),
            Map.entry("new SendResult.Unavailable", "a send's outcome: outbox.last_error and outages, for operators"),
            Map.entry(
                    "new SendResult.TransientFailure",
                    "a send's outcome: outbox.last_error and outages, for operators"),
            Map.entry(
                    "new SendResult.PermanentFailure",
                    "a send's outcome: outbox.last_error and outages, for operators"),
            Map.entry("new SendResult.Unreachable", "a send's outcome: outbox.last_error and outages, for operators"),
            Map.entry(
                    "new DirectoryUnavailableException", "a profile lookup to retry later: logged by the profile job"),
            Map.entry(
                    "new Directory.DirectoryUnavailableException",
                    "a profile lookup to retry later: logged by the profile job"),
            Map.entry(
                    "Probe.down", "why a platform is taken as unavailable: the outages table and logs, for operators"),
            Map.entry(
                    "ChatPort.Probe.down",
                    "why a platform is taken as unavailable: the outages table and logs, for operators"),
            Map.entry("work.submit", "names a piece of inbound work for the log line written if it fails"),
            Map.entry(
                    "DiscordInbound.acknowledged", "names an interaction's work for the log line written if it fails"),
            Map.entry("DiscordReplies.done", "names a Discord call for the log line written if it fails"),
            Map.entry("DiscordRegistrar.report", "where commands were registered, for the log"),
            Map.entry("DiscordConnection.retry", "why the login is retried: logged for the operator"),
            Map.entry("Calls.describe", "what a Discord call's failure was, for a log line"),
            Map.entry(
                    "DiscordChatPort.NOT_CONNECTED", "a send's outcome: outbox.last_error and outages, for operators"),
            Map.entry("DiscordChatPort.fromError", "a send's outcome: outbox.last_error and outages, for operators"),
            Map.entry("new Malformed", "why a signed Slack request was refused: logged; Slack is answered 400"),
            Map.entry(
                    "SlackEventsServlet.malformed",
                    "why a signed Slack request was refused: logged; Slack is answered 400"),
            Map.entry(
                    "SlackEventsServlet.tooLarge",
                    "the size of a refused Slack request: logged; Slack is answered 413"),
            Map.entry("SandboxActivation.refusal", "why the sandbox will not start: Spring Boot's failure report"),
            Map.entry("SandboxGuard.refusal", "why the sandbox refused a request: logged and in the 403's body"),
            Map.entry(
                    "SandboxGuard.preHandle",
                    "the 403's body for a request the sandbox refuses: the sandbox page's own words stay English"),
            Map.entry("SandboxDemo.waitFor", "what the sandbox waits for at start: in the timeout's failure report"));

    /**
     * Members whose literals are data rather than texts, by {@code Class.member}: names of people and places, which
     * are the same in every language, and command lines typed as a person types them.
     */
    static final Map<String, String> DATA = Map.of(
            "SandboxWorld.SLACK_PEOPLE", "the demo's fictional people and their names",
            "SandboxWorld.DISCORD_PEOPLE", "the demo's fictional people and their names",
            "SandboxWorld.SLACK_WORKSPACE_NAME", "the demo workspace's name",
            "SandboxWorld.DISCORD_GUILD_NAME", "the demo server's name",
            "SandboxWorld.start", "the demo server's channel and role names, set up as a server's owner names them",
            "SandboxDemo.seed", "command lines the demo's people type, in the commands' own words");

    /** The first word of an SQL statement or of a fragment appended to one. */
    static final Pattern SQL = Pattern.compile(
            "^\\s*(select|insert|update|delete|with|create|alter|drop|truncate|lock|merge|values|and|or|where|order by"
                    + "|group by|join|left join|on conflict|returning|limit|set)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A condition on a qualified column, as an SQL fragment has one: {@code p.programme_id = ?}, {@code a.score is}. */
    static final Pattern SQL_CONDITION = Pattern.compile("\\b[a-z_]+\\.[a-z_]+\\s*(=|<>|<=|>=|<|>|\\|\\||is\\b|in\\b)");

    /**
     * Literals allowed by file (path from the project root) and exact value, each with its reason. Keep it tiny: a
     * text a person reads belongs in the catalogue, not here.
     */
    static final Map<Allowed, String> ALLOWED = Map.of(
            new Allowed(
                    "bot-core/src/main/java/dev/rapport/core/secrets/DerivedKey.java", "dev.rapport secrets at rest"),
            "the HKDF salt: bytes that derive the keys, never shown; changing them would lose every secret",
            new Allowed(
                    "bot-core/src/main/java/dev/rapport/core/secrets/SecretsAtRestMigration.java", "secrets at rest"),
            "a Flyway migration's description, stored in flyway_schema_history for operators",
            new Allowed("bot-core/src/main/java/dev/rapport/core/secrets/Secrets.java", " of row "),
            "names the sealed value in SecretUnreadableException's operator message (built apart, reused)",
            new Allowed(
                    "bot-core/src/main/java/dev/rapport/core/secrets/Secrets.java",
                    "A key of RAPPORT_SECRET_KEY_PREVIOUS"),
            "names the setting in SecretKeyMissingException's operator message (passed to DerivedKey.of)",
            new Allowed(
                    "bot-core/src/main/java/dev/rapport/core/outbox/OutcomeRecorder.java",
                    "the recipient left Rapport"),
            "outbox.last_error of rows cancelled in one batch: a diagnostic read in the database",
            new Allowed("bot-core/src/main/java/dev/rapport/core/privacy/Erasure.java", "Erased participant"),
            "stored once as an erased person's display_name (data, as a name is) and shown as stored; to be"
                    + " rendered per reader only with a migration that marks erased shells");

    /** One allowed literal: the file it is in and its exact value. */
    record Allowed(String file, String value) {}

    /** A literal the guard refuses: where it is and what it says. */
    record Offender(String file, int line, String value) {
        @Override
        public String toString() {
            return file + ":" + line + ": \"" + value.replace("\n", "\\n") + "\"";
        }
    }

    private static final Pattern PLACEHOLDERS =
            Pattern.compile("\\{[^{}]*}|%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");
    private static final Pattern MARKUP =
            Pattern.compile("https?://\\S+|<[^<>]*>|:[a-z0-9_+-]+:|[*~`>]|(?<![\\p{L}\\d])_|_(?![\\p{L}\\d])");
    private static final Pattern TWO_WORDS = Pattern.compile("\\p{L}{2,}[\\p{L}'’]*[ \\t\\u00a0]+\\p{L}{2,}");
    private static final Pattern SENTENCE_END = Pattern.compile("\\p{L}{2,}[.!?…]\\s*$");
    /** A catalogue key or a dotted name, or a prefix of one ({@code health.state.}): no white space, a dot inside. */
    private static final Pattern DOTTED_NAME =
            Pattern.compile("[\\p{Alnum}_-]+(\\.[\\p{Alnum}_-]+)+\\.?|[a-z0-9_-]+\\.");

    /** A button's or form's id, words joined by colons with no space: {@code rapport:consent:yes}. */
    private static final Pattern ACTION_ID = Pattern.compile("[a-z0-9_-]+(:[a-z0-9_-]*)+");

    /** An HTTP route as platforms' rate limits name it: {@code POST channels/{id}/messages}. */
    private static final Pattern ROUTE = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) [\\w@{}./-]+");

    private static final Pattern LETTER = Pattern.compile("\\p{L}{2,}");
    /** One capitalised word alone: a button's label ("Cancel"), a table's header ("Pair"). */
    private static final Pattern LABEL = Pattern.compile("\\p{Lu}\\p{Ll}{2,}");
    /**
     * Capitalised words that are the same in every language: the product's and the platforms' names, and HTTP's
     * header names and authorisation schemes.
     */
    static final Set<String> NOT_WORDS =
            Set.of("Rapport", "Slack", "Discord", "Authorization", "Bearer", "Bot", "Connection", "Host");

    private static final Set<String> LOGGERS = Set.of("log", "logger", "LOG", "LOGGER");
    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    private final JavaParser parser =
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));

    /** The offending literals of one source file; {@code file} is its path from the project root. */
    List<Offender> scan(String file, String source) {
        ParseResult<CompilationUnit> result = parser.parse(source);
        CompilationUnit unit = result.getResult()
                .filter(u -> result.isSuccessful())
                .orElseThrow(() -> new IllegalStateException("Cannot parse " + file + ": " + result.getProblems()));
        List<Offender> offenders = new ArrayList<>();
        boolean sqlClass = file.endsWith("Sql.java");
        for (LiteralStringValueExpr literal : unit.findAll(LiteralStringValueExpr.class)) {
            String value = value(literal);
            if (value == null
                    || DOTTED_NAME.matcher(value).matches()
                    || ROUTE.matcher(value).matches()
                    || inToString(literal)) {
                continue;
            }
            // A sentence cut into pieces around its values ("Skipped " + n + " dates") is read whole.
            String whole = joined(concatenation(literal));
            boolean reads = prose(value) || (LETTER.matcher(value).find() && prose(whole));
            if (!reads
                    || sqlClass
                    || SQL.matcher(whole).find()
                    || SQL_CONDITION.matcher(whole).find()
                    || allowed(literal, value)
                    || ALLOWED.containsKey(new Allowed(file, value))) {
                continue;
            }
            offenders.add(new Offender(file, literal.getBegin().map(p -> p.line).orElse(0), value));
        }
        return offenders;
    }

    /** Whether the literal is in a {@code toString()}: a representation for logs and debuggers. */
    private static boolean inToString(Expression literal) {
        return literal.findAncestor(MethodDeclaration.class)
                .map(m -> m.getNameAsString().equals("toString")
                        && m.getParameters().isEmpty())
                .orElse(false);
    }

    /** The outermost string concatenation the literal is part of, or the literal itself. */
    private static Expression concatenation(Expression literal) {
        Expression top = literal;
        Optional<Node> parent = literal.getParentNode();
        while (parent.isPresent()
                && (parent.get() instanceof EnclosedExpr
                        || (parent.get() instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS))) {
            top = (Expression) parent.get();
            parent = top.getParentNode();
        }
        return top;
    }

    /** A concatenation's text: its literals as they are, every other operand as a placeholder. */
    private static String joined(Expression e) {
        return switch (e) {
            case BinaryExpr b -> joined(b.getLeft()) + joined(b.getRight());
            case EnclosedExpr enclosed -> joined(enclosed.getInner());
            case LiteralStringValueExpr literal when value(literal) != null -> value(literal);
            default -> " {} ";
        };
    }

    private static String value(LiteralStringValueExpr literal) {
        return switch (literal) {
            case StringLiteralExpr s -> s.asString();
            case TextBlockLiteralExpr t -> t.asString();
            default -> null; // numbers and characters
        };
    }

    /** Whether a literal reads like words for a person once placeholders and markup are set aside. */
    static boolean prose(String value) {
        if (DOTTED_NAME.matcher(value).matches() || ACTION_ID.matcher(value).matches()) {
            return false;
        }
        String words =
                MARKUP.matcher(PLACEHOLDERS.matcher(value).replaceAll(" ")).replaceAll(" ");
        String alone = words.strip();
        return TWO_WORDS.matcher(words).find()
                || SENTENCE_END.matcher(words).find()
                || (LABEL.matcher(alone).matches() && !NOT_WORDS.contains(alone));
    }

    private static boolean allowed(Expression literal, String value) {
        if (SQL.matcher(value).find()
                || literal.findAncestor(MethodDeclaration.class)
                        .map(UserFacingLiterals::memberAllowed)
                        .orElse(false)
                || literal.findAncestor(FieldDeclaration.class)
                        .map(UserFacingLiterals::memberAllowed)
                        .orElse(false)) {
            return true;
        }
        Node child = literal;
        Optional<Node> parent = literal.getParentNode();
        while (parent.isPresent()) {
            Node node = parent.get();
            if (node instanceof AnnotationExpr) {
                return true;
            }
            if (node instanceof MethodCallExpr call
                    && isArgument(call.getArguments(), child)
                    && (logs(call) || requiresNonNull(call) || operatorText(call))) {
                return true;
            }
            if (node instanceof ObjectCreationExpr created
                    && isArgument(created.getArguments(), child)
                    && (PROGRAMMER_ERRORS.contains(created.getType().getNameAsString())
                            || OPERATOR_TEXT.containsKey(
                                    "new " + created.getType().getNameWithScope()))) {
                return true;
            }
            if (node instanceof Statement || node instanceof LambdaExpr || node instanceof BodyDeclaration<?>) {
                return false; // the literal's own expression ends here
            }
            child = node;
            parent = node.getParentNode();
        }
        return false;
    }

    private static boolean isArgument(List<Expression> arguments, Node child) {
        return arguments.stream().anyMatch(argument -> argument == child);
    }

    private static boolean logs(MethodCallExpr call) {
        return LOG_LEVELS.contains(call.getNameAsString())
                && call.getScope()
                        .map(scope -> switch (scope) {
                            case NameExpr name -> LOGGERS.contains(name.getNameAsString());
                            case FieldAccessExpr field -> LOGGERS.contains(field.getNameAsString());
                            default -> false;
                        })
                        .orElse(false);
    }

    private static boolean operatorText(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (call.getScope().isEmpty()) {
            // A call to a method of the same class: Class.method
            return OPERATOR_TEXT.containsKey("*." + name)
                    || OPERATOR_TEXT.containsKey(enclosingType(call) + "." + name);
        }
        return OPERATOR_TEXT.containsKey("*." + name)
                || call.getScope()
                        .filter(scope -> scope instanceof NameExpr || scope instanceof FieldAccessExpr)
                        .map(scope -> OPERATOR_TEXT.containsKey(scope + "." + name))
                        .orElse(false);
    }

    /** Whether a method or field, by {@code Class.member}, holds operators' texts or data (any literal inside). */
    private static boolean memberAllowed(BodyDeclaration<?> member) {
        String name = switch (member) {
            case MethodDeclaration m -> m.getNameAsString();
            case FieldDeclaration f ->
                f.getVariables().getFirst().map(v -> v.getNameAsString()).orElse("");
            default -> "";
        };
        String key = enclosingType(member) + "." + name;
        return OPERATOR_TEXT.containsKey(key) || DATA.containsKey(key);
    }

    private static String enclosingType(Node node) {
        return node.findAncestor(TypeDeclaration.class)
                .map(t -> t.getNameAsString())
                .orElse("");
    }

    private static boolean requiresNonNull(MethodCallExpr call) {
        return call.getNameAsString().equals("requireNonNull")
                && call.getScope()
                        .map(s -> s.toString().equals("Objects") || s.toString().equals("java.util.Objects"))
                        .orElse(false);
    }
}
