/**
 * Every text a person reads, in their language: the message catalogues, the shipped languages, and the one rule that
 * decides a person's language.
 *
 * <ul>
 *   <li>{@link dev.rapport.core.i18n.Catalogue#text(java.util.Locale, String, java.util.Map)} looks a text up and
 *       formats it with ICU {@code MessageFormat}: named arguments ({@code {name}}), plurals
 *       ({@code {weeks, plural, one {# week} other {# weeks}}}), dates and numbers formatted for the language
 *       ({@code {until, date, long}}). A key missing in a language falls back to English.
 *   <li>The catalogues are UTF-8 {@code .properties} files, {@code i18n/messages.properties} (English, the fallback
 *       and the reference) and {@code i18n/messages_<code>.properties}, one per language in
 *       {@link dev.rapport.core.i18n.Languages#SHIPPED}. {@code CatalogueCompletenessTest} fails the build when a
 *       shipped language lacks a key, uses other argument names, or does not parse; the same for the question banks.
 *   <li>{@link dev.rapport.core.i18n.Languages#resolve} is the rule: the person's explicit choice, else the locale
 *       their platform reports (when shipped), else the programme's default language, else English.
 *   <li>{@link dev.rapport.core.i18n.Text} is a text not yet rendered (a key and its arguments): what the outbox
 *       stores, so a message is rendered in the recipient's language when it is sent, not when it is written.
 * </ul>
 *
 * <p><b>Keys</b> are {@code <feature>.<message>[.<part>]}: lower case, dot-separated, words within a segment joined by
 * hyphens, the first segment the feature (package) that owns the text: {@code checkin.greeting},
 * {@code checkin.scale.hint}, {@code notice.pair-left.partner}, {@code welcome.body}. Arguments are named in lower
 * camel case ({@code {partnerName}}) and mean the same in every language; a text whose meaning changes gets a new
 * key. Slack-style light Markdown ({@code *bold*}, {@code `code`}) is part of the text; a command word such as
 * {@code /rapport pause} is never translated. In ICU patterns a single quote is a plain apostrophe except before
 * {@code {}, {@code }}, {@code #} or {@code |}, where it must be doubled.
 */
package dev.rapport.core.i18n;
