package dev.rapport.localdiscord;

import com.google.gson.JsonObject;

/**
 * A REST answer that is one of Discord's errors: the HTTP status and the JSON body Discord sends, {@code {"message":
 * …, "code": …}} and, for invalid form bodies, {@code "errors"}. Thrown by the operations and turned into the answer at
 * the edge, so a handler reads as the rules it checks.
 */
final class ApiError extends RuntimeException {

    final int status;
    final int code;
    final transient JsonObject errors;

    ApiError(int status, int code, String message, JsonObject errors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = errors;
    }

    static ApiError of(int status, int code, String message) {
        return new ApiError(status, code, message, null);
    }

    static ApiError invalidForm(JsonObject errors) {
        return new ApiError(400, 50035, "Invalid Form Body", errors);
    }

    static ApiError unauthorized() {
        return of(401, 0, "401: Unauthorized");
    }

    static ApiError notFound() {
        return of(404, 0, "404: Not Found");
    }

    static ApiError unknownInteraction() {
        return of(404, 10062, "Unknown interaction");
    }

    static ApiError alreadyAcknowledged() {
        return of(400, 40060, "Interaction has already been acknowledged.");
    }

    static ApiError invalidWebhookToken() {
        return of(401, 50027, "Invalid Webhook Token");
    }

    static ApiError unknownMessage() {
        return of(404, 10008, "Unknown Message");
    }

    static ApiError unknownChannel() {
        return of(404, 10003, "Unknown Channel");
    }

    static ApiError unknownGuild() {
        return of(404, 10004, "Unknown Guild");
    }

    JsonObject body() {
        JsonObject body = new JsonObject();
        body.addProperty("message", getMessage());
        body.addProperty("code", code);
        if (errors != null) {
            body.add("errors", errors);
        }
        return body;
    }
}
