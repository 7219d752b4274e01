package dev.rapport.localdiscord;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Collects Discord's nested {@code errors} object of a 400 "Invalid Form Body": one {@code _errors} list per path,
 * e.g. {@code {"embeds":{"0":{"description":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"…"}]}}}}.
 */
final class FormErrors {

    private final JsonObject root = new JsonObject();
    private boolean empty = true;

    /** Adds an error at a path such as {@code "embeds", "0", "description"}. */
    FormErrors add(String code, String message, String... path) {
        JsonObject node = root;
        for (String key : path) {
            JsonObject child = node.getAsJsonObject(key);
            if (child == null) {
                child = new JsonObject();
                node.add(key, child);
            }
            node = child;
        }
        JsonArray list = node.getAsJsonArray("_errors");
        if (list == null) {
            list = new JsonArray();
            node.add("_errors", list);
        }
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        list.add(error);
        empty = false;
        return this;
    }

    FormErrors maxLength(int max, String... path) {
        return add("BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.", path);
    }

    FormErrors badLength(int min, int max, String... path) {
        return add("BASE_TYPE_BAD_LENGTH", "Must be between " + min + " and " + max + " in length.", path);
    }

    FormErrors required(String... path) {
        return add("BASE_TYPE_REQUIRED", "This field is required", path);
    }

    boolean isEmpty() {
        return empty;
    }

    /** Throws Discord's 400 {@code 50035} if anything was added. */
    void throwIfAny() {
        if (!empty) {
            throw ApiError.invalidForm(root);
        }
    }
}
