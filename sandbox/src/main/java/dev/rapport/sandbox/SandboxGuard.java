package dev.rapport.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the sandbox page's API ({@code /sandbox/api/**}): whoever may call it acts as anyone in the demo and moves its
 * clock. A request is answered only when
 *
 * <ul>
 *   <li>it comes from this machine (a loopback address),
 *   <li>it names this machine in its {@code Host} header ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}), so a
 *       web page elsewhere cannot reach it by pointing a name of its own at 127.0.0.1 (DNS rebinding), and
 *   <li>if it changes anything (any method but GET and HEAD), it carries this run's token in {@value #HEADER}, which
 *       only the sandbox's own page reads (from {@code /sandbox/api/state}; another site's page cannot read that
 *       answer, nor send a custom header to another origin without its consent, which the sandbox never gives).
 * </ul>
 *
 * <p>Anything else gets 403.
 */
final class SandboxGuard implements HandlerInterceptor {

    /** The header that carries this run's token. */
    static final String HEADER = "X-Rapport-Sandbox-Token";

    private static final Logger log = LoggerFactory.getLogger(SandboxGuard.class);
    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final String token;

    SandboxGuard() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** This run's token, for the sandbox's page. */
    String token() {
        return token;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String refusal = refusal(request);
        if (refusal == null) {
            return true;
        }
        log.warn("Refused a sandbox request: {} {} ({})", request.getMethod(), request.getRequestURI(), refusal);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter()
                .write("{\"error\":\"The sandbox answers its own page on this machine only (" + refusal
                        + "). Reload the page.\"}");
        return false;
    }

    /** Why a request is refused, or null. */
    String refusal(HttpServletRequest request) {
        if (!loopbackAddress(request.getRemoteAddr())) {
            return "not from this machine";
        }
        if (!loopbackHost(request.getHeader("Host"))) {
            return "not addressed to localhost";
        }
        if (!READS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            String given = request.getHeader(HEADER);
            if (given == null
                    || !MessageDigest.isEqual(
                            given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                return "without this run's token";
            }
        }
        return null;
    }

    /** Whether an IP address (as the server saw it: a literal, never looked up) is loopback. */
    static boolean loopbackAddress(String ip) {
        if (ip == null || ip.isBlank() || !ip.matches("[0-9a-fA-F:.%\\[\\]]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether a Host header names this machine: localhost, or a loopback address literal; with any port. */
    static boolean loopbackHost(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && loopbackAddress(h.substring(1, end));
        }
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        return name.equals("localhost") || (name.matches("[0-9.]+") && loopbackAddress(name));
    }
}
