package dev.rapport.core.chat;

/** Who a message goes to: a direct message to one person on one platform. */
public record Recipient(Platform platform, String workspaceId, String userId, String displayName) {}
