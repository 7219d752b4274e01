/**
 * The reusable local Slack: a Slack on the loopback interface that speaks Slack's real protocols, so the Slack adapter
 * is proven end to end with the real Slack SDK and Bolt without reaching Slack. The adapter's tests, the sandbox and
 * the benchmark run it in-process; the system test runs it as a process of its own. Everything public is in
 * {@link dev.rapport.localslack.LocalSlack}, configured by its {@link dev.rapport.localslack.LocalSlack.Builder}.
 *
 * <p>Inside, it is built as the local Discord is: one state object, {@code World}, under one lock; the Web API's
 * methods grouped by family ({@code AuthMethods}, {@code ConversationsMethods}, {@code ChatMethods},
 * {@code UsersMethods}, {@code ViewsMethods}, {@code FilesMethods}, {@code OAuthMethods}, {@code ConnectionsMethods})
 * behind {@code WebApi}, which reads calls, applies faults and rate limits and records answers; deliveries to the app
 * in {@code Deliverer} and {@code Events}, what the app's answers show the person in {@code Replies}; what listens in
 * {@code Servers}. The HTTP plumbing and the vocabulary of
 * faults come from {@code dev.rapport.localkit}, shared with the local Discord and with nothing else.
 *
 * <h2>Web API</h2>
 *
 * <p>Under {@code LocalSlack#apiUrl()} ({@code SlackConfig#setMethodsEndpointUrlPrefix}): {@code auth.test},
 * {@code conversations.open}, {@code conversations.history}, {@code chat.postMessage}, {@code chat.update},
 * {@code chat.postEphemeral}, {@code users.info} (from the builder's directory), {@code team.info}, {@code bots.info},
 * {@code views.open}, {@code views.push} and {@code views.update} (Slack's modal limits checked: title, submit and
 * close at most 24 characters, 100 blocks, {@code callback_id} 255, {@code private_metadata} 3000),
 * {@code apps.connections.open} (the app-level token only), {@code oauth.v2.access} (client credentials as form fields
 * or HTTP Basic), and the three steps of {@code filesUploadV2}: {@code files.getUploadURLExternal}, the upload,
 * {@code files.completeUploadExternal}. Held files download from their {@code url_private} with a bot token. Arguments
 * come from form bodies, JSON bodies and the query string; tokens from {@code Authorization: Bearer} or a {@code token}
 * argument. Answers follow Slack's documented shapes and error codes; over a method's rate limit (Slack's tiers, per
 * workspace; {@code chat.postMessage} also per channel) the answer is HTTP 429 with {@code Retry-After} in whole
 * seconds. Every call is recorded ({@code calls()}, {@code callCounts()}, {@code rateLimitedCounts()}), as is every
 * message, update, ephemeral, modal and file.
 *
 * <h2>Message metadata and reading a DM back</h2>
 *
 * <p>An app that must send each message once, even when it crashed between Slack accepting a message and recording
 * that it did, marks each message with metadata and, before sending again, looks for the mark in the DM. Both halves
 * behave as Slack documents them:
 *
 * <ul>
 *   <li>{@code chat.postMessage} and {@code chat.update} take {@code metadata} ({@code event_type} and an object
 *       {@code event_payload}): a JSON string in a form body, an object in a JSON body. Not a JSON object is
 *       {@code invalid_metadata_format}; no string {@code event_type} or no object {@code event_payload} is
 *       {@code invalid_metadata_schema}; an {@code event_type} with anything but letters, digits, {@code _} and
 *       {@code -} is posted without its metadata and with the warning {@code invalid_metadata_schema} (Slack's
 *       message metadata guide: such metadata "is ignored"); from a user token, {@code metadata_must_be_sent_from_app}.
 *       The metadata is kept with the message ({@code PostedMessage#metadata()}) and returned in the answer's
 *       {@code message}; {@code chat.update} keeps it when not given one, and an empty object removes it.
 *   <li>{@code conversations.history} reads a DM newest first: what the app posted, edits applied and deletions gone
 *       (what {@code screenOf} shows), and what the person wrote; not ephemeral messages, modals or file shares. It
 *       takes {@code cursor}, {@code limit} (default 100, at most 999), {@code oldest}, {@code latest},
 *       {@code inclusive} and {@code include_all_metadata}, without which no message carries its metadata; it pages
 *       with {@code has_more} and {@code response_metadata.next_cursor} (left out on the last page). An unknown
 *       channel is {@code channel_not_found}; a token without {@code im:history} gets
 *       {@code {"ok":false,"error":"missing_scope","needed":"im:history","provided":"<its scopes>"}}. Tier 3.
 * </ul>
 *
 * <p>{@code im:history} is the one scope enforced: bot tokens have {@code Builder.DEFAULT_SCOPE} (Rapport's manifest,
 * which asks for it), or what {@code Builder#workspace(teamId, token, scope)} or an OAuth install granted.
 *
 * <h2>Deliveries to the app</h2>
 *
 * <p>Both ways Slack delivers: <b>Socket Mode</b> (the default), a websocket whose {@code ws://} URL
 * {@code apps.connections.open} hands out with a single-use ticket, greeting each connection with {@code hello} and
 * spreading envelopes over the open connections; or <b>HTTP</b> after {@code deliverOverHttp(URI)}, each request
 * signed as Slack signs ({@code X-Slack-Request-Timestamp}, {@code X-Slack-Signature: v0=…}). Slash commands,
 * {@code block_actions}, {@code view_submission}, {@code view_closed} and Events API events are built in Slack's
 * documented shapes (Bolt parses them into its payload classes) by {@link dev.rapport.localslack.SlackUser}, from
 * {@code LocalSlack#as(teamId, userId)}. Each is a {@link dev.rapport.localslack.Delivery}: its
 * {@link dev.rapport.localslack.Ack} per attempt (outcome, HTTP status or ack frame, payload, latency; not answered
 * in 3 s is timed out, as Slack would show the person an error), events retried as Slack retries them, and the posts
 * to its {@code response_url} (5 within 30 minutes). Every command and interaction carries a fresh trigger, which
 * {@code views.open} accepts once within 3 s.
 *
 * <h2>What each person sees</h2>
 *
 * <p>{@code LocalSlack#screenOf(teamId, userId)} lists, in order, the app's DM messages with their edits applied,
 * ephemeral messages, replies through acknowledgements and {@code response_url}, modals (open or closed, with their
 * field errors), shared files and what the person wrote.
 *
 * <h2>Faults</h2>
 *
 * <p>Named as on the local Discord (both implement {@code dev.rapport.localkit.Faults}): 5xx answers for the next
 * calls ({@code failNextCalls}), slow answers ({@code delayResponses}), people whose DMs fail
 * ({@code closeDirectMessages}, with {@code cannot_dm_user} or another of Slack's errors, until
 * {@code openDirectMessages}), Socket Mode connections dropped abruptly ({@code dropConnections}), and outages
 * (everything answering 503, or nothing listening) from {@code startOutage} until {@code endOutage} and recovery on
 * the same ports. Slack's own: connections asked to {@code disconnect} ({@code requestReconnect}). Forged HTTP
 * deliveries ({@link dev.rapport.localslack.Signing}) test an app's request verification.
 *
 * <h2>On its own, as a separate process</h2>
 *
 * <p>{@link dev.rapport.localslack.LocalSlackServer} runs one workspace in a process of its own ({@code java -jar
 * local-slack/target/local-slack.jar} after {@code ./mvnw package}, its dependencies in {@code target/lib}), for crash
 * tests that kill the bot while Slack stays up and for trying Rapport by hand. It prints one line of JSON with its
 * URLs and runs until killed or until its standard input closes, so it dies with the test that started it. Its
 * control API, on a loopback port of its own that answers while the Web API is down, starts and ends outages, pages
 * through the DMs posted, adds people and reads the call and 429 counters: see
 * {@link dev.rapport.localslack.LocalSlackServer} and {@code ControlApi}.
 *
 * <h2>Time</h2>
 *
 * <p>Rate limits, trigger, {@code response_url} and OAuth code expiry, timestamps and request signatures run on the
 * builder's {@link java.time.Clock} (so a test can move time); acknowledgement latency and the 3 s deadline are
 * measured on the machine's monotonic clock, since they measure the app. Signatures on a clock far from the machine's
 * fail a real verifier, as they would against Slack.
 *
 * <p>Nothing here logs a token or secret; tokens the local Slack issues ({@code oauth.v2.access}) are made not to look
 * like Slack's, so no secret scanner mistakes them for real ones.
 */
package dev.rapport.localslack;
