package dev.rapport.systemtest;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A class path made of where some classes were loaded from: a child JVM gets exactly what it needs. */
final class Classpath {

    private Classpath() {}

    static String of(Class<?>... classes) {
        return Arrays.stream(classes)
                .map(Classpath::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Cannot tell where " + c.getName() + " was loaded from", e);
        }
    }
}
