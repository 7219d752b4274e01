package dev.rapport.core.chat;

/** The chat platforms Rapport speaks to. A programme lives on exactly one of them. */
public enum Platform {
    SLACK,
    DISCORD
}
